/// A laid-out axis: its working-space domain, ticks and labels.
package struct AxisLayout: Codable, Sendable, Equatable {
    /// The scale.
    package var scale: ScaleKind
    /// Lower end of the domain in working space (after the scale's transform).
    package var lower: Double
    /// Upper end of the domain in working space.
    package var upper: Double
    /// Tick positions as data values (category indices on a categorical axis).
    package var ticks: [Double]
    /// Tick labels, one per tick.
    package var labels: [String]
    /// Category names when the axis is categorical.
    package var categories: [String]?
    /// Whether tick labels are drawn (false on inner facets with shared scales).
    package var showLabels: Bool
    /// Degrees by which tick labels are turned (anticlockwise, ending at their tick) when they
    /// would not fit side by side; nil for level labels.
    package var labelRotation: Double?

    /// Where `value` falls between 0 (lower end) and 1 (upper end).
    @inline(__always)
    package func fraction(_ value: Double) -> Double {
        let t = categories == nil ? scale.transform(value) : value
        return (t - lower) / (upper - lower)
    }
}
