/// A legend entry with its colour and how to draw its key.
public struct LegendEntry: Codable, Sendable, Equatable {
    /// How the key is drawn.
    public enum Key: String, Codable, Sendable, Equatable {
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
    public var name: String
    /// Index into `Palette.okabeIto`.
    public var color: Int
    /// How the key is drawn.
    public var key: Key
}

/// A laid-out legend.
public struct LegendLayout: Codable, Sendable, Equatable {
    /// Where it went: "top-right", "top-left", "bottom-right", "bottom-left" or "outside-right".
    public var placement: String
    /// Its box in points.
    public var rect: Rect
    /// Its entries, top to bottom.
    public var entries: [LegendEntry]
    /// Data points or segments the box covers (0 unless every corner covered some).
    public var covered: Int
}

/// A laid-out colour bar for heatmaps and contours.
public struct ColorBarLayout: Codable, Sendable, Equatable {
    /// The title above the bar.
    public var title: String
    /// The bar in points.
    public var rect: Rect
    /// Value at the bottom.
    public var lower: Double
    /// Value at the top.
    public var upper: Double
    /// Tick values.
    public var ticks: [Double]
    /// Tick labels.
    public var labels: [String]
    /// The colour scale.
    public var palette: HeatmapMark.Palette
}

/// A piece of text placed in the chart.
public struct TextItem: Codable, Sendable, Equatable {
    /// The text.
    public var text: String
    /// Anchor x in points.
    public var x: Double
    /// Baseline y in points.
    public var y: Double
    /// Font size in points.
    public var size: Double
    /// Rotated 90° anticlockwise (y axis title).
    public var rotated: Bool
}
