import Foundation

/// Scales every feature to zero mean and unit variance with statistics fitted on training data
/// only (scikit-learn's `StandardScaler`: population standard deviation; constant features keep
/// scale 1).
///
/// ```swift
/// let scaler = try Standardizer(fitting: train.x)
/// let xTrain = try scaler.transform(train.x), xTest = try scaler.transform(test.x)
/// ```
public struct Standardizer: Sendable, Equatable, Codable {
    /// The mean of every feature on the fitting data.
    public var mean: [Double]
    /// The standard deviation of every feature on the fitting data (1 where it is 0).
    public var scale: [Double]

    /// Fits the statistics of `x` (`[samples, features]`).
    ///
    /// - Throws: `ArgumentError` when `x` is not a non-empty matrix or holds NaN or an infinity.
    public init(fitting x: Tensor<Double>) throws(ArgumentError) {
        guard x.rank == 2, x.shape[0] > 0, x.shape[1] > 0 else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape, requirement: "a Standardizer fits a non-empty matrix [samples, features]")
        }
        try ArgumentError.checkFinite(x.scalars, "x")
        let n = x.shape[0]
        let p = x.shape[1]
        var mean = [Double](repeating: 0, count: p)
        for i in 0..<n { for j in 0..<p { mean[j] += x.scalars[i * p + j] } }
        for j in 0..<p { mean[j] /= Double(n) }
        var variance = [Double](repeating: 0, count: p)
        for i in 0..<n {
            for j in 0..<p {
                let d = x.scalars[i * p + j] - mean[j]
                variance[j] += d * d
            }
        }
        self.mean = mean
        scale = variance.map { v in
            let s = (v / Double(n)).squareRoot()
            return s > 10 * Double.ulpOfOne ? s : 1
        }
    }

    /// (x − mean) / scale, column by column.
    public func transform(_ x: Tensor<Double>) throws(ArgumentError) -> Tensor<Double> {
        try check(x)
        let p = mean.count
        var out = x.scalars
        for i in out.indices { out[i] = (out[i] - mean[i % p]) / scale[i % p] }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// x·scale + mean, undoing `transform`.
    public func inverseTransform(_ x: Tensor<Double>) throws(ArgumentError) -> Tensor<Double> {
        try check(x)
        let p = mean.count
        var out = x.scalars
        for i in out.indices { out[i] = out[i] * scale[i % p] + mean[i % p] }
        return Tensor(shape: x.shape, scalars: out)
    }

    /// A data set with standardized features and the same targets.
    public func transform(_ data: Dataset) throws(ArgumentError) -> Dataset {
        var copy = data
        copy.features = try transform(data.features)
        return copy
    }

    private func check(_ x: Tensor<Double>) throws(ArgumentError) {
        guard x.rank == 2, x.shape[1] == mean.count else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape,
                requirement: "the Standardizer was fitted on \(mean.count) features, so x must be [samples, \(mean.count)]")
        }
    }
}
