/// Linear regression with an L1 penalty, fitted by coordinate descent: scikit-learn's `Lasso`,
/// minimizing (1/2n)‖y − Xw − b‖² + α‖w‖₁. It is an `ElasticNet` with `l1Ratio = 1`.
///
/// ```swift
/// let fit = try Lasso(alpha: 0.1).fit(x, y)          // one α
/// let path = try Lasso().path(x, y)                   // 100 α from α_max down to α_max/1000
/// ```
public struct Lasso: Sendable, Equatable, Codable {
    /// The penalty strength α (> 0).
    public var alpha: Double
    /// Whether to fit an intercept (by centering X and y).
    public var fitIntercept: Bool
    /// The relative tolerance `tol` of scikit-learn (default 1e-4).
    public var tolerance: Double
    /// The most sweeps to perform (default 1000).
    public var maxIterations: Int
    /// Whether to sweep over a working set with a full optimality check (same solution, faster).
    public var screening: Bool

    /// Creates a Lasso; defaults are scikit-learn's.
    public init(alpha: Double = 1, fitIntercept: Bool = true, tolerance: Double = 1e-4, maxIterations: Int = 1000, screening: Bool = true) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.screening = screening
    }

    /// The equivalent ElasticNet (`l1Ratio = 1`).
    public var elasticNet: ElasticNet {
        ElasticNet(
            alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, tolerance: tolerance, maxIterations: maxIterations,
            screening: screening)
    }

    /// scikit-learn's alpha grid for the Lasso: `count` values from α_max = max_j |x_jᵀy| / n down to
    /// α_max·`eps` (see `ElasticNet.alphaGrid`).
    public static func alphaGrid(
        _ x: Tensor<Double>, _ y: Tensor<Double>, fitIntercept: Bool = true, count: Int = 100, eps: Double = 1e-3
    ) throws(ArgumentError) -> [Double] {
        try ElasticNet.alphaGrid(x, y, l1Ratio: 1, fitIntercept: fitIntercept, count: count, eps: eps)
    }

    /// Fits the model to `x` (`[samples, features]`) and `y` (`[samples]`).
    public func fit(_ x: Tensor<Double>, _ y: Tensor<Double>, warmStart: [Double]? = nil) throws(ArgumentError) -> ElasticNetFit {
        try elasticNet.fit(x, y, warmStart: warmStart)
    }

    /// The regularization path over `alphas` (default: scikit-learn's grid of `count` values from
    /// α_max down to α_max·`eps`), with warm starts; see `ElasticNet.path`.
    public func path(
        _ x: Tensor<Double>, _ y: Tensor<Double>, alphas: [Double]? = nil, count: Int = 100, eps: Double = 1e-3,
        useGram: Bool? = nil
    ) throws(ArgumentError) -> RegularizationPath {
        try elasticNet.path(x, y, alphas: alphas, count: count, eps: eps, useGram: useGram)
    }

    /// Cross-validates α over a path; see `ElasticNet.crossValidate`.
    public func crossValidate(
        _ x: Tensor<Double>, _ y: Tensor<Double>, folds: CrossValidationFolds, alphas: [Double]? = nil, count: Int = 100,
        eps: Double = 1e-3
    ) throws(ArgumentError) -> CrossValidationResult<ElasticNetFit> {
        try elasticNet.crossValidate(x, y, folds: folds, alphas: alphas, count: count, eps: eps)
    }
}
