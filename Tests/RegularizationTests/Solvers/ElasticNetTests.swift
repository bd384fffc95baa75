import Foundation
import Testing
@testable import Regularization

@Suite("Lasso and ElasticNet by coordinate descent")
struct ElasticNetTests {
    static let tight = 1e-10

    @Test("matches scikit-learn's ElasticNet coefficients and supports", arguments: SolverFixtures.shared.elastic_net)
    func matchesScikitLearn(_ expected: SolverFixtures.ElasticNetCase) throws {
        let (x, y) = try SolverFixtures.problem(expected.problem)
        let model = ElasticNet(
            alpha: expected.alpha, l1Ratio: expected.l1_ratio, fitIntercept: expected.fit_intercept, tolerance: Self.tight,
            maxIterations: 1_000_000)
        let fit = try model.fit(x, y)
        #expect(fit.converged)
        #expect(close(fit.coefficients, expected.coef), "largest difference \(largestDifference(fit.coefficients, expected.coef))")
        #expect(abs(fit.intercept - expected.intercept) <= 1e-6 * max(1, abs(expected.intercept)))
        #expect(nonZeros(fit.coefficients) == nonZeros(expected.coef))
    }

    @Test("the known small case: α = 0.1 on X = [[0,0],[1,1],[2,2]] gives w = [0.85, 0], b = 0.15")
    func knownSmallCase() throws {
        let fit = try Lasso(alpha: 0.1).fit(Tensor(rows: [[0, 0], [1, 1], [2, 2]]), Tensor([0, 1, 2]))
        let oracle = SolverFixtures.shared.known_small
        #expect(close(fit.coefficients, oracle.coef, 1e-12))
        #expect(abs(fit.intercept - oracle.intercept) < 1e-12)
        #expect(close(fit.coefficients, [0.85, 0], 1e-12))
        #expect(abs(fit.intercept - 0.15) < 1e-12)
        #expect(fit.support == [0])
    }

    @Test("screening changes the work, not the answer", arguments: [true, false])
    func screeningGivesSameSolution(fitIntercept: Bool) throws {
        for name in ["small", "wide"] {
            let (x, y) = try SolverFixtures.problem(name)
            let alpha = try ElasticNet.alphaGrid(x, y, fitIntercept: fitIntercept, count: 3, eps: 0.05)[1]
            let on = try Lasso(alpha: alpha, fitIntercept: fitIntercept, tolerance: Self.tight, maxIterations: 100_000).fit(x, y)
            let off = try Lasso(alpha: alpha, fitIntercept: fitIntercept, tolerance: Self.tight, maxIterations: 100_000, screening: false).fit(x, y)
            #expect(close(on.coefficients, off.coefficients, 1e-7))
            #expect(on.support == off.support)
        }
    }

    @Test("the returned duality gap is below tol·‖y‖²/n and the objective is minimal nearby")
    func gapAndObjective() throws {
        let (x, y) = try SolverFixtures.problem("small")
        let fit = try ElasticNet(alpha: 0.3, l1Ratio: 0.7, fitIntercept: false).fit(x, y)
        let yNorm2 = y.scalars.reduce(0) { $0 + $1 * $1 }
        #expect(fit.converged)
        #expect(fit.dualGap >= -1e-12)
        #expect(fit.dualGap <= 1e-4 * yNorm2 / Double(y.count))
        let objective = try fit.objective(x, y)
        for j in [0, 3, 7] {
            var moved = fit.model
            moved.coefficients[j] += 1e-3
            let worse = try ElasticNetFit(
                model: moved, alpha: 0.3, l1Ratio: 0.7, iterations: 0, dualGap: 0, converged: true
            ).objective(x, y)
            #expect(worse > objective - fit.dualGap)
        }
    }

    @Test("l1Ratio = 0 is Ridge: ElasticNet(α, 0) equals Ridge(n·α)", arguments: [true, false])
    func pureL2(fitIntercept: Bool) throws {
        let (x, y) = try SolverFixtures.problem("small")
        let n = Double(y.count)
        let fit = try ElasticNet(alpha: 0.5, l1Ratio: 0, fitIntercept: fitIntercept, tolerance: 1e-12, maxIterations: 100_000).fit(x, y)
        let ridge = try Ridge(alpha: 0.5 * n, fitIntercept: fitIntercept).fit(x, y)
        #expect(fit.converged)
        #expect(close(fit.coefficients, ridge.coefficients, 1e-7), "\(largestDifference(fit.coefficients, ridge.coefficients))")
        #expect(abs(fit.intercept - ridge.intercept) < 1e-7)
    }

    @Test("a warm start at the solution needs no sweep")
    func warmStart() throws {
        let (x, y) = try SolverFixtures.problem("small")
        let lasso = Lasso(alpha: 0.2, tolerance: 1e-8)
        let first = try lasso.fit(x, y)
        let second = try lasso.fit(x, y, warmStart: first.coefficients)
        #expect(first.iterations > 0)
        #expect(second.iterations == 0)
        #expect(close(second.coefficients, first.coefficients, 1e-12))
    }

    @Test("a large α gives all zeros and the mean as intercept")
    func aboveAlphaMax() throws {
        let (x, y) = try SolverFixtures.problem("small")
        let alphaMax = try ElasticNet.alphaGrid(x, y, count: 1)[0]
        let fit = try Lasso(alpha: alphaMax * 1.01).fit(x, y)
        #expect(fit.support.isEmpty)
        #expect(abs(fit.intercept - y.scalars.reduce(0, +) / Double(y.count)) < 1e-12)
    }

    @Test("invalid input is an error, not a hang")
    func errors() throws {
        let x = Tensor<Double>(rows: [[1, 2], [3, 4], [5, 7]])
        let y = Tensor<Double>([1, 2, 3])
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 0).fit(x, y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: -1).fit(x, y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: .nan).fit(x, y) }
        #expect(throws: ArgumentError.self) { try ElasticNet(alpha: 1, l1Ratio: 1.5).fit(x, y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1, maxIterations: 0).fit(x, y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(x, Tensor([1, 2])) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(Tensor([1, 2, 3]), y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(Tensor(shape: [0, 2], scalars: []), Tensor([])) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(x, Tensor([1, .nan, 3])) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(Tensor(rows: [[1, 2], [.infinity, 4], [5, 7]]), y) }
        #expect(throws: ArgumentError.self) { try Lasso(alpha: 1).fit(x, y, warmStart: [1]) }
        let error = ArgumentError.nonFinite(argument: "y", index: 1)
        #expect(error.description.contains("flat index 1"))
    }

    @Test("a non-converging fit stops at maxIterations and says so")
    func iterationLimit() throws {
        let (x, y) = try SolverFixtures.problem("wide")
        let fit = try Lasso(alpha: 1e-4, tolerance: 1e-14, maxIterations: 3).fit(x, y)
        #expect(fit.iterations == 3)
        #expect(!fit.converged)
    }
}
