/// A laid-out panel: its plot rectangle and axes.
package struct PanelLayout: Codable, Sendable, Equatable {
    /// The strip title (facets only).
    package var title: String?
    /// The plotting area in points.
    package var plot: Rect
    /// The horizontal axis.
    package var x: AxisLayout
    /// The vertical axis.
    package var y: AxisLayout

    /// Horizontal position in points of a data x value.
    @inline(__always)
    package func px(_ v: Double) -> Double { plot.x + x.fraction(v) * plot.width }
    /// Vertical position in points of a data y value.
    @inline(__always)
    package func py(_ v: Double) -> Double { plot.maxY - y.fraction(v) * plot.height }
}
