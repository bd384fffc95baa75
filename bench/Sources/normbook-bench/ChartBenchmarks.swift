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

/// The chart benchmarks (see bench/README.md). `line-4x10000-png` is normbook's real output (2×
/// device scale, 1600×1000 pixels; the peer uses dpi=200 for the same pixel count);
/// `line-4x10000-png@100dpi` draws 800×500 pixels, like matplotlib's default dpi.
let chartBenchmarks: [Benchmark] = [
    Benchmark(name: "line-4x10000-png", repetitions: 21, display: { formatDuration($0) }) {
        let chart = benchmarkLineChart()
        let png = (try? ChartRenderer().png(chart)) ?? []
        return "\(png.count) bytes"
    },
    Benchmark(name: "line-4x10000-png@100dpi", repetitions: 21, display: { formatDuration($0) }) {
        let chart = benchmarkLineChart()
        let png = (try? ChartRenderer(scale: 1).png(chart)) ?? []
        return "\(png.count) bytes"
    },
]
