/// Expands one feature x into the columns x, x², …, x^degree (preceded by a column of ones when
/// `includeBias`), for polynomial regression.
public struct PolynomialFeatures: Sendable, Equatable, Codable {
    /// The highest power (≥ 1).
    public var degree: Int
    /// Whether to prepend a constant column of ones (x⁰).
    public var includeBias: Bool

    /// Creates the expansion.
    public init(degree: Int, includeBias: Bool = false) {
        self.degree = degree
        self.includeBias = includeBias
    }

    /// The expanded matrix `[samples, degree (+1)]` of `x` (`[samples]` or `[samples, 1]`).
    ///
    /// - Throws: `ArgumentError` when `degree` is below 1 or `x` is not one feature.
    public func transform(_ x: Tensor<Double>) throws(ArgumentError) -> Tensor<Double> {
        try ArgumentError.check("degree", degree, "degree must be at least 1") { $0 >= 1 }
        guard x.rank == 1 || (x.rank == 2 && x.shape[1] == 1) else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape, requirement: "PolynomialFeatures expands one feature: pass [samples] or [samples, 1]")
        }
        let first = includeBias ? 0 : 1
        let columns = degree - first + 1
        var out: [Double] = []
        out.reserveCapacity(x.count * columns)
        for value in x.scalars {
            var power = first == 0 ? 1.0 : value
            for _ in 0..<columns {
                out.append(power)
                power *= value
            }
        }
        return Tensor(shape: [x.count, columns], scalars: out)
    }

    /// The column names for a feature called `name`: "1", "x", "x^2", ….
    public func featureNames(for name: String = "x") -> [String] {
        let powers = (includeBias ? 0 : 1)...Swift.max(degree, 1)
        return powers.map { $0 == 0 ? "1" : ($0 == 1 ? name : "\(name)^\($0)") }
    }

    /// Expands a one-feature data set, keeping its targets.
    public func transform(_ data: Dataset) throws(ArgumentError) -> Dataset {
        let name = data.featureNames.first ?? "x"
        return try Dataset(featureNames: featureNames(for: name), features: transform(data.features), targets: data.targets)
    }
}

