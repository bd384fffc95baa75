extension ChartLayout.Builder {
    /// The vertical space of the panel grid.
    struct VerticalFrame {
        /// Top of the grid (below the titles).
        let top: Double
        /// Space below the grid: x tick labels, the x axis title and padding.
        let bottom: Double
        /// Height of a facet strip above each panel (0 for a single panel).
        let strip: Double
        /// Gap between rows of panels.
        let rowGap: Double
        /// Height of each panel's plot.
        let panelHeight: Double
        /// Whether x category labels are turned by 45°.
        let rotatesCategories: Bool
    }

    /// Height of a line of tick labels.
    static let tickLabelHeight = S.tickSize * 1.2
    /// Height of an axis title.
    static let axisTitleHeight = S.axisTitleSize * 1.2

    /// The grid's vertical space between `top` and the bottom margin, split into rows.
    func verticalFrame(top: Double, grid: FacetGrid) -> VerticalFrame {
        let categories = categoryLabelRotation(columns: grid.columns)
        let bottom = S.pad + (chart.x.label.isEmpty ? 0 : Self.axisTitleHeight + 4) + Self.tickLabelHeight + S.tickLength + 3
            + categories.drop
        let strip = grid.count > 1 ? S.stripHeight : 0
        let rowGap = grid.sharedX ? 8.0 : Self.tickLabelHeight + S.tickLength + 10
        let gridHeight = chart.height - top - bottom
        let rows = grid.rows
        let panelHeight = max(20, (gridHeight - Double(rows - 1) * rowGap - Double(rows) * strip) / Double(rows))
        return VerticalFrame(
            top: top, bottom: bottom, strip: strip, rowGap: rowGap, panelHeight: panelHeight,
            rotatesCategories: categories.rotated)
    }

    /// Category labels that do not fit side by side are drawn at 45°, which needs more room below
    /// the axis (`drop`, estimated from the widest label and the narrowest possible slot).
    func categoryLabelRotation(columns: Int) -> (rotated: Bool, drop: Double) {
        let slot = (chart.width - 2 * S.pad - 40) / Double(columns) / Double(max(1, xCategories?.count ?? 1))
        let widestCategory = (xCategories ?? []).map { TextMetrics.width($0, size: S.tickSize) }.max() ?? 0
        let rotated = xCategories != nil && widestCategory + 6 > slot
        let drop = rotated ? (widestCategory + S.tickSize) * 0.7071 - Self.tickLabelHeight + 4 : 0
        return (rotated, drop)
    }
}
