import Charts
import Foundation
import SnapshotTesting
import Testing

/// Layouts (ticks, labels, plot rectangles, legend) as JSON snapshots, plus properties.
struct LayoutTests {
    @Test(arguments: ChartGallery.examples().map(\.name))
    func layoutSnapshot(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        let layout = try ChartLayout(chart)
        assertSnapshot(of: layout, as: .json, named: name)
    }

    @Test func legendAvoidsData() throws {
        // Data fills the top right; the legend must go elsewhere and cover nothing.
        let x = (0..<50).map { Double($0) / 49 }
        let chart = Chart.line(title: "Rising", x: "x", y: "y", series: [
            Series(name: "a", x: x, y: x.map { $0 * $0 }), Series(name: "b", x: x, y: x.map { $0 * $0 * $0 }),
        ])
        let legend = try #require(try ChartLayout(chart).legend)
        #expect(legend.placement == "top-left")
        #expect(legend.covered == 0)
    }

    @Test func legendGoesOutsideWhenEveryCornerHasData() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "long-series" }?.chart)
        let layout = try ChartLayout(chart)
        let legend = try #require(layout.legend)
        #expect(legend.placement == "outside-right")
        #expect(legend.rect.x >= layout.panels[0].plot.maxX)
        #expect(legend.rect.maxX <= layout.width)
    }

    @Test func equalAspectMakesUnitsEqual() throws {
        for name in ["unit-balls", "contour", "heatmap"] {
            let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
            let p = try ChartLayout(chart).panels[0]
            let sx = p.plot.width / (p.x.upper - p.x.lower), sy = p.plot.height / (p.y.upper - p.y.lower)
            #expect(abs(sx - sy) / sx < 0.01, "\(name): \(sx) vs \(sy)")
        }
    }

    @Test(arguments: ChartGallery.examples().map(\.name))
    func labelsDoNotOverlapAndStayOnCanvas(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        let layout = try ChartLayout(chart)
        for p in layout.panels {
            let centres = p.x.ticks.map { p.plot.x + p.x.fraction($0) * p.plot.width }
            let widths = p.x.labels.map { TextMetrics.width($0, size: ChartLayout.Style.tickSize) }
            for i in 0..<max(0, centres.count - 1) {
                #expect(centres[i + 1] - centres[i] > (widths[i] + widths[i + 1]) / 2, "\(name): x labels overlap")
            }
            if let first = centres.first, let last = centres.last {
                #expect(first - widths[0] / 2 >= 0 && last + widths[widths.count - 1] / 2 <= layout.width, "\(name): x label off canvas")
            }
            for t in p.y.ticks { #expect(p.y.fraction(t) >= -1e-9 && p.y.fraction(t) <= 1 + 1e-9) }
            #expect(p.plot.x > 0 && p.plot.maxX <= layout.width && p.plot.y > 0 && p.plot.maxY < layout.height)
        }
        if let legend = layout.legend { #expect(legend.rect.maxX <= layout.width, "\(name): legend off canvas") }
    }

    @Test func logAxisUsesPowersOfTen() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "line-log" }?.chart)
        let x = try ChartLayout(chart).panels[0].x
        #expect(x.labels.allSatisfy { $0.hasPrefix("10") })
        #expect(x.ticks.contains(1e-2))
    }

    @Test func symlogAxisIsSymmetricAroundZero() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "symlog" }?.chart)
        let y = try ChartLayout(chart).panels[0].y
        #expect(y.ticks.contains(0) && y.ticks.contains(100) && y.ticks.contains(-1))
    }

    @Test func sharedFacetsShareDomainsAndHideInnerLabels() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "facets-shared" }?.chart)
        let panels = try ChartLayout(chart).panels
        #expect(Set(panels.map(\.y.lower)).count == 1)
        #expect(panels.map(\.y.showLabels) == [true, false, true, false])
        #expect(panels.map(\.x.showLabels) == [false, false, true, true])
        let free = try ChartLayout(try #require(ChartGallery.examples().first { $0.name == "facets-free" }?.chart)).panels
        #expect(Set(free.map(\.y.upper)).count == 3)
    }

    @Test func m4KeepsExtremesOfEveryColumn() {
        let x = (0..<1000).map(Double.init)
        let y = x.map { sin($0 * 0.7) * $0 }
        let keep = Decimation.m4(x: x, y: y) { Int($0 / 10) }
        #expect(keep.count <= 400)
        for c in 0..<100 {
            let column = (c * 10)..<(c * 10 + 10)
            let kept = keep.filter { column.contains($0) }
            #expect(kept.contains(column.lowerBound) && kept.contains(column.upperBound - 1))
            #expect(kept.map { y[$0] }.max() == column.map { y[$0] }.max())
            #expect(kept.map { y[$0] }.min() == column.map { y[$0] }.min())
        }
    }
}

/// Labels and titles that would not fit: wrapped and turned rather than clipped or overlapping.
struct CrowdedTextLayoutTests {
    @Test func aLongTitleWrapsInsideTheCanvas() throws {
        let title = "A very long title that goes on and on to check whether the chart wraps it at the edge of the image"
        let chart = Chart.line(title: title, x: "x", y: "y", series: [Series(name: "s", x: [0, 1], y: [0, 1])])
        let layout = try ChartLayout(chart)
        let lines = try #require(layout.title?.text.split(separator: "\n"))
        #expect(lines.count >= 2)
        #expect(lines.joined(separator: " ") == title)
        for line in lines { #expect(TextMetrics.width(String(line), size: ChartLayout.Style.titleSize) * 1.15 <= chart.width - 20) }
        let short = try ChartLayout(Chart.line(title: "Short", x: "x", y: "y", series: [Series(name: "s", x: [0, 1], y: [0, 1])]))
        #expect(layout.panels[0].plot.y > short.panels[0].plot.y)
    }

    @Test func crowdedCategoryLabelsAreTurnedAndRoomIsMadeForThem() throws {
        let names = (1...8).map { "configuration number \($0)" }
        let crowded = try ChartLayout(Chart.bar(title: "t", x: "x", y: "y", categories: names,
                                                groups: [.init(name: "g", values: names.map { _ in 1 })]))
        #expect(crowded.panels[0].x.labelRotation == 45)
        let roomy = try ChartLayout(Chart.bar(title: "t", x: "x", y: "y", categories: ["a", "b", "c"],
                                              groups: [.init(name: "g", values: [1, 2, 3])]))
        #expect(roomy.panels[0].x.labelRotation == nil)
        #expect(crowded.panels[0].plot.maxY < roomy.panels[0].plot.maxY - 40)
    }
}
