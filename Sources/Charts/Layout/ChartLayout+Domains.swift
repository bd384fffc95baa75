extension ChartLayout.Builder {
    /// The range of data along one axis, in working space.
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

    /// The padded working-space domain of every panel, and the data extent of all panels together.
    struct Domains {
        /// Per panel, lower and upper end of x.
        let x: [(Double, Double)]
        /// Per panel, lower and upper end of y (reversed on a categorical y axis).
        let y: [(Double, Double)]
        /// The x extent over all panels.
        let allX: Extent
        /// The y extent over all panels.
        let allY: Extent
    }

    /// Each panel's domains: from its own data, or from all panels' along a shared axis.
    func domains(_ grid: FacetGrid) -> Domains {
        let raw = chart.panels.map(extents)
        var allX = Extent(), allY = Extent()
        for (ex, ey) in raw { allX.merge(ex); allY.merge(ey) }
        let xDomains = raw.map { domain(grid.sharedX ? allX : $0.0, axis: chart.x, categorical: xCategories != nil) }
        var yDomains = raw.map { domain(grid.sharedY ? allY : $0.1, axis: chart.y, categorical: yCategories != nil) }
        // Categories read top to bottom.
        if yCategories != nil { yDomains = yDomains.map { ($0.1, $0.0) } }
        return Domains(x: xDomains, y: yDomains, allX: allX, allY: allY)
    }

    /// The x and y extents of a panel's marks.
    func extents(_ panel: Panel) -> (Extent, Extent) {
        var ex = Extent()
        var ey = Extent()
        for mark in panel.marks { include(mark, x: &ex, y: &ey) }
        return (ex, ey)
    }

    /// Widens the extents to a mark's data (in working space, or category indices on a
    /// categorical axis), marking bar baselines and gridded data.
    func include(_ mark: Mark, x ex: inout Extent, y ey: inout Extent) {
        let tx = chart.x.scale, ty = chart.y.scale
        func addX(_ v: Double) { ex.add(xCategories == nil ? tx.transform(v) : v) }
        func addY(_ v: Double) { ey.add(yCategories == nil ? ty.transform(v) : v) }
        switch mark {
        case let .series(s):
            for i in 0..<min(s.x.count, s.y.count) where s.x[i].isFinite && s.y[i].isFinite {
                addX(s.x[i])
                addY(s.y[i])
            }
        case let .bar(b):
            let n = b.categories.count
            let (lo, hi) = Self.barValueRange(b)
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

    /// The lowest and highest bar end (stacked bars: the sums of negative and positive values),
    /// including the zero baseline.
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
}
