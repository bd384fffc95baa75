import Foundation

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

/// The layout computation, step by step.
struct Builder {
    typealias S = ChartLayout.Style
    let chart: Chart
    let xCategories: [String]?
    let yCategories: [String]?
    let entries: [LegendEntry]

    init(_ chart: Chart) {
        self.chart = chart
        var xc: [String]? = nil
        var yc: [String]? = nil
        for case let .bar(b) in chart.marks {
            if b.horizontal { yc = yc ?? b.categories } else { xc = xc ?? b.categories }
        }
        xCategories = xc
        yCategories = yc
        entries = Builder.colorEntries(chart)
    }

    static func colorEntries(_ chart: Chart) -> [LegendEntry] {
        var out: [LegendEntry] = []
        var next = 0
        func add(_ name: String, _ explicit: Int?, _ key: LegendEntry.Key) {
            if let i = out.firstIndex(where: { $0.name == name }) {
                if key != .area && out[i].key == .area { out[i].key = key }
                if let e = explicit { out[i].color = e }
                return
            }
            out.append(LegendEntry(name: name, color: explicit ?? next, key: key))
            next += 1
        }
        for mark in chart.marks {
            switch mark {
            case let .series(s):
                add(s.name, s.color, s.line ? (s.dashed ? .dashed : (s.markers ? .lineMarker : .line)) : .marker)
            case let .bar(b): for g in b.groups { add(g.name, nil, .area) }
            case let .histogram(h): add(h.name, nil, .area)
            case let .band(b): add(b.name, b.color, .area)
            case let .region(r): add(r.name, r.color, .line)
            default: break
            }
        }
        return out
    }

    // MARK: Domains

    struct Extent {
        var lo = Double.infinity
        var hi = -Double.infinity
        var sticky0 = false  // bars/histograms: do not pad below a zero baseline
        var tight = false  // heatmaps/contours: no padding
        mutating func add(_ v: Double) {
            guard v.isFinite else { return }
            lo = min(lo, v)
            hi = max(hi, v)
        }
        mutating func merge(_ o: Extent) {
            lo = min(lo, o.lo)
            hi = max(hi, o.hi)
            sticky0 = sticky0 || o.sticky0
            tight = tight || o.tight
        }
        var isEmpty: Bool { !(lo <= hi) }
    }

    func extents(_ panel: Panel) -> (Extent, Extent) {
        var ex = Extent()
        var ey = Extent()
        let tx = chart.x.scale, ty = chart.y.scale
        func addX(_ v: Double) { ex.add(xCategories == nil ? tx.transform(v) : v) }
        func addY(_ v: Double) { ey.add(yCategories == nil ? ty.transform(v) : v) }
        for mark in panel.marks {
            switch mark {
            case let .series(s):
                for i in 0..<min(s.x.count, s.y.count) where s.x[i].isFinite && s.y[i].isFinite {
                    addX(s.x[i])
                    addY(s.y[i])
                }
            case let .bar(b):
                let n = b.categories.count
                let (lo, hi) = Builder.barValueRange(b)
                if b.horizontal {
                    ey.add(-0.6); ey.add(Double(n) - 0.4)
                    addX(lo); addX(hi); ex.sticky0 = true
                } else {
                    ex.add(-0.6); ex.add(Double(n) - 0.4)
                    addY(lo); addY(hi); ey.sticky0 = true
                }
            case let .histogram(h):
                let (edges, heights) = Binning.bars(h)
                edges.forEach(addX)
                addY(0)
                heights.forEach(addY)
                ey.sticky0 = true
            case let .heatmap(h):
                for v in HeatmapMark.cellEdges(h.x) { addX(v) }
                for v in HeatmapMark.cellEdges(h.y) { addY(v) }
                ex.tight = true; ey.tight = true
            case let .contour(c):
                c.x.forEach(addX); c.y.forEach(addY)
                ex.tight = true; ey.tight = true
            case let .region(r):
                r.x.forEach(addX); r.y.forEach(addY)
            case let .band(b):
                for i in b.x.indices where b.x[i].isFinite && b.lower[i].isFinite && b.upper[i].isFinite {
                    addX(b.x[i]); addY(b.lower[i]); addY(b.upper[i])
                }
            case let .rule(r):
                if r.orientation == .horizontal { addY(r.value) } else { addX(r.value) }
            case let .text(t):
                addX(t.x); addY(t.y)
            }
        }
        return (ex, ey)
    }

