// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// A fitted linear model ŷ = X·w + b: the common result of Lasso, ElasticNet and Ridge.
public struct LinearModel: Sendable, Equatable, Codable {
    /// The weights w, one per feature.
    public var coefficients: [Double]
    /// The intercept b (0 when the model was fitted without one).
    public var intercept: Double

    /// Creates a model from its weights and intercept.
    public init(coefficients: [Double], intercept: Double = 0) {
        self.coefficients = coefficients
        self.intercept = intercept
    }

    /// The indices of the non-zero weights, in increasing order.
    public var support: [Int] { coefficients.indices.filter { coefficients[$0] != 0 } }

    /// Predictions X·w + b for a matrix `x` of shape `[samples, features]`.
    public func predict(_ x: Tensor<Double>) throws(ArgumentError) -> Tensor<Double> {
        guard x.rank == 2, x.shape[1] == coefficients.count else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape,
                requirement: "the model has \(coefficients.count) coefficients, so x must be [samples, \(coefficients.count)]")
        }
        return Tensor(predictRows(x.scalars, samples: x.shape[0]))
    }

    /// Predictions for row-major data (already validated).
    func predictRows(_ x: [Double], samples n: Int) -> [Double] {
        let p = coefficients.count
        var out = [Double](repeating: intercept, count: n)
        if n == 0 || p == 0 { return out }
        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(p), 1, x, Int32(p), coefficients, 1, 1, &out, 1)
        return out
    }

    /// The mean squared error of the predictions on `(x, y)`.
    public func meanSquaredError(_ x: Tensor<Double>, _ y: Tensor<Double>) throws(ArgumentError) -> Double {
        _ = try SolverChecks.shape(x: x, y: y)
        let prediction = try predict(x).scalars
        return SolverChecks.meanSquaredDifference(prediction, y.scalars)
    }
}

extension SolverChecks {
    /// mean((a − b)²).
    static func meanSquaredDifference(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices {
            let d = a[i] - b[i]
            sum += d * d
        }
        return a.isEmpty ? 0 : sum / Double(a.count)
    }
}
