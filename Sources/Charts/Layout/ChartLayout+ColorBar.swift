extension ChartLayout.Builder {
    /// The colour bar of the first heatmap or contour mark, its ticks chosen for a bar `height`
    /// points tall, and the width it takes right of the panels (0 without one).
    func colorBarReservation(height: Double) -> (bar: ColorBarLayout?, width: Double) {
        let barMark = chart.marks.first { if case .heatmap = $0 { return true }; if case .contour = $0 { return true }; return false }
        guard let mark = barMark else { return (nil, 0) }
        let colorBar = colorBarInfo(mark, height: height)
        let labelsW = colorBar.map { $0.labels.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0 } ?? 0
        let titleW = TextMetrics.width(colorBar?.title ?? "", size: S.tickSize)
        return (colorBar, 14 + max(12 + S.tickLength + 3 + labelsW, titleW / 2 + 6))
    }

    /// The colour bar's value range, ticks and palette (not yet placed), or nil for other marks.
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

    /// The colour bar beside the panels: right of them, from below its title to the grid's bottom.
    func placeColorBar(_ colorBar: ColorBarLayout, beside panels: [PanelLayout], frame: VerticalFrame) -> ColorBarLayout {
        var bar = colorBar
        let plotTop = panels.map(\.plot.y).min() ?? frame.top
        let plotBottom = panels.map(\.plot.maxY).max() ?? (chart.height - frame.bottom)
        let plotRight = panels.map(\.plot.maxX).max() ?? chart.width
        let titleGap = S.tickSize * 1.4
        bar.rect = Rect(x: plotRight + 14, y: plotTop + titleGap, width: 12, height: plotBottom - plotTop - titleGap).rounded()
        return bar
    }
}
