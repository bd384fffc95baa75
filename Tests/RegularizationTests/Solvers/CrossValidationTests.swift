import Foundation
import Testing
@testable import Regularization

@Suite("Cross-validation")
struct CrossValidationTests {
    @Test("matches scikit-learn's LassoCV / ElasticNetCV mse_path_ and the manual Ridge CV for fixed folds",
          arguments: SolverFixtures.shared.cross_validation)
    func matchesScikitLearn(_ expected: SolverFixtures.CrossValidationCase) throws {
        let (x, y) = try SolverFixtures.problem(expected.problem)
        let folds = CrossValidationFolds(validationIndices: expected.folds)
        if expected.ridge == true {
            let result = try Ridge().crossValidate(x, y, folds: folds, alphas: expected.alphas)
            for k in expected.alphas.indices { #expect(close(result.curve.foldErrors[k], expected.mse_path[k])) }
            let best = expected.mse_path.map { $0.reduce(0, +) }.enumerated().min { $0.element < $1.element }?.offset
            #expect(result.curve.bestIndex == best)
            return
        }
        let model = ElasticNet(l1Ratio: try #require(expected.l1_ratio), tolerance: 1e-10, maxIterations: 1_000_000)
        let result = try model.crossValidate(x, y, folds: folds, count: try #require(expected.count), eps: try #require(expected.eps))
        #expect(close(result.curve.alphas, expected.alphas, 1e-12))
        var worst = 0.0
        for k in expected.alphas.indices { worst = max(worst, largestDifference(result.curve.foldErrors[k], expected.mse_path[k])) }
        #expect(worst <= 1e-6, "largest MSE difference \(worst)")
        // The same alpha of the grid: equal to the last few bits (the grid itself matches to 1e-12).
        #expect(close([result.curve.bestAlpha], [try #require(expected.alpha)], 1e-12))
        #expect(close(result.model.coefficients, try #require(expected.coef)))
        #expect(abs(result.model.intercept - (try #require(expected.intercept))) < 1e-6)
    }

    @Test("k-fold sizes follow scikit-learn and shuffled folds are a seeded partition")
    func kFold() throws {
        let plain = try CrossValidationFolds.kFold(3, sampleCount: 10)
        #expect(plain.validationIndices == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]])
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 3)
        let first = try CrossValidationFolds.kFold(4, sampleCount: 22, generator: &a)
        let second = try CrossValidationFolds.kFold(4, sampleCount: 22, generator: &b)
        #expect(first == second)
        #expect(first.validationIndices.map(\.count) == [6, 6, 5, 5])
        #expect(first.validationIndices.flatMap { $0 }.sorted() == Array(0..<22))
        #expect(first.validationIndices != (try CrossValidationFolds.kFold(4, sampleCount: 22)).validationIndices)
        #expect(first.trainingIndices(fold: 0, sampleCount: 22).count == 16)
        #expect(throws: ArgumentError.self) { try CrossValidationFolds.kFold(1, sampleCount: 10) }
        #expect(throws: ArgumentError.self) { try CrossValidationFolds.kFold(11, sampleCount: 10) }
        let (x, y) = try SolverFixtures.problem("small")
        #expect(throws: ArgumentError.self) { try Lasso().crossValidate(x, y, folds: CrossValidationFolds(validationIndices: [[0], [99]])) }
        #expect(throws: ArgumentError.self) { try Lasso().crossValidate(x, y, folds: CrossValidationFolds(validationIndices: [[0, 0], [1]])) }
    }

    @Test("the curve summary: mean, sample standard deviation, best and one-standard-error α")
    func curve() throws {
        let curve = try CrossValidationCurve(
            alphas: [4, 3, 2, 1],
            foldErrors: [[10, 12], [5, 7], [4, 6], [4.5, 5.5]])
        #expect(curve.meanError == [11, 6, 5, 5])
        #expect(abs(curve.standardDeviation[1] - 2.0.squareRoot()) < 1e-12)
        #expect(curve.bestIndex == 2)
        #expect(curve.bestAlpha == 2)
        // threshold = 5 + √2/√2 = 6: α = 3 (mean 6) is the largest α within it.
        #expect(curve.oneStandardErrorAlpha == 3)
    }

    @Test("seeded k-fold Lasso CV is reproducible and chooses a sparse model on a sparse truth")
    func seededLassoCV() throws {
        var generator = SeededGenerator(seed: 11)
        let data = try Dataset.sparseRegression(samples: 120, features: 30, nonZeros: 4, noise: 0.5, generator: &generator)
        var g1 = SeededGenerator(seed: 5)
        var g2 = SeededGenerator(seed: 5)
        let r1 = try Lasso().crossValidate(data.x, data.y, folds: .kFold(5, sampleCount: 120, generator: &g1), count: 30)
        let r2 = try Lasso().crossValidate(data.x, data.y, folds: .kFold(5, sampleCount: 120, generator: &g2), count: 30)
        #expect(r1 == r2)
        let truth = nonZeros(try #require(data.coefficients))
        #expect(Set(truth).isSubset(of: Set(r1.model.support)))
        #expect(r1.curve.oneStandardErrorAlpha >= r1.curve.bestAlpha)
    }
}
