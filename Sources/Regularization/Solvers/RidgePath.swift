/// Ridge solutions for several penalty strengths.
public struct RidgePath: Sendable, Equatable, Codable {
    /// The penalty strengths, in the order given.
    public var alphas: [Double]
    /// The weights at each α: `coefficients[k][j]` is weight j at `alphas[k]`.
    public var coefficients: [[Double]]
    /// The intercept at each α.
    public var intercepts: [Double]

    /// The fitted model at `alphas[index]`.
    public func model(at index: Int) -> LinearModel {
        LinearModel(coefficients: coefficients[index], intercept: intercepts[index])
    }

    /// The (coefficients, intercept) pairs, for cross-validation.
    var coefficientsAndIntercepts: [([Double], Double)] { Array(zip(coefficients, intercepts)) }
}
