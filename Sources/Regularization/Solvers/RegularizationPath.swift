import Foundation

/// Lasso or ElasticNet solutions along a decreasing sequence of penalty strengths.
public struct RegularizationPath: Sendable, Equatable, Codable {
    /// The penalty strengths, largest first.
    public var alphas: [Double]
    /// The L1 share of the penalty used along the path.
    public var l1Ratio: Double
    /// The weights at each α: `coefficients[k][j]` is weight j at `alphas[k]`.
    public var coefficients: [[Double]]
    /// The intercept at each α (0 without an intercept).
    public var intercepts: [Double]
    /// Coordinate-descent sweeps spent at each α.
    public var iterations: [Int]
    /// The final duality gap at each α, in the objective's units (scikit-learn's `dual_gaps`).
    public var dualGaps: [Double]
    /// Whether each α converged within `maxIterations`.
    public var converged: [Bool]

    /// The fitted model at `alphas[index]`.
    public func model(at index: Int) -> LinearModel {
        LinearModel(coefficients: coefficients[index], intercept: intercepts[index])
    }

    /// The objective (1/2n)‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + ½α(1 − l1Ratio)‖w‖² of the model at
    /// `alphas[index]` on `(x, y)`.
    public func objective(at index: Int, _ x: Tensor<Double>, _ y: Tensor<Double>) throws(ArgumentError) -> Double {
        try elasticNetObjective(model: model(at: index), x: x, y: y, alpha: alphas[index], l1Ratio: l1Ratio)
    }

    /// The number of non-zero weights at each α.
    public var supportSizes: [Int] { coefficients.map { $0.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } } }
}
