import Foundation
import Testing
@testable import Regularization

@Suite("Ridge in closed form")
struct RidgeTests {
    @Test("Cholesky matches scikit-learn's Ridge", arguments: SolverFixtures.shared.ridge)
    func cholesky(_ expected: SolverFixtures.RidgeCase) throws {
        let (x, y) = try SolverFixtures.problem(expected.problem)
        let model = try Ridge(alpha: expected.alpha, fitIntercept: expected.fit_intercept).fit(x, y)
        #expect(close(model.coefficients, expected.coef), "largest difference \(largestDifference(model.coefficients, expected.coef))")
        #expect(abs(model.intercept - expected.intercept) <= 1e-6 * max(1, abs(expected.intercept)))
    }

    @Test("the SVD path equals the Cholesky fits", arguments: ["small", "wide", "iris"])
    func svdPath(_ name: String) throws {
        let (x, y) = try SolverFixtures.problem(name)
        let alphas = [0.01, 1.0, 100.0]
        for fitIntercept in [true, false] {
            let path = try Ridge(fitIntercept: fitIntercept).path(x, y, alphas: alphas)
            for (k, alpha) in alphas.enumerated() {
                let expected = SolverFixtures.shared.ridge.first {
                    $0.problem == name && $0.alpha == alpha && $0.fit_intercept == fitIntercept
                }
                let oracle = try #require(expected)
                #expect(close(path.coefficients[k], oracle.coef), "α=\(alpha): \(largestDifference(path.coefficients[k], oracle.coef))")
                #expect(abs(path.intercepts[k] - oracle.intercept) <= 1e-6 * max(1, abs(oracle.intercept)))
            }
        }
    }

    @Test("α = 0 on collinear columns is a clear error; α = 0 on full rank is least squares")
    func singular() throws {
        let x = Tensor<Double>(rows: [[1, 2], [2, 4], [3, 6], [4, 8]])
        let y = Tensor<Double>([1, 2, 3, 5])
        #expect(throws: NumericalError.singularSystem(alpha: 0)) { try Ridge(alpha: 0).fit(x, y) }
        #expect(throws: ArgumentError.self) { try Ridge(alpha: -1).fit(x, y) }
        let line = try Ridge(alpha: 0).fit(Tensor(rows: [[0], [1], [2]]), Tensor([1, 3, 5]))
        #expect(abs(line.coefficients[0] - 2) < 1e-12)
        #expect(abs(line.intercept - 1) < 1e-12)
    }
}
