/// A legend entry with its colour and how to draw its key.
package struct LegendEntry: Codable, Sendable, Equatable {
    /// How the key is drawn.
    package enum Key: String, Codable, Sendable, Equatable {
        /// A short line.
        case line
        /// A short dashed line.
        case dashed
        /// A dot.
        case marker
        /// A line with a dot.
        case lineMarker
        /// A filled square.
        case area
    }
    /// The name.
    package var name: String
    /// Index into `Palette.okabeIto`.
    package var color: Int
    /// How the key is drawn.
    package var key: Key
    /// Index into `Palette.dashes` for lines (0 solid): a second channel that tells apart lines
    /// sharing a colour once there are more than the palette's 8 colours.
    package var dash: Int = 0
}

/// A laid-out legend.
package struct LegendLayout: Codable, Sendable, Equatable {
    /// Where it went: "top-right", "top-left", "bottom-right", "bottom-left" or "outside-right".
    package var placement: String
    /// Its box in points.
    package var rect: Rect
    /// Its entries, top to bottom.
    package var entries: [LegendEntry]
    /// Data points or segments the box covers (0 unless every corner covered some).
    package var covered: Int
}

/// A laid-out colour bar for heatmaps and contours.
package struct ColorBarLayout: Codable, Sendable, Equatable {
    /// The title above the bar.
    package var title: String
    /// The title as placed (left-aligned at the bar, above it and its top tick label); nil
    /// without a title.
    package var titleText: TextItem? = nil
    /// The bar in points.
    package var rect: Rect
    /// Value at the bottom.
    package var lower: Double
    /// Value at the top.
    package var upper: Double
    /// Tick values.
    package var ticks: [Double]
    /// Tick labels.
    package var labels: [String]
    /// The colour scale.
    package var palette: HeatmapMark.Palette
}

/// A piece of text placed in the chart.
package struct TextItem: Codable, Sendable, Equatable {
    /// The text.
    package var text: String
    /// Anchor x in points.
    package var x: Double
    /// Baseline y in points.
    package var y: Double
    /// Font size in points.
    package var size: Double
    /// Rotated 90° anticlockwise (y axis title).
    package var rotated: Bool
}
