/// One layer of a chart.
public enum Mark: Codable, Sendable, Equatable {
    /// A line and/or scatter series.
    case series(Series)
    /// Bars over categories.
    case bar(BarMark)
    /// A histogram.
    case histogram(HistogramMark)
    /// A coloured grid with a colour bar.
    case heatmap(HeatmapMark)
    /// Contour lines of a gridded function.
    case contour(ContourMark)
    /// A closed polygon.
    case region(RegionMark)
    /// A shaded band.
    case band(BandMark)
    /// A reference line.
    case rule(RuleMark)
    /// A text annotation.
    case text(TextMark)

    /// A short description used in error messages and alt text.
    var label: String {
        switch self {
        case let .series(s): return "series \"\(s.name)\""
        case let .bar(b): return "bars (\(b.groups.map(\.name).joined(separator: ", ")))"
        case let .histogram(h): return "histogram \"\(h.name)\""
        case let .heatmap(h): return "heatmap \"\(h.name)\""
        case let .contour(c): return "contour \"\(c.name)\""
        case let .region(r): return "region \"\(r.name)\""
        case let .band(b): return "band \"\(b.name)\""
        case let .rule(r): return "\(r.orientation.rawValue) rule at \(r.value)"
        case let .text(t): return "annotation \"\(t.text)\""
        }
    }
}
