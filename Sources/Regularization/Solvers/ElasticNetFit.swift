/// The result of fitting a Lasso or ElasticNet: the model plus what the solver did.
public struct ElasticNetFit: Sendable, Equatable, Codable {
    /// The fitted weights and intercept.
    public var model: LinearModel
    /// The penalty strength α it was fitted with.
    public var alpha: Double
    /// The L1 share of the penalty (1 for the Lasso).
    public var l1Ratio: Double
    /// Coordinate-descent sweeps performed (over the working set when screening).
    public var iterations: Int
    /// The final duality gap, in the units of the objective (1/2n)‖y − Xw‖² + … (scikit-learn's `dual_gap_`).
    public var dualGap: Double
    /// Whether the gap fell below the tolerance within `maxIterations`.
    public var converged: Bool

    /// The weights w.
    public var coefficients: [Double] { model.coefficients }
    /// The intercept b.
    public var intercept: Double { model.intercept }
    /// The indices of the non-zero weights.
    public var support: [Int] { model.support }

    /// Predictions X·w + b.
    public func predict(_ x: Tensor<Double>) throws(ArgumentError) -> Tensor<Double> { try model.predict(x) }

    /// The objective (1/2n)‖y − Xw − b‖² + α·l1Ratio·‖w‖₁ + ½α(1 − l1Ratio)‖w‖² on `(x, y)`.
    public func objective(_ x: Tensor<Double>, _ y: Tensor<Double>) throws(ArgumentError) -> Double {
        try elasticNetObjective(model: model, x: x, y: y, alpha: alpha, l1Ratio: l1Ratio)
    }
}

/// scikit-learn's ElasticNet objective for a model on `(x, y)`.
func elasticNetObjective(model: LinearModel, x: Tensor<Double>, y: Tensor<Double>, alpha: Double, l1Ratio: Double) throws(ArgumentError) -> Double {
    let mse = try model.meanSquaredError(x, y)
    var l1 = 0.0
    var l2 = 0.0
    for w in model.coefficients {
        l1 += abs(w)
        l2 += w * w
    }
    return 0.5 * mse + alpha * l1Ratio * l1 + 0.5 * alpha * (1 - l1Ratio) * l2
}
