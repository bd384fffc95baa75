/// A horizontal or vertical reference line across the plot, with an optional label.
public struct RuleMark: Codable, Sendable, Equatable {
    /// Which way the line runs.
    public enum Orientation: String, Codable, Sendable, Equatable {
        /// At a y value, across the plot.
        case horizontal
        /// At an x value, up the plot.
        case vertical
    }
    /// Which way the line runs.
    public var orientation: Orientation
    /// Where: a y value for horizontal rules, an x value for vertical ones.
    public var value: Double
    /// Text drawn next to the line.
    public var label: String?

    /// Creates a rule.
    public init(_ orientation: Orientation, at value: Double, label: String? = nil) {
        self.orientation = orientation
        self.value = value
        self.label = label
    }
}
