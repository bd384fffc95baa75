import Foundation

extension ElasticNet {
    /// scikit-learn's `_alpha_grid`: `count` values spaced evenly on a log scale from
    /// α_max = max_j |x_jᵀy| / (n·l1Ratio) (on centered data when fitting an intercept) down to
    /// α_max·`eps`. At α_max every weight is zero.
    public static func alphaGrid(
        _ x: Tensor<Double>, _ y: Tensor<Double>, l1Ratio: Double = 1, fitIntercept: Bool = true, count: Int = 100,
        eps: Double = 1e-3
    ) throws(ArgumentError) -> [Double] {
        let problem = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        return try alphaGrid(problem: problem, l1Ratio: l1Ratio, count: count, eps: eps)
    }

    /// The alpha grid of a prepared problem.
    static func alphaGrid(problem: LinearProblem, l1Ratio: Double, count: Int, eps: Double) throws(ArgumentError) -> [Double] {
        try ArgumentError.check(
            "l1Ratio", l1Ratio,
            "an automatic alpha grid needs l1Ratio in (0, 1]; for l1Ratio = 0 pass the alphas explicitly") { $0 > 0 && $0 <= 1 }
        try ArgumentError.check("count", count, "count must be at least 1, e.g. 100") { $0 >= 1 }
        try ArgumentError.check("eps", eps, "eps must be positive, e.g. 1e-3") { $0 > 0 }
        let correlations = problem.transposeTimes(problem.target)
        let alphaMax = (correlations.map(abs).max() ?? 0) / (Double(problem.samples) * l1Ratio)
        let resolution = 1e-15  // np.finfo(np.float64).resolution
        if alphaMax <= resolution { return [Double](repeating: resolution, count: count) }
        return SolverChecks.geometricSpace(from: alphaMax, to: alphaMax * eps, count: count)
    }

    /// The regularization path: the model fitted at each α, largest first, each solve warm-started
    /// from the previous one with the sequential strong rule (scikit-learn's `enet_path`).
    ///
    /// - Parameters:
    ///   - x: the features, `[samples, features]`.
    ///   - y: the targets, `[samples]`.
    ///   - alphas: the penalty strengths (sorted decreasing); default: `alphaGrid` with `count` and `eps`.
    ///   - count: the number of values of the default grid.
    ///   - eps: the default grid's smallest α as a fraction of α_max.
    ///   - useGram: solve on the Gram matrix XᵀX; `nil` chooses it when samples outnumber features
    ///     (scikit-learn's `precompute="auto"`).
    public func path(
        _ x: Tensor<Double>, _ y: Tensor<Double>, alphas: [Double]? = nil, count: Int = 100, eps: Double = 1e-3,
        useGram: Bool? = nil
    ) throws(ArgumentError) -> RegularizationPath {
        try validateSettings()
        let problem = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        let grid: [Double]
        if let alphas {
            try SolverChecks.alphas(alphas, Self.validateAlpha)
            grid = alphas.sorted(by: >)
        } else {
            grid = try Self.alphaGrid(problem: problem, l1Ratio: l1Ratio, count: count, eps: eps)
        }
        return path(problem: problem, alphas: grid, useGram: useGram)
    }

    /// The path of a prepared problem over a validated, decreasing grid.
    func path(problem: LinearProblem, alphas: [Double], useGram: Bool?) -> RegularizationPath {
        let n = problem.samples
        let p = problem.features
        let gramMode = useGram ?? (n > p)
        var w = [Double](repeating: 0, count: p)
        var result = RegularizationPath(
            alphas: alphas, l1Ratio: l1Ratio, coefficients: [], intercepts: [], iterations: [], dualGaps: [], converged: [])
        result.coefficients.reserveCapacity(alphas.count)
        var previousL1: Double? = nil
        // Either the Gram state (G, q, g = Xᵀr) or the residual state (norms, r).
        let gram = gramMode ? problem.gram() : []
        let q = gramMode ? problem.transposeTimes(problem.target) : []
        var g = q
        let yNorm2 = problem.target.reduce(0) { $0 + $1 * $1 }
        let norms = gramMode ? [] : problem.columnSquaredNorms()
        var r = problem.target
        for alpha in alphas {
            let l1 = alpha * l1Ratio * Double(n)
            let l2 = alpha * (1 - l1Ratio) * Double(n)
            let outcome: CoordinateDescentOutcome
            if gramMode {
                outcome = CoordinateDescent.solveGram(
                    gram: gram, q: q, yNorm2: yNorm2, l1: l1, l2: l2, tolerance: tolerance, maxIterations: maxIterations,
                    screening: screening, previousL1: previousL1, w: &w, g: &g)
            } else {
                outcome = CoordinateDescent.solveResidual(
                    problem: problem, norms: norms, l1: l1, l2: l2, tolerance: tolerance, maxIterations: maxIterations,
                    screening: screening, previousL1: previousL1, w: &w, r: &r)
            }
            previousL1 = l1
            result.coefficients.append(w)
            result.intercepts.append(problem.intercept(for: w))
            result.iterations.append(outcome.iterations)
            result.dualGaps.append(outcome.gap / Double(n))
            result.converged.append(outcome.converged)
        }
        return result
    }
}

extension SolverChecks {
    /// NumPy's `geomspace(start, stop, num)`: 10^linspace(log10 start, log10 stop) with exact ends.
    static func geometricSpace(from start: Double, to stop: Double, count: Int) -> [Double] {
        if count == 1 { return [start] }
        let a = log10(start)
        let b = log10(stop)
        let step = (b - a) / Double(count - 1)
        var values = (0..<count).map { pow(10, a + Double($0) * step) }
        values[0] = start
        values[count - 1] = stop
        return values
    }
}
