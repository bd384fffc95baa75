extension ChartLayout.Builder {
    /// The horizontal space of the panel grid, and the panels' domains (which equal aspect may change).
    struct HorizontalFrame {
        /// Per panel, the x domain.
        var xDomains: [(Double, Double)]
        /// Per panel, the y domain.
        var yDomains: [(Double, Double)]
        /// Per panel, the y axis for a plot of the full panel height.
        var yAxes: [AxisLayout]
        /// Width of the widest y tick label.
        var labelWidth: Double
        /// Left edge of the first column's plots.
        var left: Double
        /// Gap between columns.
        var columnGap: Double
        /// Space kept free right of the last column.
        let right: Double
        /// Width of each panel's plot.
        var plotWidth: Double
        /// How much less tall each plot is than the panel height (equal aspect on gridded data).
        var heightShrink = 0.0
    }

    /// The panels placed on the grid with `rightExtra` points kept free right of them (for the
    /// colour bar and an outside legend).
    func arrangePanels(rightExtra: Double, grid: FacetGrid, domains: Domains, frame: VerticalFrame) -> [PanelLayout] {
        var horizontal = horizontalFrame(rightExtra: rightExtra, grid: grid, domains: domains, frame: frame)
        if keepsEqualAspect { fitEqualAspect(&horizontal, grid: grid, domains: domains, frame: frame) }
        return placePanels(horizontal, grid: grid, frame: frame)
    }

    /// The columns' space: room for the y axis title and tick labels on the left, the rest shared
    /// by the columns.
    func horizontalFrame(rightExtra: Double, grid: FacetGrid, domains: Domains, frame: VerticalFrame) -> HorizontalFrame {
        let yAxes = self.yAxes(domains.y, length: frame.panelHeight)
        let labelW = Self.widestLabel(yAxes)
        let left = S.pad + (chart.y.label.isEmpty ? 0 : Self.axisTitleHeight + 4) + labelW + 3 + S.tickLength
        var colGap = grid.sharedY ? 10.0 : labelW + S.tickLength + 3 + 12
        // Leave room for half of the last x label past the plot's right edge.
        let right = S.pad + rightExtra + (rightExtra > 0 ? 0 : 10)
        var pw = plotWidth(left: left, right: right, columnGap: colGap, columns: grid.columns)
        // Widen the gap between columns until the x tick labels of neighbouring panels, which
        // stick out past the plots' edges ("40" of one panel, "0" of the next), keep apart.
        for _ in 0..<3 where grid.columns > 1 {
            let needed = xLabelGap(grid: grid, domains: domains, plotWidth: pw)
            guard needed > colGap else { break }
            colGap = needed.rounded(.up)
            pw = plotWidth(left: left, right: right, columnGap: colGap, columns: grid.columns)
        }
        return HorizontalFrame(
            xDomains: domains.x, yDomains: domains.y, yAxes: yAxes, labelWidth: labelW, left: left, columnGap: colGap,
            right: right, plotWidth: pw)
    }

    /// The gap between columns that keeps the x tick labels of side-by-side panels (plots
    /// `plotWidth` wide) at least `Style.panelLabelGap` apart.
    func xLabelGap(grid: FacetGrid, domains: Domains, plotWidth: Double) -> Double {
        let overhangs: [(left: Double, right: Double)] = domains.x.indices.map { i in
            let axis = fitHorizontal(
                axisTicks(scale: chart.x.scale, lower: domains.x[i].0, upper: domains.x[i].1, categories: xCategories,
                          length: plotWidth, spacing: 80),
                length: plotWidth)
            var left = 0.0, right = 0.0
            for (t, label) in zip(axis.ticks, axis.labels) {
                let centre = axis.fraction(t) * plotWidth, half = TextMetrics.width(label, size: S.tickSize) / 2
                left = max(left, half - centre)
                right = max(right, centre + half - plotWidth)
            }
            return (left, right)
        }
        var needed = 0.0
        for i in overhangs.indices where (i + 1) % grid.columns != 0 && i + 1 < overhangs.count {
            needed = max(needed, overhangs[i].right + overhangs[i + 1].left + S.panelLabelGap)
        }
        return needed
    }

    /// The y axes of plots `length` points tall over the given domains.
    func yAxes(_ domains: [(Double, Double)], length: Double) -> [AxisLayout] {
        domains.map { d in
            axisTicks(scale: chart.y.scale, lower: d.0, upper: d.1, categories: yCategories, length: length, spacing: 50)
        }
    }

    /// Width of the widest tick label of the axes.
    static func widestLabel(_ axes: [AxisLayout]) -> Double {
        axes.flatMap { $0.labels }.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
    }

    /// Width of each column's plot between `left` and `right` (at least 20 points).
    func plotWidth(left: Double, right: Double, columnGap: Double, columns: Int) -> Double {
        max(20, (chart.width - left - right - Double(columns - 1) * columnGap) / Double(columns))
    }

    /// Each panel's plot rectangle and axes, row by row; tick labels only on the outer panels
    /// along shared axes.
    func placePanels(_ horizontal: HorizontalFrame, grid: FacetGrid, frame: VerticalFrame) -> [PanelLayout] {
        let h = horizontal
        let panelH = frame.panelHeight - h.heightShrink
        let offsetX = h.left, offsetY = frame.top + h.heightShrink * Double(grid.rows) / 2
        var layouts: [PanelLayout] = []
        for i in 0..<grid.count {
            let r = i / grid.columns, c = i % grid.columns
            let rect = Rect(x: offsetX + Double(c) * (h.plotWidth + h.columnGap),
                            y: offsetY + Double(r) * (panelH + frame.rowGap + frame.strip) + frame.strip,
                            width: h.plotWidth, height: panelH)
            var (xa, ya) = panelAxes(i, horizontal: h, panelHeight: panelH, frame: frame)
            let lastRow = r == grid.rows - 1 || (grid.sharedX && i + grid.columns >= grid.count)
            xa.showLabels = !grid.sharedX || lastRow
            ya.showLabels = !grid.sharedY || c == 0
            layouts.append(PanelLayout(title: grid.count > 1 ? chart.panels[i].title : nil, plot: rect, x: xa, y: ya))
        }
        return layouts
    }

    /// Panel `i`'s axes: x ticks thinned until their labels fit, y ticks for the plot's height.
    func panelAxes(_ i: Int, horizontal h: HorizontalFrame, panelHeight: Double, frame: VerticalFrame) -> (AxisLayout, AxisLayout) {
        var xa = axisTicks(scale: chart.x.scale, lower: h.xDomains[i].0, upper: h.xDomains[i].1, categories: xCategories,
                           length: h.plotWidth, spacing: 80)
        xa = fitHorizontal(xa, length: h.plotWidth)
        let ya = h.heightShrink > 0
            ? axisTicks(scale: chart.y.scale, lower: h.yDomains[i].0, upper: h.yDomains[i].1, categories: yCategories,
                        length: panelHeight, spacing: 50)
            : h.yAxes[i]
        if frame.rotatesCategories { xa.labelRotation = 45 }
        return (xa, ya)
    }
}
