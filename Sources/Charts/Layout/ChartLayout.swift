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
    ///
    /// The report shows a figure with its `<img>` width set to the chart's width in points, capped
    /// by the text column (`Style.pageColumnWidth` CSS pixels); text sizes are chosen so that chart
    /// text is shown at 11–13 CSS pixels next to the 17-pixel body text for every chart width up
    /// to `widestReadableChart` (tick labels at 12 points show at 12 px on a 640-point chart and
    /// at 11.1 px on a 900-point one, scaled by 833/900). `LayoutTests` checks this.
    package enum Style {
        /// Outer padding.
        package static let pad = 10.0
        /// Title size.
        package static let titleSize = 16.0
        /// Subtitle size.
        package static let subtitleSize = 12.5
        /// Axis title size.
        package static let axisTitleSize = 13.0
        /// Tick label size (also colour-bar labels and title).
        package static let tickSize = 12.0
        /// Legend text size.
        package static let legendSize = 12.0
        /// Height of one legend row.
        package static let legendRow = 18.0
        /// Facet strip title size.
        package static let stripTextSize = 12.0
        /// Text mark (annotation) size.
        package static let annotationSize = 12.0
        /// Rule label size.
        package static let ruleLabelSize = 12.0
        /// Tick mark length.
        package static let tickLength = 4.0
        /// Facet strip height.
        package static let stripHeight = 20.0
        /// Minimum gap in points between tick labels of neighbouring panels.
        package static let panelLabelGap = 8.0
        /// The report's text column in CSS pixels: `main` is 52rem (884 px at 17 px) less 1.5rem
        /// padding each side (see normbook.css); a figure wider than this is scaled down to it.
        package static let pageColumnWidth = 833.0
        /// The widest chart the tutorial draws, for which text must still show at 11 px or more.
        package static let widestReadableChart = 900.0
    }

    /// The colour index of a named mark.
    package func color(of name: String) -> Int {
        colors.first { $0.name == name }?.color ?? 0
    }

    /// The dash pattern index (into `Palette.dashes`) of a named line.
    package func dash(of name: String) -> Int {
        colors.first { $0.name == name }?.dash ?? 0
    }
}

extension ChartLayout {
    /// Lays out `chart` after validating it.
    package init(_ chart: Chart) throws {
        try chart.validate()
        self = Builder(chart).build()
    }
}
