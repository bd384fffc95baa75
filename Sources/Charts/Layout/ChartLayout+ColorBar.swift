extension ChartLayout.Builder {
    /// The colour bar of the first heatmap or contour mark, its ticks chosen for a bar `height`
    /// points tall, and the width it takes right of the panels (0 without one).
    func colorBarReservation(height: Double) -> (bar: ColorBarLayout?, width: Double) {
        let barMark = chart.marks.first { if case .heatmap = $0 { return true }; if case .contour = $0 { return true }; return false }
        guard let mark = barMark else { return (nil, 0) }
        let colorBar = colorBarInfo(mark, height: height)
        let labelsW = colorBar.map { $0.labels.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0 } ?? 0
        let titleW = colorBarTitleLines(colorBar?.title ?? "", labelsWidth: labelsW)
            .map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
        return (colorBar, 14 + max(12 + S.tickLength + 3 + labelsW, titleW) + 2)
    }

    /// The colour bar's title in lines starting at the bar's left edge: on one line up to 110
    /// points (or the width of bar and labels, if wider), wrapped at spaces beyond that.
    func colorBarTitleLines(_ title: String, labelsWidth: Double) -> [String] {
        guard !title.isEmpty else { return [] }
        let limit = max(110, 12 + S.tickLength + 3 + labelsWidth)
        return TextMetrics.wrap(title, size: S.tickSize, maxWidth: limit)
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

    /// The colour bar beside the panels: right of them, its title level with the top of the plots
    /// and starting at the bar's left edge, the bar from below the title (clear of it by 4 points
    /// plus the half of the top tick label that rises above the bar) to the grid's bottom.
    func placeColorBar(_ colorBar: ColorBarLayout, beside panels: [PanelLayout], frame: VerticalFrame) -> ColorBarLayout {
        var bar = colorBar
        let plotTop = panels.map(\.plot.y).min() ?? frame.top
        let plotBottom = panels.map(\.plot.maxY).max() ?? (chart.height - frame.bottom)
        let plotRight = panels.map(\.plot.maxX).max() ?? chart.width
        let labelsW = bar.labels.map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
        let lines = colorBarTitleLines(bar.title, labelsWidth: labelsW)
        let x = plotRight + 14
        var titleBottom = plotTop
        if !lines.isEmpty {
            bar.titleText = TextItem(text: lines.joined(separator: "\n"), x: x, y: plotTop + S.tickSize * TextMetrics.ascent,
                                     size: S.tickSize, rotated: false)
            titleBottom = plotTop + S.tickSize * (TextMetrics.ascent + TextMetrics.descent + 1.25 * Double(lines.count - 1))
        }
        let top = (titleBottom + 4 + S.tickSize * TextMetrics.ascent * 0.64).rounded(.up)
        bar.rect = Rect(x: x, y: top, width: 12, height: max(20, plotBottom - top)).rounded()
        return bar
    }
}
