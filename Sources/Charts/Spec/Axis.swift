/// One axis of a chart: its title, scale and optional fixed limits.
public struct Axis: Codable, Sendable, Equatable {
    /// The axis title.
    public var label: String
    /// How data values map to positions.
    public var scale: ScaleKind
    /// Fixed lower limit (otherwise taken from the data).
    public var min: Double?
    /// Fixed upper limit (otherwise taken from the data).
    public var max: Double?

    /// Creates an axis with a title, a scale and optional limits.
    public init(label: String, scale: ScaleKind = .linear, min: Double? = nil, max: Double? = nil) {
        self.label = label
        self.scale = scale
        self.min = min
        self.max = max
    }
}

/// How an axis maps data to position.
public enum ScaleKind: Codable, Sendable, Equatable, Hashable {
    /// Proportional.
    case linear
    /// Base-10 logarithm; values must be positive.
    case log10
    /// Symmetric log: linear within ±`constant` of zero, logarithmic beyond (for signed data).
    case symlog(constant: Double)

    /// A short name used in alt text and layouts.
    var name: String {
        switch self {
        case .linear: return "linear"
        case .log10: return "log10"
        case let .symlog(c): return "symlog(\(c))"
        }
    }
}
