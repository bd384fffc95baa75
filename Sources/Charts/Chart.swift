/// A declarative chart: data, marks, scales and labels, as plain `Codable` data.
///
/// A chart spec knows nothing about drawing; `ChartRendering` turns it into pixels.
/// (Stub: the charts work replaces this with the full specification.)
public struct Chart: Codable, Sendable, Equatable {
    /// The chart's title, drawn above the plot.
    public var title: String
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// Series drawn as lines.
    public var series: [Series]

    /// Creates a multi-series line chart.
    public static func line(title: String, x: String, y: String, series: [Series]) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y), series: series)
    }
}

/// One axis of a chart.
public struct Axis: Codable, Sendable, Equatable {
    /// The axis title.
    public var label: String
    /// Creates an axis with a title.
    public init(label: String) { self.label = label }
}

/// A named sequence of (x, y) points.
public struct Series: Codable, Sendable, Equatable {
    /// The legend entry.
    public var name: String
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    public var y: [Double]
    /// Creates a series.
    public init(name: String, x: [Double], y: [Double]) {
        self.name = name
        self.x = x
        self.y = y
    }
}
