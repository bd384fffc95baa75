extension ChartLayout.Builder {
    /// Whether one unit on x is drawn as long as one on y: asked for, on two linear numeric axes.
    var keepsEqualAspect: Bool {
        chart.equalAspect && chart.x.scale == .linear && chart.y.scale == .linear && xCategories == nil && yCategories == nil
    }

    /// Makes the scales equal: gridded data keep their domains and the plots shrink, other data
    /// keep the plots and their domains widen; then the y axes are recomputed, and wider y labels
    /// narrow the plots.
    func fitEqualAspect(_ horizontal: inout HorizontalFrame, grid: FacetGrid, domains: Domains, frame: VerticalFrame) {
        if domains.allX.tight || domains.allY.tight {
            shrinkPlots(&horizontal, panelHeight: frame.panelHeight)
        } else {
            widenDomains(&horizontal, panelHeight: frame.panelHeight)
        }
        horizontal.yAxes = yAxes(horizontal.yDomains, length: frame.panelHeight)
        refitToWiderLabels(&horizontal, columns: grid.columns, sharedY: grid.sharedY)
    }

    /// Gridded data: keep the domain, shrink the panel instead (to the largest spans at the
    /// smallest scale of any panel).
    func shrinkPlots(_ h: inout HorizontalFrame, panelHeight ph: Double) {
        let xd = h.xDomains, yd = h.yDomains, pw = h.plotWidth
        let n = xd.count
        let s = (0..<n).map { min(pw / (xd[$0].1 - xd[$0].0), ph / (yd[$0].1 - yd[$0].0)) }.min() ?? 1
        let spanX = (0..<n).map { xd[$0].1 - xd[$0].0 }.max() ?? 1
        let spanY = (0..<n).map { yd[$0].1 - yd[$0].0 }.max() ?? 1
        let newPw = spanX * s, newPh = spanY * s
        h.heightShrink = ph - newPh
        h.plotWidth = newPw
    }

    /// Other data: widen each panel's x or y domain around its centre to the plot's proportions.
    func widenDomains(_ h: inout HorizontalFrame, panelHeight ph: Double) {
        let pw = h.plotWidth
        for i in h.xDomains.indices {
            let xd = h.xDomains[i], yd = h.yDomains[i]
            let sx = pw / (xd.1 - xd.0), sy = ph / (yd.1 - yd.0)
            let s = min(sx, sy)
            let cx = (xd.0 + xd.1) / 2, cy = (yd.0 + yd.1) / 2
            h.xDomains[i] = (cx - pw / s / 2, cx + pw / s / 2)
            h.yDomains[i] = (cy - ph / s / 2, cy + ph / s / 2)
        }
    }

    /// Wider y labels after the domains changed: shift the plots right and re-fit the x domains
    /// to the narrower plots.
    func refitToWiderLabels(_ h: inout HorizontalFrame, columns: Int, sharedY: Bool) {
        let w2 = Self.widestLabel(h.yAxes)
        guard w2 > h.labelWidth else { return }
        let extra = w2 - h.labelWidth
        h.labelWidth = w2
        h.left += extra
        h.columnGap = sharedY ? h.columnGap : h.columnGap + extra
        let newPw = plotWidth(left: h.left, right: h.right, columnGap: h.columnGap, columns: columns)
        for i in h.xDomains.indices {
            let xd = h.xDomains[i]
            let cx = (xd.0 + xd.1) / 2, half = (xd.1 - xd.0) / 2 * newPw / h.plotWidth
            h.xDomains[i] = (cx - half, cx + half)
        }
        h.plotWidth = newPw
    }
}
