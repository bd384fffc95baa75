/// A declarative chart: data, marks, scales and labels, as plain `Codable` data.
///
/// A chart spec knows nothing about drawing; `ChartRendering` turns it into pixels. Build one with
/// the constructors (`Chart.line`, `.scatter`, `.bar`, `.histogram`, `.heatmap`, `.contour`,
/// `.band`, `.facets`) and refine it with the fluent modifiers (`.subtitle(_:)`, `.logY()`,
/// `.equalAspect()`, `.adding(_:)`, …).
public struct Chart: Codable, Sendable, Equatable {
    /// The chart's title, drawn above the plot.
    public var title: String
    /// A smaller line under the title.
    public var subtitle: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The panels: one for a simple chart, several for small multiples.
    public var panels: [Panel]
    /// How panels are arranged when there are several.
    public var facets: FacetLayout
    /// Where the legend goes.
    public var legend: LegendPosition
    /// Size in points (the PNG is drawn at twice this in pixels).
    public var width: Double
    /// Size in points.
    public var height: Double
    /// Make one unit on x as long as one unit on y (so circles look round).
    public var equalAspect: Bool

    /// Creates a chart from panels.
    public init(
        title: String, subtitle: String? = nil, x: Axis, y: Axis, panels: [Panel],
        facets: FacetLayout = FacetLayout(), legend: LegendPosition = .auto,
        width: Double = 640, height: Double = 400, equalAspect: Bool = false
    ) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.y = y
        self.panels = panels
        self.facets = facets
        self.legend = legend
        self.width = width
        self.height = height
        self.equalAspect = equalAspect
    }

    /// Creates a single-panel chart from marks.
    public init(title: String, x: Axis, y: Axis, marks: [Mark]) {
        self.init(title: title, x: x, y: y, panels: [Panel(marks: marks)])
    }

    /// The line series of every panel (convenience for simple line charts).
    public var series: [Series] {
        panels.flatMap { $0.marks.compactMap { if case let .series(s) = $0 { return s } else { return nil } } }
    }

    /// All marks of all panels.
    public var marks: [Mark] { panels.flatMap(\.marks) }
}

/// One panel (facet) of a chart: a title and its marks.
public struct Panel: Codable, Sendable, Equatable {
    /// The strip title above the panel (unused for single-panel charts).
    public var title: String?
    /// The layers, drawn in order.
    public var marks: [Mark]
    /// Creates a panel.
    public init(title: String? = nil, marks: [Mark]) {
        self.title = title
        self.marks = marks
    }
}

/// How small multiples are laid out.
public struct FacetLayout: Codable, Sendable, Equatable {
    /// Whether panels share axis ranges.
    public enum Scales: String, Codable, Sendable, Equatable {
        /// Same x and y ranges everywhere (labels on the outer panels only).
        case shared
        /// Each panel has its own x range.
        case freeX
        /// Each panel has its own y range.
        case freeY
        /// Each panel has its own ranges.
        case free
    }
    /// Panels per row; `nil` picks about √n.
    public var columns: Int?
    /// Shared or free scales.
    public var scales: Scales
    /// Creates a facet layout.
    public init(columns: Int? = nil, scales: Scales = .shared) {
        self.columns = columns
        self.scales = scales
    }
}

/// Where the legend goes.
public enum LegendPosition: String, Codable, Sendable, Equatable {
    /// Inside the plot in the corner covering the fewest data, or outside right if all corners cover data.
    case auto
    /// Always outside, right of the plot.
    case right
    /// No legend.
    case none
}
