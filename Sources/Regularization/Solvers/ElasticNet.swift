// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// Linear regression with a combined L1 and L2 penalty, fitted by coordinate descent.
///
/// Minimizes scikit-learn's objective
/// (1/2n)‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + ½·α·(1 − l1Ratio)·‖w‖²,
/// with the intercept b handled by centering X and y (scikit-learn's `fit_intercept=True`) and
/// scikit-learn's stopping rule: the duality gap is checked whenever the largest coordinate update
/// of a sweep is at most `tolerance` times the largest weight, and the solver stops when the gap is
/// at most `tolerance·‖y‖²` (in cd_fast's units).
///
/// ```swift
/// let fit = try ElasticNet(alpha: 0.1, l1Ratio: 0.5).fit(x, y)
/// print(fit.coefficients, fit.intercept, fit.support)
/// ```
public struct ElasticNet: Sendable, Equatable, Codable {
    /// The penalty strength α (> 0).
    public var alpha: Double
    /// The L1 share of the penalty, in [0, 1] (1 is the Lasso, 0 a Ridge penalty solved by coordinate descent).
    public var l1Ratio: Double
    /// Whether to fit an intercept (by centering X and y).
    public var fitIntercept: Bool
    /// The relative tolerance `tol` of scikit-learn (default 1e-4).
    public var tolerance: Double
    /// The most sweeps to perform before returning unconverged (default 1000).
    public var maxIterations: Int
    /// Whether to sweep over a working set (strong rule, then the non-zero weights) with a full
    /// optimality check before stopping; the solution is the same, wide problems are faster.
    public var screening: Bool

    /// Creates an ElasticNet; defaults are scikit-learn's.
    public init(
        alpha: Double = 1, l1Ratio: Double = 0.5, fitIntercept: Bool = true, tolerance: Double = 1e-4,
        maxIterations: Int = 1000, screening: Bool = true
    ) {
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.fitIntercept = fitIntercept
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.screening = screening
    }

    /// Checks every setting except `alpha`.
    func validateSettings() throws(ArgumentError) {
        try ArgumentError.check("l1Ratio", l1Ratio, "l1Ratio must lie in [0, 1] (1 is the Lasso)") { $0 >= 0 && $0 <= 1 }
        try ArgumentError.check("tolerance", tolerance, "tolerance must be positive, e.g. 1e-4") { $0 > 0 }
        try ArgumentError.check("maxIterations", maxIterations, "maxIterations must be at least 1, e.g. 1000") { $0 >= 1 }
    }

    /// Checks a penalty strength.
    static func validateAlpha(_ alpha: Double) throws(ArgumentError) {
        try ArgumentError.check(
            "alpha", alpha,
            "alpha must be positive; for no penalty use Ridge(alpha: 0) (ordinary least squares)") { $0 > 0 }
    }

    /// Fits the model to `x` (`[samples, features]`) and `y` (`[samples]`).
    ///
    /// - Parameters:
    ///   - x: the features, `[samples, features]`.
    ///   - y: the targets, `[samples]`.
    ///   - warmStart: initial weights (one per feature); zeros when `nil`.
    /// - Throws: `ArgumentError` on empty or mismatched inputs, non-finite values or invalid
    ///   settings. A fit that does not converge within `maxIterations` is returned with
    ///   `converged == false`, not thrown.
    public func fit(_ x: Tensor<Double>, _ y: Tensor<Double>, warmStart: [Double]? = nil) throws(ArgumentError) -> ElasticNetFit {
        try validateSettings()
        try Self.validateAlpha(alpha)
        let problem = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        if let warmStart {
            guard warmStart.count == problem.features else {
                throw .shapeMismatch(
                    argument: "warmStart", shape: [warmStart.count],
                    requirement: "x has \(problem.features) features and warmStart needs one weight per feature")
            }
            try ArgumentError.checkFinite(warmStart, "warmStart")
        }
        return fit(problem: problem, warmStart: warmStart)
    }

    /// Fits an already prepared problem.
    func fit(problem: LinearProblem, warmStart: [Double]?) -> ElasticNetFit {
        let n = problem.samples
        var w = warmStart ?? [Double](repeating: 0, count: problem.features)
        var r = problem.target
        if w.contains(where: { $0 != 0 }) {
            problem.columns.withUnsafeBufferPointer { x in
                cblas_dgemv(
                    CblasColMajor, CblasNoTrans, Int32(n), Int32(problem.features), -1, x.baseAddress!, Int32(n), w, 1, 1,
                    &r, 1)
            }
        }
        let outcome = CoordinateDescent.solveResidual(
            problem: problem, norms: problem.columnSquaredNorms(), l1: alpha * l1Ratio * Double(n),
            l2: alpha * (1 - l1Ratio) * Double(n), tolerance: tolerance, maxIterations: maxIterations,
            screening: screening, previousL1: nil, w: &w, r: &r)
        return ElasticNetFit(
            model: LinearModel(coefficients: w, intercept: problem.intercept(for: w)), alpha: alpha, l1Ratio: l1Ratio,
            iterations: outcome.iterations, dualGap: outcome.gap / Double(n), converged: outcome.converged)
    }
}
