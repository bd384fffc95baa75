import Charts
import Foundation

/// Every chart kind drawn from simple deterministic formulas (no engine involved): the charts the
/// spec, layout and rendering tests (and their snapshots in `__Snapshots__`) are made from.
enum ChartGallery {
    /// A tiny deterministic generator (64-bit LCG) so the gallery needs no engine and no global randomness.
    struct LCG {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// Approximately normal (sum of 12 uniforms).
        mutating func normal() -> Double { (0..<12).reduce(0) { s, _ in s + uniform() } - 6 }
    }

    /// The gallery: (name, chart) pairs, names usable as file names.
    static func examples() -> [(name: String, chart: Chart)] {
        var out: [(name: String, chart: Chart)] = []
        let epochs = (0..<60).map(Double.init)

        // Line: training curves, one with a divergence gap.
        let rates: [(String, Double)] = [("no penalty", 0.05), ("L2, λ=0.01", 0.08), ("L1, λ=0.01", 0.11)]
        var curves = rates.map { name, r in
            Series(name: name, x: epochs, y: epochs.map { 0.25 + 2 * exp(-r * $0) + 0.03 * sin($0 / 3) })
        }
        curves[0].y[30] = .nan
        curves[0].y[31] = .infinity
        out.append(("line", Chart.line(title: "Training loss", x: "epoch", y: "loss", series: curves)
            .subtitle("A gap marks two epochs whose loss was not finite")))

        // Line with markers on log-log axes.
        let lambdas = (0..<13).map { pow(10, -4 + Double($0) / 2) }
        let trainErr = lambdas.map { 0.02 + 0.5 * $0 / (1 + $0) }
        let testErr = lambdas.map { 0.08 + 0.3 * pow(log10($0) + 1.5, 2) / 10 }
        out.append(("line-log", Chart.line(title: "Error against regularisation strength", x: "λ", y: "error", series: [
            Series(name: "train", x: lambdas, y: trainErr).withMarkers(),
            Series(name: "test", x: lambdas, y: testErr).withMarkers(),
        ]).logX().logY()))

        // Scatter: two clusters.
        var rng = LCG(state: 42)
        var clusters: [Series] = []
        for (name, cx, cy) in [("class A", -1.0, 0.5), ("class B", 1.2, -0.4)] {
            var xs: [Double] = [], ys: [Double] = []
            for _ in 0..<80 {
                xs.append(cx + 0.6 * rng.normal())
                ys.append(cy + 0.5 * rng.normal())
            }
            clusters.append(Series(name: name, x: xs, y: ys))
        }
        out.append(("scatter", Chart.scatter(title: "Two classes", x: "x₁", y: "x₂", series: clusters)))

        // Bars.
        let penalties = ["none", "L2", "L1", "elastic net"]
        out.append(("bar-grouped", Chart.bar(title: "Accuracy by penalty", x: "penalty", y: "accuracy", categories: penalties, groups: [
            .init(name: "train", values: [0.99, 0.95, 0.93, 0.94]),
            .init(name: "test", values: [0.81, 0.9, 0.91, 0.92]),
        ])))
        out.append(("bar-stacked", Chart.bar(title: "Weights by sign", x: "penalty", y: "number of weights", categories: penalties, groups: [
            .init(name: "zero", values: [0, 2, 61, 40]),
            .init(name: "positive", values: [52, 50, 21, 31]),
            .init(name: "negative", values: [48, 48, 18, 29]),
        ], arrangement: .stacked)))
        out.append(("bar-horizontal", Chart.horizontalBar(title: "Largest weights", x: "|w|", y: "feature",
            categories: ["age", "income", "height", "weight", "distance"], groups: [
                .init(name: "L2", values: [0.82, 0.61, 0.44, 0.3, 0.12]),
                .init(name: "L1", values: [0.95, 0.55, 0.21, 0, 0]),
            ])))

        // Histogram of weights.
        var wrng = LCG(state: 7)
        let weights = (0..<2000).map { _ in 0.3 * wrng.normal() + (wrng.uniform() < 0.2 ? 0.8 : 0) }
        out.append(("histogram", Chart.histogram(title: "Distribution of weights", x: "w", values: weights, name: "weights")))

        // Heatmaps.
        let grid = (0..<41).map { -2 + Double($0) * 0.1 }
        var surface: [Double] = []
        for y in grid { for x in grid { surface.append(pow(x - 0.6, 2) + 2 * pow(y - 0.3, 2) + 0.5 * x * y) } }
        out.append(("heatmap", Chart.heatmap(title: "Loss surface", x: "w₁", y: "w₂", xValues: grid, yValues: grid, z: surface, name: "loss")
            .equalAspect()))
        let rows = (0..<8).map(Double.init), cols = (0..<12).map(Double.init)
        var matrix: [Double] = []
        for r in rows { for c in cols { matrix.append(sin(0.7 * r + 0.3) * cos(0.45 * c) * (1 - r / 10)) } }
        out.append(("heatmap-diverging", Chart.heatmap(title: "First-layer weights", x: "input", y: "unit", xValues: cols, yValues: rows,
                                                     z: matrix, name: "weight", palette: .diverging)))

        // Contours with unit balls.
        out.append(("contour", Chart.contour(
            title: "Loss contours and unit balls", x: "w₁", y: "w₂", xRange: -2...2, yRange: -2...2, name: "loss",
            levels: [0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8],
            regions: [RegionMark.ball(p: 1), RegionMark.ball(p: 2), RegionMark.ball(p: .infinity)].map { r in
                var copy = r
                copy.filled = false
                return copy
            }
        ) { w1, w2 in pow(w1 - 1.2, 2) + 3 * pow(w2 - 0.9, 2) + w1 * w2 }))

        // Unit balls alone.
        out.append(("unit-balls", Chart(title: "Unit balls", x: Axis(label: "w₁"), y: Axis(label: "w₂"),
            marks: [RegionMark.ball(p: 1), RegionMark.ball(p: 2), RegionMark.ball(p: .infinity)].map { r in
                var copy = r
                copy.filled = false
                return .region(copy)
            }).equalAspect()))

        // Band across seeds.
        var brng = LCG(state: 3)
        let steps = (0..<50).map(Double.init)
        let runs: [(name: String, seeds: [[Double]])] = [("SGD", 0.06), ("SGD + weight decay", 0.09)].map { name, r in
            (name, (0..<5).map { _ in steps.map { 1.5 * exp(-r * $0) + 0.2 + 0.05 * brng.normal() } })
        }
        out.append(("band", Chart.band(title: "Test loss over 5 seeds", x: "epoch", y: "test loss", xValues: steps, runs: runs)
            .subtitle("mean ± one standard deviation")))

        // Reference lines and annotations.
        let xs = (0...100).map { Double($0) / 10 }
        out.append(("annotated", Chart.line(title: "Early stopping", x: "epoch", y: "validation loss", series: [
            Series(name: "validation", x: xs, y: xs.map { 1 / (1 + $0) + 0.02 * $0 * $0 / 10 }),
        ]).hline(0.35, label: "target").vline(4.5, label: "best epoch").annotate("overfitting begins", x: 7, y: 0.3)))

        // Facets.
        let panels = [0.0, 0.01, 0.1, 1].map { lam in
            Panel(title: "λ = \(lam)", marks: [
                .series(Series(name: "train", x: epochs, y: epochs.map { 0.1 + lam + exp(-0.08 * $0) })),
                .series(Series(name: "test", x: epochs, y: epochs.map { 0.3 + lam / 2 + exp(-0.07 * $0) + 0.004 * $0 * (1 - lam) })),
            ])
        }
        out.append(("facets-shared", Chart.facets(title: "Learning curves by λ", x: "epoch", y: "loss", panels: panels, columns: 2)))
        let freePanels = [1.0, 10, 100].map { s in
            Panel(title: "scale \(Int(s))", marks: [.series(Series(name: "signal", x: epochs, y: epochs.map { s * sin($0 / 8) }))])
        }
        out.append(("facets-free", Chart.facets(title: "Free y scales", x: "t", y: "value", panels: freePanels, columns: 3, scales: .freeY)))

        // Symlog.
        let t = (0..<200).map { Double($0) / 10 }
        out.append(("symlog", Chart.line(title: "Weights during training", x: "step", y: "w", series: [
            Series(name: "w₁", x: t, y: t.map { 300 * sin($0 / 3) * exp(-$0 / 10) }),
            Series(name: "w₂", x: t, y: t.map { -0.5 * $0 }),
            Series(name: "w₃", x: t, y: t.map { 0.2 * cos($0) }),
        ]).symlogY(constant: 1)))

        // Long series (decimated when drawn).
        let n = 10_000
        let lx = (0..<n).map { Double($0) }
        out.append(("long-series", Chart.line(title: "Four series of 10,000 points", x: "step", y: "value", series: (0..<4).map { k in
            Series(name: "run \(k + 1)", x: lx, y: lx.map { sin($0 / 300 + Double(k)) + 0.3 * sin($0 * 0.37 * Double(k + 1)) + Double(k) })
        })))

        // More series than colours: from the ninth on, colours repeat with a dash pattern.
        let ts: [Double] = (0..<40).map { Double($0) / 39 }
        let twelve: [Series] = (0..<12).map { k in
            let offset = Double(k) * 0.3, slope = 0.6 * Double(k % 5 + 1) / 5
            return Series(name: "w\(k + 1)", x: ts, y: ts.map { offset + slope * $0 })
        }
        out.append(("many-series", Chart.line(title: "Twelve series", x: "t", y: "value", series: twelve).legend(.right)))

        // Heatmaps in facets with points on top and a colour-bar title wider than the bar's
        // labels (chapter 03's decision boundaries).
        let cells = (0...30).map { -1.5 + 3 * Double($0) / 30 }
        let classes = (0..<2).map { c in
            Series(name: "class \(c)", x: (0..<20).map { -1.2 + 0.12 * Double($0) },
                   y: (0..<20).map { sin(Double($0) * 0.7 + Double(c) * 3) }, line: false, markers: true)
        }
        let boundaries = [("no penalty", 4.0), ("L2, λ = 0.01", 1.5)].map { title, sharpness in
            Panel(title: title, marks: [
                .heatmap(HeatmapMark(name: "P(class 1)", x: cells, y: cells, z: cells.flatMap { y in
                    cells.map { x in 1 / (1 + exp(-sharpness * (y - 0.5 * sin(2 * x)))) }
                })),
            ] + classes.map { .series($0) })
        }
        out.append(("heatmap-facets", Chart.facets(title: "Decision boundaries", x: "x₁", y: "x₂", panels: boundaries, columns: 2)
            .size(width: 700, height: 380)))

        // Five narrow shared-scale panels whose end ticks (0 and 40) meet at the panel gaps.
        let epochs40 = (1...40).map(Double.init)
        let seedPanels = (0..<5).map { i in
            Panel(title: "seed \(i + 1)", marks: [.series(Series(name: "Σ‖W‖₂", x: epochs40,
                                                                   y: epochs40.map { 10 + Double(i) + 2 * log($0) }))])
        }
        out.append(("facets-five", Chart.facets(title: "Weight norms per seed", x: "epoch", y: "Σ ‖W‖", panels: seedPanels, columns: 5)
            .size(width: 760, height: 300)))
        return out
    }
}