    static func barValueRange(_ b: BarMark) -> (Double, Double) {
        var lo = 0.0, hi = 0.0
        if b.arrangement == .stacked {
            for c in b.categories.indices {
                var pos = 0.0, neg = 0.0
                for g in b.groups where g.values[c].isFinite {
                    if g.values[c] >= 0 { pos += g.values[c] } else { neg += g.values[c] }
                }
                hi = max(hi, pos)
                lo = min(lo, neg)
            }
        } else {
            for g in b.groups { for v in g.values where v.isFinite { hi = max(hi, v); lo = min(lo, v) } }
        }
        return (lo, hi)
    }


    /// Padded working-space domain from an extent and fixed limits.
    func domain(_ e: Extent, axis: Axis, categorical: Bool) -> (Double, Double) {
        if categorical { return (e.lo, e.hi) }
        var lo = e.isEmpty ? 0 : e.lo
        var hi = e.isEmpty ? 1 : e.hi
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let d = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= d
            hi += d
        } else if !e.tight {
            let pad = (hi - lo) * 0.04
            if !(e.sticky0 && lo == 0) { lo -= pad }
            if !(e.sticky0 && hi == 0) { hi += pad }
        }
        if let m = axis.min { lo = axis.scale.transform(m) }
        if let m = axis.max { hi = axis.scale.transform(m) }
        return (lo, hi)
    }

    // MARK: Ticks

    func axisTicks(scale: ScaleKind, lower: Double, upper: Double, categories: [String]?, length: Double, spacing: Double) -> AxisLayout {
        if let cats = categories {
            return AxisLayout(scale: scale, lower: lower, upper: upper, ticks: cats.indices.map(Double.init), labels: cats,
                              categories: cats, showLabels: true)
        }
        // Vertical axes (short spacing) keep at least four ticks, even in small facets.
        let m = max(spacing < 60 ? 4 : 3, min(10, Int((length / spacing).rounded())))
        let (t, l) = ticksAndLabels(scale: scale, lower: lower, upper: upper, m: m)
        return AxisLayout(scale: scale, lower: lower, upper: upper, ticks: t, labels: l, categories: nil, showLabels: true)
    }

    func ticksAndLabels(scale: ScaleKind, lower: Double, upper: Double, m: Int) -> ([Double], [String]) {
        let slack = (upper - lower) * 1e-9
        func inside(_ t: Double) -> Bool { t >= lower - slack && t <= upper + slack }
        switch scale {
        case .linear:
            let ticks = ExtendedTicks.ticks(lower, upper, m: m).filter(inside)
            return (ticks, TickFormatter.labels(ticks))
        case .log10:
            let a = Int(ceil(lower - 1e-9)), b = Int(floor(upper + 1e-9))
            if upper - lower < 2.5 {
                // Few decades: 1-2-5 (or 1-5) steps within each decade, each labelled plainly.
                for multiples in [[1.0, 2, 5], [1.0, 5]] {
                    var values: [Double] = []
                    for e in (Int(floor(lower)) - 1)...(Int(ceil(upper)) + 1) {
                        for q in multiples {
                            let v = q * pow(10, Double(e))
                            if inside(log10(v)) { values.append(v) }
                        }
                    }
                    if values.count >= 3 && values.count <= m + 1 {
                        return (values, values.map { TickFormatter.labels([$0])[0] })
                    }
                }
            }
            if b - a >= 1 {
                var step = 1
                while (b - a) / step + 1 > m { step += 1 }
                let exps = stride(from: a, through: b, by: 1).filter { ((($0 % step) + step) % step) == 0 }
                return (exps.map { pow(10, Double($0)) }, exps.map(TickFormatter.powerOfTenLabel))
            }
            let values = ExtendedTicks.ticks(pow(10, lower), pow(10, upper), m: m).filter { $0 > 0 && inside(log10($0)) }
            return (values, TickFormatter.labels(values))
        case .symlog:
            var candidates: [Double] = [0]
            let c0 = { if case let .symlog(c) = scale, c > 0 { return c } else { return 1.0 } }()
            for k in 0...15 {
                let v = c0 * pow(10, Double(k))
                candidates.append(v)
                candidates.append(-v)
            }
            let c = candidates.filter { inside(scale.transform($0)) }.sorted()
            var chosen = c
            var step = 1
            while chosen.count > m + 2 && step < 10 {
                step += 1
                chosen = c.filter { $0 == 0 || Int(log10(abs($0) / c0).rounded()) % step == 0 }
            }
            let labels = chosen.map { v -> String in
                if v == 0 { return "0" }
                let e = Int(log10(abs(v)).rounded())
                return (v < 0 ? "−" : "") + (e >= 0 && e <= 3 ? String(Int(abs(v))) : TickFormatter.powerOfTenLabel(e))
            }
            return (chosen, labels)
        }
    }

    /// Fewer ticks until labels on a horizontal axis do not overlap.
    func fitHorizontal(_ axis: AxisLayout, length: Double) -> AxisLayout {
        guard axis.categories == nil else { return axis }
        var a = axis
        var m = a.ticks.count
        while m > 2 && overlaps(a, length: length) {
            m -= 1
            let (t, l) = ticksAndLabels(scale: a.scale, lower: a.lower, upper: a.upper, m: m)
            if t.count >= 2 { a.ticks = t; a.labels = l }
        }
        return a
    }

    func overlaps(_ a: AxisLayout, length: Double) -> Bool {
        let pos = a.ticks.map { a.fraction($0) * length }
        let widths = a.labels.map { TextMetrics.width($0, size: S.tickSize) }
        for i in 0..<max(0, pos.count - 1) where pos[i + 1] - pos[i] < (widths[i] + widths[i + 1]) / 2 + 10 { return true }
        return false
    }

    // MARK: Build

    func build() -> ChartLayout {
        let panels = chart.panels
        let n = panels.count
        let columns = max(1, min(n, chart.facets.columns ?? Int(ceil(Double(n).squareRoot()))))
        let rows = (n + columns - 1) / columns
        let scales = chart.facets.scales
        let sharedX = scales == .shared || scales == .freeY
        let sharedY = scales == .shared || scales == .freeX

        // Domains.
        let raw = panels.map(extents)
        var allX = Extent(), allY = Extent()
        for (ex, ey) in raw { allX.merge(ex); allY.merge(ey) }
        let xDomains = raw.map { domain(sharedX ? allX : $0.0, axis: chart.x, categorical: xCategories != nil) }
        var yDomains = raw.map { domain(sharedY ? allY : $0.1, axis: chart.y, categorical: yCategories != nil) }
        // Categories read top to bottom.
        if yCategories != nil { yDomains = yDomains.map { ($0.1, $0.0) } }

        // Vertical space.
        var top = S.pad
        var title: TextItem? = nil
        var subtitle: TextItem? = nil
        // Titles wider than the canvas wrap onto more lines (joined by "\n" in the text item).
        let textWidth = chart.width - 2 * S.pad
        if !chart.title.isEmpty {
            let lines = TextMetrics.wrap(chart.title, size: S.titleSize, maxWidth: textWidth, widthFactor: 1.15)
            title = TextItem(text: lines.joined(separator: "\n"), x: S.pad, y: top + S.titleSize * TextMetrics.ascent,
                             size: S.titleSize, rotated: false)
            top += S.titleSize * 1.25 * Double(lines.count)
        }
        if let sub = chart.subtitle, !sub.isEmpty {
            let lines = TextMetrics.wrap(sub, size: S.subtitleSize, maxWidth: textWidth)
            subtitle = TextItem(text: lines.joined(separator: "\n"), x: S.pad, y: top + 2 + S.subtitleSize * TextMetrics.ascent,
                                size: S.subtitleSize, rotated: false)
            top += S.subtitleSize * 1.25 * Double(lines.count) + 2
        }
        top += title == nil && subtitle == nil ? 4 : 10
        let tickLabelHeight = S.tickSize * 1.2
        let axisTitleHeight = S.axisTitleSize * 1.2
        // Category labels that do not fit side by side are drawn at 45°, which needs more room
        // below the axis (estimated from the widest label and the narrowest possible slot).
        let slot = (chart.width - 2 * S.pad - 40) / Double(columns) / Double(max(1, xCategories?.count ?? 1))
        let widestCategory = (xCategories ?? []).map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
        let rotateCategories = xCategories != nil && widestCategory + 6 > slot
        let categoryDrop = rotateCategories ? (widestCategory + S.tickSize) * 0.7071 - tickLabelHeight + 4 : 0
        let bottom = S.pad + (chart.x.label.isEmpty ? 0 : axisTitleHeight + 4) + tickLabelHeight + S.tickLength + 3 + categoryDrop
        let strip = n > 1 ? S.stripHeight : 0
        let rowGap = sharedX ? 8.0 : tickLabelHeight + S.tickLength + 10
        let gridHeight = chart.height - top - bottom
        let ph = max(20, (gridHeight - Double(rows - 1) * rowGap - Double(rows) * strip) / Double(rows))

        // Colour bar width.
        let barMark = chart.marks.first { if case .heatmap = $0 { return true }; if case .contour = $0 { return true }; return false }
        var colorBar: ColorBarLayout? = nil
        var colorBarWidth = 0.0
        if let mark = barMark {
            colorBar = colorBarInfo(mark, height: ph * Double(rows))
            let labelsW = colorBar.map { $0.labels.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0 } ?? 0
            let titleW = TextMetrics.width(colorBar?.title ?? "", size: S.tickSize)
            colorBarWidth = 14 + max(12 + S.tickLength + 3 + labelsW, titleW / 2 + 6)
        }

        // Legend size.
        let showLegend = chart.legend != .none && entries.count >= 2
        let legendSize = showLegend ? legendBox() : (0, 0)

        func arrange(rightExtra: Double) -> (Double, [PanelLayout]) {
            var xd = xDomains, yd = yDomains
            var shrink = (0.0, 0.0)
            var yAxes = (0..<n).map { i in
                axisTicks(scale: chart.y.scale, lower: yd[i].0, upper: yd[i].1, categories: yCategories, length: ph, spacing: 50)
            }
            var labelW = yAxes.flatMap { $0.labels }.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
            var left = S.pad + (chart.y.label.isEmpty ? 0 : axisTitleHeight + 4) + labelW + 3 + S.tickLength
            var colGap = sharedY ? 10.0 : labelW + S.tickLength + 3 + 12
            // Leave room for half of the last x label past the plot's right edge.
            let right = S.pad + rightExtra + (rightExtra > 0 ? 0 : 10)
            var pw = max(20, (chart.width - left - right - Double(columns - 1) * colGap) / Double(columns))
            if chart.equalAspect && chart.x.scale == .linear && chart.y.scale == .linear && xCategories == nil && yCategories == nil {
                if allX.tight || allY.tight {
                    // Gridded data: keep the domain, shrink the panel instead.
                    let s = (0..<n).map { min(pw / (xd[$0].1 - xd[$0].0), ph / (yd[$0].1 - yd[$0].0)) }.min() ?? 1
                    let spanX = (0..<n).map { xd[$0].1 - xd[$0].0 }.max() ?? 1
                    let spanY = (0..<n).map { yd[$0].1 - yd[$0].0 }.max() ?? 1
                    let newPw = spanX * s, newPh = spanY * s
                    shrink = (pw - newPw, ph - newPh)
                    pw = newPw
                } else {
                    for i in 0..<n {
                        let sx = pw / (xd[i].1 - xd[i].0), sy = ph / (yd[i].1 - yd[i].0)
                        let s = min(sx, sy)
                        let cx = (xd[i].0 + xd[i].1) / 2, cy = (yd[i].0 + yd[i].1) / 2
                        xd[i] = (cx - pw / s / 2, cx + pw / s / 2)
                        yd[i] = (cy - ph / s / 2, cy + ph / s / 2)
                    }
                }
                yAxes = (0..<n).map { i in
                    axisTicks(scale: chart.y.scale, lower: yd[i].0, upper: yd[i].1, categories: yCategories, length: ph, spacing: 50)
                }
                let w2 = yAxes.flatMap { $0.labels }.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
                if w2 > labelW {
                    // Wider labels: shift right and re-fit the x domain to the narrower plot.
                    let extra = w2 - labelW
                    labelW = w2
                    left += extra
                    colGap = sharedY ? colGap : colGap + extra
                    let newPw = max(20, (chart.width - left - right - Double(columns - 1) * colGap) / Double(columns))
                    for i in 0..<n {
                        let cx = (xd[i].0 + xd[i].1) / 2, half = (xd[i].1 - xd[i].0) / 2 * newPw / pw
                        xd[i] = (cx - half, cx + half)
                    }
                    pw = newPw
                }
            }
            var layouts: [PanelLayout] = []
            let panelH = ph - shrink.1
            let offsetX = left, offsetY = top + shrink.1 * Double(rows) / 2
            for i in 0..<n {
                let r = i / columns, c = i % columns
                let rect = Rect(x: offsetX + Double(c) * (pw + colGap), y: offsetY + Double(r) * (panelH + rowGap + strip) + strip,
                                width: pw, height: panelH)
                var xa = axisTicks(scale: chart.x.scale, lower: xd[i].0, upper: xd[i].1, categories: xCategories, length: pw, spacing: 80)
                xa = fitHorizontal(xa, length: pw)
                var ya = shrink.1 > 0
                    ? axisTicks(scale: chart.y.scale, lower: yd[i].0, upper: yd[i].1, categories: yCategories, length: panelH, spacing: 50)
                    : yAxes[i]
                if rotateCategories { xa.labelRotation = 45 }
                let lastRow = r == rows - 1 || (sharedX && i + columns >= n)
                xa.showLabels = !sharedX || lastRow
                ya.showLabels = !sharedY || c == 0
                layouts.append(PanelLayout(title: n > 1 ? panels[i].title : nil, plot: rect, x: xa, y: ya))
            }
            return (left, layouts)
        }

        var rightExtra = colorBarWidth
        var (left, layouts) = arrange(rightExtra: rightExtra)
        var legend: LegendLayout? = nil
        if showLegend {
            var placed = false
            if chart.legend == .auto && n == 1 {
                let p = layouts[0]
                let inset = 8.0
                let candidates: [(String, Double, Double)] = [
                    ("top-right", p.plot.maxX - inset - legendSize.0, p.plot.y + inset),
                    ("top-left", p.plot.x + inset, p.plot.y + inset),
                    ("bottom-right", p.plot.maxX - inset - legendSize.0, p.plot.maxY - inset - legendSize.1),
                    ("bottom-left", p.plot.x + inset, p.plot.maxY - inset - legendSize.1),
                ]
                let obstacles = Obstacles(panel: p, marks: chart.panels[0].marks)
                var best: (String, Rect, Int)? = nil
                if legendSize.0 < p.plot.width * 0.6 && legendSize.1 < p.plot.height * 0.6 {
                    for (name, x, y) in candidates {
                        let rect = Rect(x: x, y: y, width: legendSize.0, height: legendSize.1)
                        let count = obstacles.count(in: Rect(x: rect.x - 3, y: rect.y - 3, width: rect.width + 6, height: rect.height + 6))
                        if best == nil || count < best!.2 { best = (name, rect, count) }
                    }
                }
                if let b = best, b.2 == 0 {
                    legend = LegendLayout(placement: b.0, rect: b.1.rounded(), entries: entries, covered: 0)
                    placed = true
                }
            }
            if !placed {
                rightExtra += legendSize.0 + 12
                (left, layouts) = arrange(rightExtra: rightExtra)
                let plotTop = layouts.map(\.plot.y).min() ?? top
                let plotRight = layouts.map(\.plot.maxX).max() ?? chart.width
                let rect = Rect(x: plotRight + colorBarWidth + 12, y: plotTop, width: legendSize.0, height: legendSize.1)
                legend = LegendLayout(placement: "outside-right", rect: rect.rounded(), entries: entries, covered: 0)
            }
        }
        _ = left

        // Colour bar beside the panels.
        if var bar = colorBar {
            let plotTop = layouts.map(\.plot.y).min() ?? top
            let plotBottom = layouts.map(\.plot.maxY).max() ?? (chart.height - bottom)
            let plotRight = layouts.map(\.plot.maxX).max() ?? chart.width
            let titleGap = S.tickSize * 1.4
            bar.rect = Rect(x: plotRight + 14, y: plotTop + titleGap, width: 12, height: plotBottom - plotTop - titleGap).rounded()
            colorBar = bar
        }

        // Axis titles centred on the panel grid.
        let gridLeft = layouts.map(\.plot.x).min() ?? 0
        let gridRight = layouts.map(\.plot.maxX).max() ?? chart.width
        let gridTop = layouts.map { $0.plot.y }.min() ?? top
        let gridBottom = layouts.map(\.plot.maxY).max() ?? chart.height
        let xTitle = chart.x.label.isEmpty ? nil
            : TextItem(text: chart.x.label, x: (gridLeft + gridRight) / 2, y: chart.height - S.pad - S.axisTitleSize * TextMetrics.descent,
                       size: S.axisTitleSize, rotated: false)
        let yTitle = chart.y.label.isEmpty ? nil
            : TextItem(text: chart.y.label, x: S.pad + S.axisTitleSize * TextMetrics.ascent, y: (gridTop + gridBottom) / 2,
                       size: S.axisTitleSize, rotated: true)

        return ChartLayout(
            width: chart.width, height: chart.height, title: title, subtitle: subtitle, xTitle: xTitle, yTitle: yTitle,
            panels: layouts.map { p in var q = p; q.plot = p.plot.rounded(); return q }, legend: legend, colorBar: colorBar,
            colors: entries)
    }

    func legendBox() -> (Double, Double) {
        let textW = entries.map { TextMetrics.width($0.name, size: S.legendSize) }.max() ?? 0
        return ((8 + 22 + 6 + textW + 8).rounded(.up), (6 + Double(entries.count) * 16 + 4).rounded(.up))
    }

    func colorBarInfo(_ mark: Mark, height: Double) -> ColorBarLayout? {
        var lo = 0.0, hi = 1.0
        var palette = HeatmapMark.Palette.viridis
        var title = ""
        switch mark {
        case let .heatmap(h):
            let finite = h.z.filter(\.isFinite)
            lo = finite.min() ?? 0
            hi = finite.max() ?? 1
            palette = h.palette
            title = h.name
            if palette == .diverging {
                let m = max(abs(lo), abs(hi))
                lo = -m
                hi = m
            }
        case let .contour(c):
            let levels = Contours.levels(c)
            let finite = c.z.filter(\.isFinite)
            lo = levels.min() ?? finite.min() ?? 0
            hi = levels.max() ?? finite.max() ?? 1
            title = c.name
        default: return nil
        }
        if !(hi > lo) { hi = lo + 1 }
        let m = max(3, min(8, Int((height / 50).rounded())))
        let ticks = ExtendedTicks.ticks(lo, hi, m: m).filter { $0 >= lo - (hi - lo) * 1e-9 && $0 <= hi + (hi - lo) * 1e-9 }
        return ColorBarLayout(title: title, rect: Rect(x: 0, y: 0, width: 12, height: height), lower: lo, upper: hi,
                              ticks: ticks, labels: TickFormatter.labels(ticks), palette: palette)
    }
}

