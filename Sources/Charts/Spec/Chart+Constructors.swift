/// Short constructors for common charts, in the style of `Chart.line(title:x:y:series:)`.
extension Chart {
    /// Creates a multi-series line chart.
    public static func line(title: String, x: String, y: String, series: [Series]) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y), marks: series.map(Mark.series))
    }

    /// Creates a scatter plot (markers only).
    public static func scatter(title: String, x: String, y: String, series: [Series]) -> Chart {
        let points = series.map { s -> Mark in
            var copy = s
            copy.line = false
            copy.markers = true
            return .series(copy)
        }
        return Chart(title: title, x: Axis(label: x), y: Axis(label: y), marks: points)
    }

    /// Creates a bar chart: one bar per category for each group, grouped or stacked.
    public static func bar(
        title: String, x: String, y: String, categories: [String], groups: [BarMark.Group],
        arrangement: BarMark.Arrangement = .grouped
    ) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y),
              marks: [.bar(BarMark(categories: categories, groups: groups, arrangement: arrangement))])
    }

    /// Creates a horizontal bar chart (categories down the y axis, values along x).
    public static func horizontalBar(
        title: String, x: String, y: String, categories: [String], groups: [BarMark.Group],
        arrangement: BarMark.Arrangement = .grouped
    ) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y),
              marks: [.bar(BarMark(categories: categories, groups: groups, arrangement: arrangement, horizontal: true))])
    }

    /// Creates a histogram (Freedman–Diaconis bins unless `edges` are given).
    public static func histogram(
        title: String, x: String, values: [Double], name: String = "count", edges: [Double]? = nil,
        density: Bool = false
    ) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: density ? "density" : "count"),
              marks: [.histogram(HistogramMark(name: name, values: values, edges: edges, density: density))])
    }

    /// Creates a heatmap of `z` (row-major, `y.count` rows of `x.count` values).
    public static func heatmap(
        title: String, x: String, y: String, xValues: [Double], yValues: [Double], z: [Double],
        name: String = "value", palette: HeatmapMark.Palette = .viridis
    ) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y),
              marks: [.heatmap(HeatmapMark(name: name, x: xValues, y: yValues, z: z, palette: palette))])
    }

    /// Creates a contour plot of `f` sampled on an `n`×`n` grid over the given ranges, with
    /// optional overlaid regions (e.g. `RegionMark.ball(p: 1)`); the aspect ratio is equal.
    public static func contour(
        title: String, x: String, y: String, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
        n: Int = 101, name: String = "f", levels: [Double]? = nil, regions: [RegionMark] = [],
        _ f: (Double, Double) -> Double
    ) -> Chart {
        let count = Swift.max(n, 2)
        let xs = (0..<count).map { xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double($0) / Double(count - 1) }
        let ys = (0..<count).map { yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * Double($0) / Double(count - 1) }
        var z: [Double] = []
        z.reserveCapacity(count * count)
        for yv in ys { for xv in xs { z.append(f(xv, yv)) } }
        let marks: [Mark] = [.contour(ContourMark(name: name, x: xs, y: ys, z: z, levels: levels))] + regions.map(Mark.region)
        var chart = Chart(title: title, x: Axis(label: x), y: Axis(label: y), marks: marks)
        chart.equalAspect = true
        return chart
    }

    /// Creates a band chart: for each named set of runs (one array per seed, all on the same x),
    /// the mean as a line and mean ± one standard deviation as a shaded band.
    public static func band(title: String, x: String, y: String, xValues: [Double], runs: [(name: String, seeds: [[Double]])]) -> Chart {
        var marks: [Mark] = []
        for (index, entry) in runs.enumerated() {
            let (mean, sd) = Chart.meanAndStandardDeviation(entry.seeds, count: xValues.count)
            marks.append(.band(BandMark(name: entry.name, x: xValues, lower: zip(mean, sd).map { $0 - $1 },
                                        upper: zip(mean, sd).map { $0 + $1 }, color: index)))
            marks.append(.series(Series(name: entry.name, x: xValues, y: mean, line: true, markers: false, color: index)))
        }
        return Chart(title: title, x: Axis(label: x), y: Axis(label: y), marks: marks)
    }

    /// Creates small multiples: one panel per entry, arranged in `columns` columns.
    public static func facets(
        title: String, x: String, y: String, panels: [Panel], columns: Int? = nil,
        scales: FacetLayout.Scales = .shared
    ) -> Chart {
        Chart(title: title, x: Axis(label: x), y: Axis(label: y), panels: panels,
              facets: FacetLayout(columns: columns, scales: scales))
    }

    /// Per-index mean and sample standard deviation across runs (NaN where no run has a value).
    static func meanAndStandardDeviation(_ runs: [[Double]], count: Int) -> ([Double], [Double]) {
        var mean = [Double](repeating: .nan, count: count)
        var sd = [Double](repeating: .nan, count: count)
        for i in 0..<count {
            let values = runs.compactMap { i < $0.count && $0[i].isFinite ? $0[i] : nil }
            guard !values.isEmpty else { continue }
            let m = values.reduce(0, +) / Double(values.count)
            mean[i] = m
            sd[i] = values.count > 1
                ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot() : 0
        }
        return (mean, sd)
    }
}

/// Fluent modifiers: each returns a changed copy.
extension Chart {
    /// Sets the subtitle.
    public func subtitle(_ text: String) -> Chart { with { $0.subtitle = text } }
    /// Uses a base-10 log scale on x.
    public func logX() -> Chart { with { $0.x.scale = .log10 } }
    /// Uses a base-10 log scale on y.
    public func logY() -> Chart { with { $0.y.scale = .log10 } }
    /// Uses a symmetric log scale on x (linear within ±`constant`).
    public func symlogX(constant: Double = 1) -> Chart { with { $0.x.scale = .symlog(constant: constant) } }
    /// Uses a symmetric log scale on y (linear within ±`constant`).
    public func symlogY(constant: Double = 1) -> Chart { with { $0.y.scale = .symlog(constant: constant) } }
    /// Fixes the x range.
    public func xLimits(_ lower: Double, _ upper: Double) -> Chart { with { $0.x.min = lower; $0.x.max = upper } }
    /// Fixes the y range.
    public func yLimits(_ lower: Double, _ upper: Double) -> Chart { with { $0.y.min = lower; $0.y.max = upper } }
    /// Makes one unit on x as long as one on y.
    public func equalAspect(_ on: Bool = true) -> Chart { with { $0.equalAspect = on } }
    /// Sets the size in points.
    public func size(width: Double, height: Double) -> Chart { with { $0.width = width; $0.height = height } }
    /// Sets the legend position.
    public func legend(_ position: LegendPosition) -> Chart { with { $0.legend = position } }
    /// Adds marks to every panel.
    public func adding(_ marks: Mark...) -> Chart {
        with { chart in for i in chart.panels.indices { chart.panels[i].marks += marks } }
    }
    /// Adds a horizontal reference line at `y`.
    public func hline(_ y: Double, label: String? = nil) -> Chart { adding(.rule(RuleMark(.horizontal, at: y, label: label))) }
    /// Adds a vertical reference line at `x`.
    public func vline(_ x: Double, label: String? = nil) -> Chart { adding(.rule(RuleMark(.vertical, at: x, label: label))) }
    /// Adds a text annotation at (`x`, `y`).
    public func annotate(_ text: String, x: Double, y: Double) -> Chart { adding(.text(TextMark(x: x, y: y, text: text))) }

    private func with(_ change: (inout Chart) -> Void) -> Chart {
        var copy = self
        change(&copy)
        return copy
    }
}
