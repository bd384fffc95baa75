import ChartRendering
import Charts
import Foundation

/// The line chart of `line-4x10000-png`: 4 series × 10,000 points, 800×500 points, the same
/// formula as bench/peers/charts.py.
func benchmarkLineChart() -> Chart {
    let n = 10_000
    let x = (0..<n).map(Double.init)
    let series = (0..<4).map { k in
        let offset = Double(k)
        let y = x.map { (v: Double) -> Double in
            let slow = sin(v / 300 + offset)
            let fast = 0.3 * sin(v * 0.37 * (offset + 1))
            return slow + fast + offset
        }
        return Series(name: "run \(k + 1)", x: x, y: y)
    }
    return Chart.line(title: "Four series of 10,000 points", x: "step", y: "value", series: series).size(width: 800, height: 500)
}

/// Pixel RMS (0–255 scale) of the benchmark chart as normbook draws it against cairo stroking every
/// segment of every series, by device scale: the "no visible difference" half of the goal,
/// measured in the same run (computed once, on first use in a warm-up run, never timed).
let lineChartExactness: [Double: Double] = Dictionary(uniqueKeysWithValues: [1.0, 2.0].map { scale in
    let chart = benchmarkLineChart()
    let fast = try? PixelImage(png: ChartRenderer(scale: scale).png(chart))
    let exact = try? PixelImage(png: ChartRenderer(scale: scale, reducesLongSeries: false).png(chart))
    return (scale, fast.flatMap { f in exact.flatMap { f.rmsDifference($0) } } ?? .nan)
})

/// Renders the benchmark chart to PNG and describes the result: its size and its pixel RMS against
/// the exact stroke.
func lineChartPNG(scale: Double) -> String {
    let png = (try? ChartRenderer(scale: scale).png(benchmarkLineChart())) ?? []
    return "\(png.count) bytes, RMS \(String(format: "%.2f", lineChartExactness[scale] ?? .nan)) vs exact stroke"
}

/// The chart benchmarks (see bench/README.md). `line-4x10000-png` is normbook's real output (2×
/// device scale, 1600×1000 pixels; the peer uses dpi=200 for the same pixel count);
/// `line-4x10000-png@100dpi` draws 800×500 pixels, like matplotlib's default dpi.
let chartBenchmarks: [Benchmark] = [
    Benchmark(name: "line-4x10000-png", repetitions: 21, display: { formatDuration($0) }) { lineChartPNG(scale: 2) },
    Benchmark(name: "line-4x10000-png@100dpi", repetitions: 21, display: { formatDuration($0) }) { lineChartPNG(scale: 1) },
]
