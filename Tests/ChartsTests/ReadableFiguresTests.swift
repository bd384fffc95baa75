import ChartRendering
import Charts
import Foundation
import Testing

/// Figures as a reader sees them on the page: text size at the size the page shows the image,
/// no piece of text over another (colour-bar title, tick labels of neighbouring facets), lines
/// told apart past the palette's 8 colours, Chinese labels drawn.
struct ReadableFiguresTests {
    typealias S = ChartLayout.Style

    /// A text's box in points: `anchor` is the fraction of its width left of `x`; from the
    /// ascender above the baseline to the descender below the last line.
    static func box(_ text: String, x: Double, baseline y: Double, size: Double, anchor: Double = 0) -> Rect {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let w = lines.map { TextMetrics.width(String($0), size: size) }.max() ?? 0
        let h = size * (TextMetrics.ascent + TextMetrics.descent + 1.25 * Double(lines.count - 1))
        return Rect(x: x - anchor * w, y: y - size * TextMetrics.ascent, width: w, height: h)
    }

    static func box(_ t: TextItem, anchor: Double = 0) -> Rect {
        let b = box(t.text, x: t.x, baseline: t.y, size: t.size, anchor: anchor)
        guard t.rotated else { return b }
        // Turned a quarter anticlockwise about (x, y): the width runs up the page.
        return Rect(x: t.x - t.size * TextMetrics.ascent, y: t.y - (1 - anchor) * b.width, width: b.height, height: b.width)
    }

    /// Every piece of text the layout places (turned category labels left out), with what it is.
    static func textBoxes(_ layout: ChartLayout) -> [(what: String, box: Rect)] {
        var out: [(String, Rect)] = []
        if let t = layout.title { out.append(("title", box(t))) }
        if let t = layout.subtitle { out.append(("subtitle", box(t))) }
        if let t = layout.xTitle { out.append(("x title", box(t, anchor: 0.5))) }
        if let t = layout.yTitle { out.append(("y title", box(t, anchor: 0.5))) }
        let ascent = S.tickSize * TextMetrics.ascent
        for (i, p) in layout.panels.enumerated() {
            if p.x.showLabels && p.x.labelRotation == nil {
                for (t, label) in zip(p.x.ticks, p.x.labels) {
                    out.append(("panel \(i) x label \(label)",
                                box(label, x: p.px(t), baseline: p.plot.maxY + S.tickLength + 2 + ascent, size: S.tickSize, anchor: 0.5)))
                }
            }
            if p.y.showLabels {
                for (t, label) in zip(p.y.ticks, p.y.labels) {
                    out.append(("panel \(i) y label \(label)",
                                box(label, x: p.plot.x - S.tickLength - 3, baseline: p.py(t) + ascent * 0.36, size: S.tickSize, anchor: 1)))
                }
            }
            if let title = p.title {
                out.append(("panel \(i) strip", Rect(x: p.plot.x, y: p.plot.y - S.stripHeight, width: p.plot.width, height: S.stripHeight - 2)))
                _ = title
            }
        }
        if let legend = layout.legend, legend.placement == "outside-right" { out.append(("legend", legend.rect)) }
        if let bar = layout.colorBar {
            if let t = bar.titleText { out.append(("colour-bar title", box(t))) }
            for (t, label) in zip(bar.ticks, bar.labels) {
                let y = bar.rect.maxY - (t - bar.lower) / (bar.upper - bar.lower) * bar.rect.height
                out.append(("colour-bar label \(label)",
                            box(label, x: bar.rect.maxX + S.tickLength + 3, baseline: y + ascent * 0.36, size: S.tickSize)))
            }
        }
        return out
    }

    /// Whether two boxes share more than a sliver (`tolerance` points each way; the default 1
    /// point lets a label's empty descender zone touch the empty space above a number's digits).
    static func overlap(_ a: Rect, _ b: Rect, tolerance: Double = 1) -> Bool {
        min(a.maxX, b.maxX) - max(a.x, b.x) > tolerance && min(a.maxY, b.maxY) - max(a.y, b.y) > tolerance
    }

    // MARK: Text size

