/// A named sequence of (x, y) points, drawn as a line, as markers, or both.
///
/// NaN or infinite values break the line (a gap) and are left out of scatter plots.
public struct Series: Codable, Sendable, Equatable {
    /// The legend entry (series with the same name share a colour across facets).
    public var name: String
    /// Horizontal coordinates.
    @Numbers public var x: [Double]
    /// Vertical coordinates, as many as `x`.
    @Numbers public var y: [Double]
    /// Whether to draw the connecting line.
    public var line: Bool
    /// Whether to draw a marker at each point.
    public var markers: Bool
    /// A dashed line (e.g. for a reference or a baseline model).
    public var dashed: Bool
    /// Palette index overriding the colour assigned by order of appearance.
    public var color: Int?

    /// Creates a line series.
    public init(name: String, x: [Double], y: [Double]) {
        self.init(name: name, x: x, y: y, line: true, markers: false)
    }

    /// Creates a series with explicit styling.
    public init(
        name: String, x: [Double], y: [Double], line: Bool, markers: Bool, dashed: Bool = false,
        color: Int? = nil
    ) {
        self.name = name
        self.x = x
        self.y = y
        self.line = line
        self.markers = markers
        self.dashed = dashed
        self.color = color
    }

    /// Creates a line series with y values at x = 0, 1, 2, …
    public init(name: String, y: [Double]) {
        self.init(name: name, x: (0..<y.count).map(Double.init), y: y)
    }

    /// The same series with markers drawn at each point.
    public func withMarkers(_ on: Bool = true) -> Series {
        var copy = self
        copy.markers = on
        return copy
    }

    /// The same series drawn dashed.
    public func withDash(_ on: Bool = true) -> Series {
        var copy = self
        copy.dashed = on
        return copy
    }
}
