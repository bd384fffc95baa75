/// Where everything goes: plot rectangles, ticks, labels, legend and colour bar. Computed from a
/// chart spec alone (pure and deterministic), snapshot-tested as JSON, and followed by the renderer.
package struct ChartLayout: Codable, Sendable, Equatable {
    /// Canvas width in points.
    package var width: Double
    /// Canvas height in points.
    package var height: Double
    /// The title.
    package var title: TextItem?
    /// The subtitle.
    package var subtitle: TextItem?
    /// The x axis title.
    package var xTitle: TextItem?
    /// The y axis title.
    package var yTitle: TextItem?
    /// The panels (one unless faceted).
    package var panels: [PanelLayout]
    /// The legend, if drawn.
    package var legend: LegendLayout?
    /// The colour bar, if any.
    package var colorBar: ColorBarLayout?
    /// The colour of every named mark (legend or not).
    package var colors: [LegendEntry]

    /// Font sizes and spacing in points.
    package enum Style {
        /// Outer padding.
        package static let pad = 10.0
        /// Title size.
        package static let titleSize = 15.0
        /// Subtitle size.
        package static let subtitleSize = 11.0
        /// Axis title size.
        package static let axisTitleSize = 11.0
        /// Tick label size.
        package static let tickSize = 10.0
        /// Legend text size.
        package static let legendSize = 10.0
        /// Tick mark length.
        package static let tickLength = 4.0
        /// Facet strip height.
        package static let stripHeight = 17.0
    }

    /// The colour index of a named mark.
    package func color(of name: String) -> Int {
        colors.first { $0.name == name }?.color ?? 0
    }
}

extension ChartLayout {
    /// Lays out `chart` after validating it.
    package init(_ chart: Chart) throws {
        try chart.validate()
        self = Builder(chart).build()
    }
}
