import ChartRendering
import Charts
import Foundation
import SnapshotTesting
import Testing

/// Pixels: PNG snapshots compared by RMS, determinism, reduction, SVG.
struct RenderingTests {
    @Test(arguments: ChartGallery.examples().map(\.name))
    func pngSnapshot(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        assertSnapshot(of: chart, as: .png(rmsTolerance: 1.0), named: name)
    }

    @Test func pngIsTwiceTheSizeInPointsAndDeterministic() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "scatter" }?.chart)
        let a = try ChartRenderer().png(chart), b = try ChartRenderer().png(chart)
        let image = try PixelImage(png: a)
        #expect(image.width == Int(chart.width * 2) && image.height == Int(chart.height * 2))
        #expect(try image.rmsDifference(PixelImage(png: b)) == 0)
    }

    /// Long series of every shape (oscillating, white noise, a random walk, log x, gaps, x going
    /// back and forth, dashed) drawn the fast way against cairo stroking every segment: only the
    /// antialiasing of edge pixels may differ (RMS below 1.25 — a dense back-and-forth scribble,
    /// whose plot is nearly all edges, reaches 1.07 — and almost no pixel off by more than a quarter).
    @Test(arguments: LongSeriesCharts.names)
    func drawingLongSeriesFastChangesNothingVisible(name: String) throws {
        let chart = try #require(LongSeriesCharts.chart(name))
        let fast = try PixelImage(png: ChartRenderer().png(chart))
        let exact = try PixelImage(png: ChartRenderer(reducesLongSeries: false).png(chart))
        let rms = try #require(fast.rmsDifference(exact))
        #expect(rms < 1.25, "RMS \(rms); images: \(LongSeriesCharts.save(name, fast, exact))")
        var strong = 0
        for (a, b) in zip(fast.pixels, exact.pixels) where a != b {
            var largest = 0
            for shift: UInt32 in [0, 8, 16] {
                largest = max(largest, abs(Int((a >> shift) & 0xFF) - Int((b >> shift) & 0xFF)))
            }
            if largest > 64 { strong += 1 }
        }
        #expect(Double(strong) / Double(exact.pixels.count) < 2e-4, "\(strong) pixels differ strongly")
    }

    @Test func pixelComparisonDetectsChanges() throws {
        let chart = Chart.line(title: "a", x: "x", y: "y", series: [Series(name: "s", x: [0, 1], y: [0, 1])])
        let a = try PixelImage(png: ChartRenderer().png(chart))
        let b = try PixelImage(png: ChartRenderer().png(chart.hline(0.5)))
        let rms = try #require(a.rmsDifference(b))
        #expect(rms > 0.5)
        #expect(a.difference(b).pixels.contains(0xFFFF_0000))
    }

    @Test func svgIsAnSVGDocument() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "unit-balls" }?.chart)
        let svg = try ChartRenderer().svg(chart)
        #expect(svg.contains("<svg") && svg.contains("width=\"640\""))
        #expect(svg == (try ChartRenderer().svg(chart)))
    }

    @Test func badSpecThrowsInsteadOfDrawing() {
        let chart = Chart.line(title: "Broken", x: "x", y: "y", series: [Series(name: "a", x: [1], y: [])])
        #expect(throws: ChartError.self) { try ChartRenderer().png(chart) }
        #expect(throws: ChartError.self) { try ChartRenderer().svg(chart) }
    }
}
