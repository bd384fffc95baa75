extension ChartLayout {
    /// The layout computation for one chart. `build()` runs the steps in order; each step lives in
    /// the file of its concern: `ChartLayout+Facets` (the panel grid), `+Domains` (data ranges),
    /// `+Titles` (title, subtitle, axis titles), `+Margins` (vertical space), `+ColorBar`,
    /// `+Panels` (horizontal space and panel placement), `+EqualAspect`, `+Ticks` and `+Legend`
    /// (with `+LegendObstacles`).
    struct Builder {
        typealias S = ChartLayout.Style
        let chart: Chart
        /// The categories of the first vertical bar mark: the x axis is categorical.
        let xCategories: [String]?
        /// The categories of the first horizontal bar mark: the y axis is categorical.
        let yCategories: [String]?
        /// The colour of every named mark, in order of appearance.
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

        /// The layout: the panel grid and its domains, the titles and the vertical space, the
        /// colour bar's width, the panels, then the legend (which may take room from the panels),
        /// the colour bar's place and the axis titles.
        func build() -> ChartLayout {
            let grid = facetGrid()
            let domains = self.domains(grid)
            let header = titles()
            let frame = verticalFrame(top: header.bottom, grid: grid)
            let colorBar = colorBarReservation(height: frame.panelHeight * Double(grid.rows))
            var panels = arrangePanels(rightExtra: colorBar.width, grid: grid, domains: domains, frame: frame)
            var legend: LegendLayout? = nil
            if showsLegend {
                (legend, panels) = placeLegend(
                    beside: panels, colorBarWidth: colorBar.width, grid: grid, domains: domains, frame: frame)
            }
            let axisTitles = self.axisTitles(centredOn: panels, top: frame.top)
            return ChartLayout(
                width: chart.width, height: chart.height, title: header.title, subtitle: header.subtitle,
                xTitle: axisTitles.x, yTitle: axisTitles.y,
                panels: panels.map { p in var q = p; q.plot = p.plot.rounded(); return q }, legend: legend,
                colorBar: colorBar.bar.map { placeColorBar($0, beside: panels, frame: frame) }, colors: entries)
        }
    }
}
