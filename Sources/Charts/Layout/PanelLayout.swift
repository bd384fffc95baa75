/// A laid-out panel: its plot rectangle and axes.
public struct PanelLayout: Codable, Sendable, Equatable {
    /// The strip title (facets only).
    public var title: String?
    /// The plotting area in points.
    public var plot: Rect
    /// The horizontal axis.
    public var x: AxisLayout
    /// The vertical axis.
    public var y: AxisLayout

    /// Horizontal position in points of a data x value.
    @inline(__always)
    public func px(_ v: Double) -> Double { plot.x + x.fraction(v) * plot.width }
    /// Vertical position in points of a data y value.
    @inline(__always)
    public func py(_ v: Double) -> Double { plot.maxY - y.fraction(v) * plot.height }
}
