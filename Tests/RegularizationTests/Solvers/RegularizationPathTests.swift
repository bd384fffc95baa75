import Foundation
import Testing
@testable import Regularization

@Suite("Alpha grid and regularization path")
struct RegularizationPathTests {
    @Test("the alpha grid matches scikit-learn's _alpha_grid", arguments: SolverFixtures.shared.alpha_grids)
    func alphaGrid(_ expected: SolverFixtures.Grid) throws {
        let (x, y) = try SolverFixtures.problem(expected.problem)
        let grid = try ElasticNet.alphaGrid(
            x, y, l1Ratio: expected.l1_ratio, fitIntercept: expected.fit_intercept, count: expected.count, eps: expected.eps)
        #expect(close(grid, expected.alphas, 1e-12), "largest difference \(largestDifference(grid, expected.alphas))")
    }

    @Test("the path matches scikit-learn's lasso_path / enet_path", arguments: SolverFixtures.shared.paths)
    func path(_ expected: SolverFixtures.Path) throws {
        let (x, y) = try SolverFixtures.problem(expected.problem)
        let model = ElasticNet(
            l1Ratio: expected.l1_ratio, fitIntercept: expected.fit_intercept, tolerance: 1e-10, maxIterations: 1_000_000)
        let count = expected.alphas.count
        let eps = expected.alphas[count - 1] / expected.alphas[0]
        let path = try model.path(x, y, count: count, eps: eps)
        #expect(close(path.alphas, expected.alphas, 1e-12))
        var worst = 0.0
        for k in 0..<count {
            worst = max(worst, largestDifference(path.coefficients[k], expected.coefs[k]))
            #expect(nonZeros(path.coefficients[k]) == nonZeros(expected.coefs[k]), "support at α[\(k)] = \(path.alphas[k])")
        }
        #expect(worst <= 1e-6, "largest coefficient difference along the path: \(worst)")
        #expect(path.converged.allSatisfy { $0 })
    }

    @Test("Gram and residual coordinate descent agree along the path", arguments: ["small", "wide"])
    func gramAgreesWithResidual(_ name: String) throws {
        let (x, y) = try SolverFixtures.problem(name)
        let lasso = Lasso(tolerance: 1e-10, maxIterations: 1_000_000)
        let gram = try lasso.path(x, y, count: 20, eps: 1e-2, useGram: true)
        let residual = try lasso.path(x, y, count: 20, eps: 1e-2, useGram: false)
        for k in 0..<20 { #expect(close(gram.coefficients[k], residual.coefficients[k], 1e-6)) }
        #expect(gram.supportSizes == residual.supportSizes)
    }

    @Test("the path agrees with independent fits and its first model is empty")
    func pathMatchesFits() throws {
        let (x, y) = try SolverFixtures.problem("small")
        let model = ElasticNet(l1Ratio: 0.8, tolerance: 1e-10, maxIterations: 100_000)
        let path = try model.path(x, y, alphas: [0.05, 2, 0.5])
        #expect(path.alphas == [2, 0.5, 0.05])
        for (k, alpha) in path.alphas.enumerated() {
            var single = model
            single.alpha = alpha
            let fit = try single.fit(x, y)
            #expect(close(path.coefficients[k], fit.coefficients, 1e-7))
            #expect(abs(path.intercepts[k] - fit.intercept) < 1e-7)
        }
        let grid = try model.path(x, y, count: 5)
        #expect(grid.supportSizes[0] == 0)
    }

    @Test("invalid grids are errors")
    func errors() throws {
        let (x, y) = try SolverFixtures.problem("small")
        #expect(throws: ArgumentError.self) { try ElasticNet(l1Ratio: 0).path(x, y) }
        #expect(throws: ArgumentError.self) { try Lasso().path(x, y, alphas: []) }
        #expect(throws: ArgumentError.self) { try Lasso().path(x, y, alphas: [1, -1]) }
        #expect(throws: ArgumentError.self) { try Lasso().path(x, y, count: 0) }
        #expect(throws: ArgumentError.self) { try Lasso().path(x, y, eps: 0) }
        #expect(try ElasticNet(l1Ratio: 0).path(x, y, alphas: [1, 0.1]).alphas == [1, 0.1])
    }
}
