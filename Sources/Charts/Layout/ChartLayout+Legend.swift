extension ChartLayout.Builder {
    /// The colour and key of every named mark in order of appearance: marks with the same name share
    /// an entry (a line's key wins over an area's), explicit colours win over the next free index.
    /// Lines also get a dash pattern: their own (solid, or dashed when asked), unless a line
    /// before them already has that colour and pattern (past 8 series the colours repeat), then
    /// the first other pattern of `Palette.dashes` no line of that colour has yet (solid last).
    static func colorEntries(_ chart: Chart) -> [LegendEntry] {
        var out: [LegendEntry] = []
        var next = 0
        var taken: Set<[Int]> = []  // (colour, dash) of the lines so far
        let colours = Palette.okabeIto.count
        func add(_ name: String, _ explicit: Int?, _ key: LegendEntry.Key, stroked: Bool = false) {
            if let i = out.firstIndex(where: { $0.name == name }) {
                if key != .area && out[i].key == .area { out[i].key = key }
                if let e = explicit { out[i].color = e }
                return
            }
            var entry = LegendEntry(name: name, color: explicit ?? next, key: key)
            if stroked {
                let colour = ((entry.color % colours) + colours) % colours
                let wanted = key == .dashed ? 1 : 0
                // A line asked to be dashed stays dashed: solid is its last resort.
                let order = [wanted] + Palette.dashes.indices.filter { $0 != wanted && $0 != 0 } + [0]
                let free = order.first { !taken.contains([colour, $0]) }
                entry.dash = free ?? wanted
                taken.insert([colour, entry.dash])
            }
            out.append(entry)
            next += 1
        }
        for mark in chart.marks {
            switch mark {
            case let .series(s):
                add(s.name, s.color, s.line ? (s.dashed ? .dashed : (s.markers ? .lineMarker : .line)) : .marker, stroked: s.line)
            case let .bar(b): for g in b.groups { add(g.name, nil, .area) }
            case let .histogram(h): add(h.name, nil, .area)
            case let .band(b): add(b.name, b.color, .area)
            case let .region(r): add(r.name, r.color, .line)
            default: break
            }
        }
        return out
    }

    /// Whether a legend is drawn: not switched off, and at least two entries.
    var showsLegend: Bool { chart.legend != .none && entries.count >= 2 }

    /// The legend box's width and height in points.
    func legendBox() -> (width: Double, height: Double) {
        let textW = entries.map { TextMetrics.width($0.name, size: S.legendSize) }.max() ?? 0
        return ((8 + 22 + 6 + textW + 8).rounded(.up), (6 + Double(entries.count) * S.legendRow + 4).rounded(.up))
    }

    /// The legend, and the panels it leaves: inside the single plot in the first corner that covers
    /// no data when the position is `.auto`, otherwise outside right of the panels (and of the
    /// colour bar), which are arranged again to make room.
    func placeLegend(
        beside panels: [PanelLayout], colorBarWidth: Double, grid: FacetGrid, domains: Domains, frame: VerticalFrame
    ) -> (LegendLayout, [PanelLayout]) {
        let size = legendBox()
        if chart.legend == .auto && grid.count == 1, let panel = panels.first, let marks = chart.panels.first?.marks,
           let inside = insideLegend(in: panel, marks: marks, size: size) {
            return (inside, panels)
        }
        var rightExtra = colorBarWidth
        rightExtra += size.width + 12
        let arranged = arrangePanels(rightExtra: rightExtra, grid: grid, domains: domains, frame: frame)
        return (outsideLegend(beside: arranged, size: size, colorBarWidth: colorBarWidth, top: frame.top), arranged)
    }

    /// The legend in the first plot corner (top right, top left, bottom right, bottom left) whose
    /// box, with a 3-point margin, covers none of `marks`; nil when every corner covers some or the
    /// box takes more than 60 % of the plot's width or height.
    func insideLegend(in p: PanelLayout, marks: [Mark], size: (width: Double, height: Double)) -> LegendLayout? {
        let inset = 8.0
        let candidates: [(String, Double, Double)] = [
            ("top-right", p.plot.maxX - inset - size.width, p.plot.y + inset),
            ("top-left", p.plot.x + inset, p.plot.y + inset),
            ("bottom-right", p.plot.maxX - inset - size.width, p.plot.maxY - inset - size.height),
            ("bottom-left", p.plot.x + inset, p.plot.maxY - inset - size.height),
        ]
        guard size.width < p.plot.width * 0.6 && size.height < p.plot.height * 0.6 else { return nil }
        let obstacles = ChartLayout.LegendObstacles(panel: p, marks: marks)
        var best: (name: String, rect: Rect, count: Int)? = nil
        for (name, x, y) in candidates {
            let rect = Rect(x: x, y: y, width: size.width, height: size.height)
            let count = obstacles.count(in: Rect(x: rect.x - 3, y: rect.y - 3, width: rect.width + 6, height: rect.height + 6))
            if best.map({ count < $0.count }) ?? true { best = (name, rect, count) }
        }
        guard let b = best, b.count == 0 else { return nil }
        return LegendLayout(placement: b.name, rect: b.rect.rounded(), entries: entries, covered: 0)
    }

    /// The legend right of the panels and the colour bar, level with the top of the plots.
    func outsideLegend(
        beside panels: [PanelLayout], size: (width: Double, height: Double), colorBarWidth: Double, top: Double
    ) -> LegendLayout {
        let plotTop = panels.map(\.plot.y).min() ?? top
        let plotRight = panels.map(\.plot.maxX).max() ?? chart.width
        let rect = Rect(x: plotRight + colorBarWidth + 12, y: plotTop, width: size.width, height: size.height)
        return LegendLayout(placement: "outside-right", rect: rect.rounded(), entries: entries, covered: 0)
    }
}