/// Data positions in points, to find a legend corner that covers nothing.
struct Obstacles {
    var points: [(Double, Double)] = []
    var segments: [(Double, Double, Double, Double)] = []
    var rects: [Rect] = []
    var everywhere = false

    init(panel p: PanelLayout, marks: [Mark]) {
        for mark in marks {
            switch mark {
            case let .series(s):
                let n = min(s.x.count, s.y.count)
                let step = max(1, n / 4000)
                var indices = Array(Swift.stride(from: 0, to: n, by: step))
                if let last = indices.last, last != n - 1 { indices.append(n - 1) }
                var prev: (Double, Double)? = nil
                for i in indices {
                    if s.x[i].isFinite && s.y[i].isFinite {
                        let pt = (p.px(s.x[i]), p.py(s.y[i]))
                        points.append(pt)
                        if s.line, let q = prev { segments.append((q.0, q.1, pt.0, pt.1)) }
                        prev = pt
                    } else {
                        prev = nil
                    }
                }
            case let .bar(b):
                for r in BarGeometry.rects(b, panel: p) { rects.append(r.rect) }
            case let .histogram(h):
                let (edges, heights) = Binning.bars(h)
                for i in heights.indices where heights[i] > 0 {
                    let x0 = p.px(edges[i]), x1 = p.px(edges[i + 1]), y0 = p.py(heights[i]), y1 = p.py(0)
                    rects.append(Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case .heatmap, .contour:
                everywhere = true
            case let .region(r):
                let pts = zip(r.x, r.y).map { (p.px($0), p.py($1)) }
                for i in pts.indices {
                    let a = pts[i], b = pts[(i + 1) % pts.count]
                    segments.append((a.0, a.1, b.0, b.1))
                }
            case let .band(b):
                for i in b.x.indices where b.x[i].isFinite && b.lower[i].isFinite && b.upper[i].isFinite {
                    let x = p.px(b.x[i])
                    segments.append((x, p.py(b.lower[i]), x, p.py(b.upper[i])))
                }
            case let .text(t):
                let x = p.px(t.x), y = p.py(t.y)
                rects.append(Rect(x: x, y: y - 14, width: TextMetrics.width(t.text, size: 10) + 8, height: 16))
            case .rule:
                break
            }
        }
    }

    func count(in r: Rect) -> Int {
        if everywhere { return 1_000_000 }
        var c = 0
        for (x, y) in points where r.contains(x, y) { c += 1 }
        for s in segments where r.intersects(s.0, s.1, s.2, s.3) { c += 1 }
        for b in rects where b.x < r.maxX && b.maxX > r.x && b.y < r.maxY && b.maxY > r.y { c += 1 }
        return c
    }
}