    /// The page shows a figure at its width in points, scaled down to the text column when wider:
    /// every chart's text then shows at 11 to 13 CSS pixels, up to the widest chart drawn.
    @Test(arguments: [320.0, 640, 760, 833, 900])
    func chartTextShowsAt11To13PixelsOnThePage(width: Double) throws {
        let scale = min(1, S.pageColumnWidth / width)
        let sizes = [S.tickSize, S.legendSize, S.stripTextSize, S.annotationSize, S.ruleLabelSize, S.subtitleSize, S.axisTitleSize]
        for size in sizes { #expect(size * scale >= 11 && size * scale <= 13, "\(size) pt shows at \(size * scale) px") }
        #expect(width <= S.widestReadableChart)
        // The layout uses these sizes.
        let chart = Chart.line(title: "t", x: "x", y: "y", series: [Series(name: "s", x: [0, 1], y: [0, 1])]).size(width: width, height: 300)
        let layout = try ChartLayout(chart)
        #expect(layout.xTitle?.size == S.axisTitleSize && layout.yTitle?.size == S.axisTitleSize)
    }

    // MARK: No text over text

    @Test(arguments: ChartGallery.examples().map(\.name))
    func noTwoTextsOverlap(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        let layout = try ChartLayout(chart)
        let boxes = Self.textBoxes(layout)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                #expect(!Self.overlap(boxes[i].box, boxes[j].box), "\(name): \(boxes[i].what) overlaps \(boxes[j].what)")
            }
            let b = boxes[i].box
            #expect(b.x >= -0.5 && b.maxX <= layout.width + 0.5 && b.y >= -0.5 && b.maxY <= layout.height + 0.5,
                    "\(name): \(boxes[i].what) leaves the canvas")
        }
    }

    /// The colour-bar title sits above the bar and its top label, starting at the bar, clear of
    /// the plots and of the legend.
    @Test(arguments: ["heatmap", "heatmap-diverging", "contour", "heatmap-facets"])
    func colourBarTitleIsClearOfTheBarAndItsLabels(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        let layout = try ChartLayout(chart)
        let bar = try #require(layout.colorBar)
        let title = Self.box(try #require(bar.titleText))
        #expect(title.maxY + 3 <= bar.rect.y, "title bottom \(title.maxY), bar top \(bar.rect.y)")
        let labels = Self.textBoxes(layout).filter { $0.what.hasPrefix("colour-bar label") }
        #expect(!labels.isEmpty)
        for label in labels { #expect(!Self.overlap(title, label.box, tolerance: 0), "\(name): title over \(label.what)") }
        for p in layout.panels { #expect(title.x >= p.plot.maxX + 4) }
        if let legend = layout.legend { #expect(!Self.overlap(title, legend.rect, tolerance: 0)) }
        #expect(title.maxX <= layout.width - S.pad + 0.5)
    }

    /// A long colour-bar title wraps rather than pushing the plots into a sliver.
    @Test func longColourBarTitleWraps() throws {
        let grid = (0..<10).map(Double.init)
        let chart = Chart.heatmap(title: "t", x: "x", y: "y", xValues: grid, yValues: grid, z: grid.flatMap { y in grid.map { $0 + y } },
                                  name: "validation loss after one hundred epochs")
        let layout = try ChartLayout(chart)
        let title = try #require(layout.colorBar?.titleText)
        #expect(title.text.contains("\n"))
        let bar = try #require(layout.colorBar)
        #expect(Self.box(title).maxY + 3 <= bar.rect.y)
        #expect(layout.panels[0].plot.width > 300)
    }

    /// Adjacent panels' x tick labels ("40" of one, "0" of the next) keep at least
    /// `panelLabelGap` apart, over a range of facet grids, widths and domains (panels at least
    /// 100 points wide; narrower ones cannot hold two labels).
    @Test(arguments: [2, 3, 4, 5, 6])
    func facetTickLabelsNeverTouchAcrossPanels(columns: Int) throws {
        for width in [480.0, 640, 760, 900] where width / Double(columns) >= 100 {
            for upper in [40.0, 1000, 0.35, 12_000] {
                for scales in [FacetLayout.Scales.shared, .freeY, .free] {
                    let panels = (0..<columns).map { i in
                        let x = (0...20).map { Double($0) / 20 * upper }
                        return Panel(title: "p\(i)", marks: [.series(Series(name: "s", x: x, y: x.map { $0 * Double(i + 1) }))])
                    }
                    let chart = Chart.facets(title: "t", x: "x", y: "y", panels: panels, columns: columns, scales: scales)
                        .size(width: width, height: 300)
                    let layout = try ChartLayout(chart)
                    let boxes = Self.textBoxes(layout)
                    for c in 0..<(columns - 1) {
                        let right = boxes.filter { $0.what.hasPrefix("panel \(c) x label") }.map(\.box.maxX).max()
                        let left = boxes.filter { $0.what.hasPrefix("panel \(c + 1) x label") }.map(\.box.x).min()
                        guard let right, let left else { continue }
                        #expect(left - right >= S.panelLabelGap - 0.01,
                                "\(columns) columns, width \(width), x to \(upper), \(scales): gap \(left - right) between panels \(c) and \(c + 1)")
                    }
                    for i in boxes.indices {
                        for j in boxes.indices where j > i {
                            #expect(!Self.overlap(boxes[i].box, boxes[j].box), "\(boxes[i].what) overlaps \(boxes[j].what)")
                        }
                    }
                }
            }
        }
    }

    /// Every numeric axis shows at least two labelled ticks, even when the best labelling of
    /// its range reaches past both ends (−2, 0, 2 on −1.55…1.55).
    @Test(arguments: ChartGallery.examples().map(\.name))
    func everyNumericAxisHasTwoTicks(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        for p in try ChartLayout(chart).panels {
            if p.x.categories == nil { #expect(p.x.ticks.count >= 2, "\(name): x ticks \(p.x.labels)") }
            if p.y.categories == nil { #expect(p.y.ticks.count >= 2, "\(name): y ticks \(p.y.labels)") }
        }
    }

    // MARK: Many series

    /// Past 8 series the colours repeat, each time with another dash pattern: no two lines share
    /// colour and dash; up to 8 series every line stays solid.
    @Test(arguments: [3, 8, 9, 12, 16, 24, 40])
    func everyLineHasItsOwnColourAndDash(count: Int) throws {
        let series = (0..<count).map { Series(name: "w\($0 + 1)", x: [0, 1], y: [0, Double($0)]) }
        let layout = try ChartLayout(Chart.line(title: "t", x: "x", y: "y", series: series))
        let n = Palette.okabeIto.count
        let pairs = layout.colors.map { [(($0.color % n) + n) % n, $0.dash % Palette.dashes.count] }
        #expect(layout.colors.count == count)
        if count <= n * Palette.dashes.count { #expect(Set(pairs).count == count, "\(pairs)") }
        if count <= n { #expect(layout.colors.allSatisfy { $0.dash == 0 }) }
        #expect(layout.dash(of: "w9") != layout.dash(of: "w1") || count < 9)
    }

    /// A line asked to be dashed stays dashed; a later line of its colour takes another pattern.
    @Test func askedForDashesAreKeptAndNotRepeated() throws {
        var series = (0..<10).map { Series(name: "s\($0)", x: [0, 1], y: [0, 1]) }
        series[1] = series[1].withDash()
        let layout = try ChartLayout(Chart.line(title: "t", x: "x", y: "y", series: series))
        #expect(layout.dash(of: "s1") == 1)
        #expect(layout.dash(of: "s9") == 0)  // s1's colour, but s1 is dashed: solid is free
        #expect(layout.dash(of: "s8") == 1)  // s0's colour, s0 solid: the first free pattern
        series[9] = series[9].withDash()
        let both = try ChartLayout(Chart.line(title: "t", x: "x", y: "y", series: series))
        #expect(both.dash(of: "s9") != 1 && both.dash(of: "s9") != 0)  // s1's colour and pattern are taken
        #expect(!Palette.dash(1).isEmpty && Palette.dash(0).isEmpty)
    }

    /// Lines 1 and 9 share a colour but are drawn differently: their legend keys differ.
    @Test func ninthLineIsDrawnDifferentlyFromTheFirst() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "many-series" }?.chart)
        let layout = try ChartLayout(chart)
        let legend = try #require(layout.legend)
        let image = try PixelImage(png: ChartRenderer().png(chart))
        func key(_ entry: Int) -> [UInt32] {
            let y = Int(((legend.rect.y + 6 + S.legendRow / 2 + Double(entry) * S.legendRow) * 2).rounded())
            let x0 = Int((legend.rect.x + 8) * 2)
            return (y - 2...y + 2).flatMap { row in (x0..<x0 + 44).map { image.pixels[row * image.width + $0] } }
        }
        #expect(layout.color(of: "w1") % 8 == layout.color(of: "w9") % 8)
        #expect(key(0) != key(8))
        #expect(key(0).filter { $0 & 0xFFFFFF == 0xFFFFFF }.count < key(8).filter { $0 & 0xFFFFFF == 0xFFFFFF }.count)
    }

    // MARK: Chinese labels

    /// Characters DejaVu Sans lacks are drawn with Noto Sans CJK: two different Chinese labels
    /// of the same width leave different ink inside their boxes (missing-glyph boxes would be
    /// identical), and the ink is there.
    @Test func chineseLabelsAreDrawnWithTheirGlyphs() throws {
        func render(_ label: String) throws -> (PixelImage, Rect) {
            let chart = Chart.line(title: "训练损失", x: label, y: "损失", series: [Series(name: "s", x: [0, 1], y: [0, 1])])
            let layout = try ChartLayout(chart)
            return (try PixelImage(png: ChartRenderer().png(chart)), Self.box(try #require(layout.xTitle), anchor: 0.5))
        }
        #expect(TextMetrics.width("训练轮次", size: 10) == 40)
        let (a, box) = try render("训练轮次")
        let (b, boxB) = try render("权重范数")
        #expect(box == boxB)
        func ink(_ image: PixelImage) -> [UInt32] {
            (Int(box.y * 2)..<Int(box.maxY * 2)).flatMap { y in
                (Int(box.x * 2)..<Int(box.maxX * 2)).map { image.pixels[y * image.width + $0] & 0xFFFFFF }
            }
        }
        let inkA = ink(a), inkB = ink(b)
        let darkA = inkA.filter { $0 != 0xFFFFFF }.count, darkB = inkB.filter { $0 != 0xFFFFFF }.count
        #expect(darkA > inkA.count / 10 && darkB > inkB.count / 10, "ink \(darkA), \(darkB) of \(inkA.count)")
        var differing = 0
        for (p, q) in zip(inkA, inkB) where p != q { differing += 1 }
        #expect(differing > inkA.count / 10, "\(differing) of \(inkA.count) pixels differ")
        // Mixed text keeps DejaVu for Latin letters: "loss 损失" draws wider than "损失" alone.
        let (c, _) = try render("loss 损失")
        #expect(try #require(c.rmsDifference(b)) > 0)
    }
}
