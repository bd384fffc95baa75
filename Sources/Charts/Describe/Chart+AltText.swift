import Foundation

extension Chart {
    /// A description of the chart for an image's alt attribute: kind, axes and their ranges,
    /// series and their ranges, and notes about dropped non-finite values.
    public var altText: String {
        var parts: [String] = []
        let kinds = Array(Set(marks.map(\.kindName))).sorted()
        let kind = kinds.isEmpty ? "Chart" : kinds.joined(separator: " and ").capitalizedFirst + " chart"
        parts.append("\(kind)\(title.isEmpty ? "" : " titled \"\(title)\"")\(subtitle.map { " (\($0))" } ?? "").")
        if panels.count > 1 {
            parts.append("\(panels.count) panels: \(panels.enumerated().map { $0.element.title ?? "panel \($0.offset + 1)" }.joined(separator: ", ")); \(facets.scales == .shared ? "shared" : "free") scales.")
        }
        if let layout = try? ChartLayout(self), let p = layout.panels.first {
            parts.append(axisSentence("x", chart: x, axis: p.x))
            parts.append(axisSentence("y", chart: y, axis: p.y))
        } else {
            parts.append("x axis: \(x.label); y axis: \(y.label).")
        }
        var dropped: [String] = []
        for mark in marks {
            switch mark {
            case let .series(s):
                let finite = zip(s.x, s.y).filter { $0.isFinite && $1.isFinite }
                let ys = finite.map(\.1)
                if let lo = ys.min(), let hi = ys.max() {
                    parts.append("Series \"\(s.name)\": \(finite.count) points, y from \(Chart.short(lo)) to \(Chart.short(hi)).")
                }
                let bad = min(s.x.count, s.y.count) - finite.count
                if bad > 0 { dropped.append("\(bad) in \"\(s.name)\"") }
            case let .bar(b):
                for g in b.groups {
                    let pairs = zip(b.categories, g.values).map { "\($0) \(Chart.short($1))" }
                    parts.append("Bars \"\(g.name)\": \(pairs.joined(separator: ", ")).")
                }
            case let .histogram(h):
                let finite = h.values.filter(\.isFinite)
                let (edges, _) = Binning.bars(h)
                parts.append("Histogram \"\(h.name)\" of \(finite.count) values in \(max(0, edges.count - 1)) bins from \(Chart.short(edges.first ?? 0)) to \(Chart.short(edges.last ?? 0)).")
                if finite.count < h.values.count { dropped.append("\(h.values.count - finite.count) in \"\(h.name)\"") }
            case let .heatmap(h):
                let finite = h.z.filter(\.isFinite)
                parts.append("Heatmap \"\(h.name)\" of \(h.y.count)×\(h.x.count) cells, values from \(Chart.short(finite.min() ?? 0)) to \(Chart.short(finite.max() ?? 0)) (\(h.palette == .viridis ? "viridis" : "blue for negative, red for positive")).")
                if finite.count < h.z.count { dropped.append("\(h.z.count - finite.count) cells of \"\(h.name)\"") }
            case let .contour(c):
                let finite = c.z.filter(\.isFinite)
                parts.append("Contours of \"\(c.name)\" at \(Contours.levels(c).count) levels, values from \(Chart.short(finite.min() ?? 0)) to \(Chart.short(finite.max() ?? 0)).")
            case let .region(r):
                parts.append("Region \"\(r.name)\" spanning x \(Chart.short(r.x.min() ?? 0))…\(Chart.short(r.x.max() ?? 0)), y \(Chart.short(r.y.min() ?? 0))…\(Chart.short(r.y.max() ?? 0)).")
            case let .band(b):
                parts.append("Band \"\(b.name)\" from \(Chart.short(b.lower.filter(\.isFinite).min() ?? 0)) to \(Chart.short(b.upper.filter(\.isFinite).max() ?? 0)).")
            case let .rule(r):
                parts.append("\(r.orientation == .horizontal ? "Horizontal" : "Vertical") line at \(Chart.short(r.value))\(r.label.map { " (\($0))" } ?? "").")
            case let .text(t):
                parts.append("Note \"\(t.text)\" at (\(Chart.short(t.x)), \(Chart.short(t.y))).")
            }
        }
        if !dropped.isEmpty {
            parts.append("Non-finite values not drawn: \(dropped.joined(separator: "; ")).")
        }
        return parts.joined(separator: " ")
    }

    private func axisSentence(_ name: String, chart axis: Axis, axis layout: AxisLayout) -> String {
        let label = axis.label.isEmpty ? "" : " \"\(axis.label)\""
        if let cats = layout.categories {
            return "\(name) axis\(label): categories \(cats.joined(separator: ", "))."
        }
        let a = axis.scale.inverse(min(layout.lower, layout.upper)), b = axis.scale.inverse(max(layout.lower, layout.upper))
        let scale = axis.scale == .linear ? "" : " (\(axis.scale == .log10 ? "log scale" : "symmetric log scale"))"
        return "\(name) axis\(label)\(scale) from \(Chart.short(a)) to \(Chart.short(b))."
    }

    static func short(_ v: Double) -> String {
        if !v.isFinite { return Numbers.name(of: v) }
        if v == 0 { return "0" }
        if abs(v) >= 1e5 || abs(v) < 1e-3 { return String(format: "%.3g", v) }
        if abs(v) >= 1000 { return String(format: "%.0f", v) }
        var s = String(format: "%.3g", v)
        if s.contains("e") { s = String(format: "%.4f", v) }
        return s
    }
}

extension Mark {
    var kindName: String {
        switch self {
        case let .series(s): return s.line ? "line" : "scatter"
        case let .bar(b): return b.horizontal ? "horizontal bar" : (b.arrangement == .stacked ? "stacked bar" : "bar")
        case .histogram: return "histogram"
        case .heatmap: return "heatmap"
        case .contour: return "contour"
        case .region: return "region"
        case .band: return "band"
        case .rule: return "reference line"
        case .text: return "annotation"
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
