import CCairo
import Charts
import Foundation

/// Draws a laid-out chart onto a cairo context (in points; the caller sets the device scale).
struct Painter {
    let cr: OpaquePointer
    let chart: Chart
    let layout: ChartLayout
    let fonts: FontFaces
    /// Device pixels per point (for per-column decimation).
    let deviceScale: Double
    /// How long line series are drawn.
    let longSeries: LongSeriesDrawing

    typealias S = ChartLayout.Style
    static let ink = RGB(hex: 0x222222)
    static let tickInk = RGB(hex: 0x4D4D4D)
    static let grid = RGB(hex: 0xE5E5E5)

    func draw() {
        let options = cairo_font_options_create()
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)

        setColor(RGB(1, 1, 1))
        cairo_paint(cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)

        for (index, panel) in layout.panels.enumerated() {
            drawGrid(panel)
            cairo_save(cr)
            cairo_rectangle(cr, panel.plot.x, panel.plot.y, panel.plot.width, panel.plot.height)
            cairo_clip(cr)
            let marks = chart.panels[index].marks
            let outlines = strokeOutlines(for: marks, panel)
            for (k, mark) in marks.enumerated() { drawMark(mark, panel, outlines: outlines[k]) }
            cairo_restore(cr)
            drawAnnotations(chart.panels[index].marks, panel)
            drawAxes(panel)
        }
        if let t = layout.title { text(t, bold: true, color: Painter.ink) }
        if let t = layout.subtitle { text(t, color: RGB(hex: 0x555555)) }
        if let t = layout.xTitle { text(t, color: Painter.ink, anchor: 0.5) }
        if let t = layout.yTitle { text(t, color: Painter.ink, anchor: 0.5) }
        if let legend = layout.legend { drawLegend(legend) }
        if let bar = layout.colorBar { drawColorBar(bar) }
    }

    // MARK: Primitives

    func setColor(_ c: RGB, alpha: Double = 1) {
        if alpha >= 1 { cairo_set_source_rgb(cr, c.r, c.g, c.b) } else { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha) }
    }

    func setFont(size: Double, bold: Bool = false) {
        cairo_set_font_face(cr, bold ? fonts.bold : fonts.regular)
        cairo_set_font_size(cr, size)
    }

    /// Width of `s` as cairo measures it, run by run in the font that draws each (used for bold
    /// text, whose metrics the layout does not hold).
    func measure(_ s: String, size: Double, bold: Bool) -> Double {
        var width = 0.0
        for run in fonts.runs(s, bold: bold) {
            setFont(size: size, bold: bold, fallback: run.fallback)
            var extents = cairo_text_extents_t()
            cairo_text_extents(cr, run.text, &extents)
            width += extents.x_advance
        }
        return width
    }

    /// Selects DejaVu, or the CJK fallback for characters DejaVu lacks.
    func setFont(size: Double, bold: Bool, fallback: Bool) {
        if fallback, let face = fonts.fallback(bold: bold) {
            cairo_set_font_face(cr, face.cairo)
            cairo_set_font_size(cr, size)
        } else {
            setFont(size: size, bold: bold)
        }
    }

    /// Draws text with its anchor at fraction `anchor` of its width (0 left, 0.5 centre, 1 right),
    /// each run of characters DejaVu Sans lacks in the CJK fallback font.
    func show(_ s: String, x: Double, y: Double, size: Double, color: RGB, anchor: Double = 0, bold: Bool = false) {
        setColor(color)
        let w = bold ? measure(s, size: size, bold: true) : TextMetrics.width(s, size: size)
        cairo_move_to(cr, x - anchor * w, y)
        for run in fonts.runs(s, bold: bold) {
            setFont(size: size, bold: bold, fallback: run.fallback)
            cairo_show_text(cr, run.text)  // advances the current point to the run's end
        }
    }

    func text(_ t: TextItem, bold: Bool = false, color: RGB, anchor: Double = 0) {
        let lines = t.text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > 1 {
            for (k, line) in lines.enumerated() {
                var single = t
                single.text = String(line)
                single.y = t.y + Double(k) * t.size * 1.25
                text(single, bold: bold, color: color, anchor: anchor)
            }
            return
        }
        if t.rotated {
            cairo_save(cr)
            cairo_translate(cr, t.x, t.y)
            cairo_rotate(cr, -Double.pi / 2)
            show(t.text, x: 0, y: 0, size: t.size, color: color, anchor: anchor, bold: bold)
            cairo_restore(cr)
        } else {
            show(t.text, x: t.x, y: t.y, size: t.size, color: color, anchor: anchor, bold: bold)
        }
    }

    func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
    }

    /// Snaps a coordinate so a 1-device-pixel line falls on whole pixels.
    func snap(_ v: Double) -> Double { ((v * deviceScale).rounded(.down) + 0.5) / deviceScale }

    // MARK: Axes

    func drawGrid(_ p: PanelLayout) {
        setColor(Painter.grid)
        cairo_set_line_width(cr, 1 / deviceScale * 1.5)
        if p.x.categories == nil { for t in p.x.ticks { let x = snap(p.px(t)); line(x, p.plot.y, x, p.plot.maxY) } }
        if p.y.categories == nil { for t in p.y.ticks { let y = snap(p.py(t)); line(p.plot.x, y, p.plot.maxX, y) } }
        cairo_stroke(cr)
    }

    func drawAxes(_ p: PanelLayout) {
        setColor(Painter.tickInk)
        cairo_set_line_width(cr, 0.8)
        let left = snap(p.plot.x), bottom = snap(p.plot.maxY)
        line(left, p.plot.y, left, p.plot.maxY)
        line(p.plot.x, bottom, p.plot.maxX, bottom)
        for t in p.x.ticks { let x = snap(p.px(t)); line(x, bottom, x, bottom + S.tickLength) }
        for t in p.y.ticks { let y = snap(p.py(t)); line(left - S.tickLength, y, left, y) }
        cairo_stroke(cr)
        let ascent = S.tickSize * TextMetrics.ascent
        if p.x.showLabels {
            for (t, label) in zip(p.x.ticks, p.x.labels) {
                if let degrees = p.x.labelRotation {
                    // Turned labels end at their tick.
                    cairo_save(cr)
                    cairo_translate(cr, p.px(t) + ascent * 0.3, bottom + S.tickLength + 3)
                    cairo_rotate(cr, -degrees * Double.pi / 180)
                    show(label, x: 0, y: ascent * 0.5, size: S.tickSize, color: Painter.tickInk, anchor: 1)
                    cairo_restore(cr)
                } else {
                    show(label, x: p.px(t), y: bottom + S.tickLength + 2 + ascent, size: S.tickSize, color: Painter.tickInk, anchor: 0.5)
                }
            }
        }
        if p.y.showLabels {
            for (t, label) in zip(p.y.ticks, p.y.labels) {
                show(label, x: left - S.tickLength - 3, y: p.py(t) + ascent * 0.36, size: S.tickSize, color: Painter.tickInk, anchor: 1)
            }
        }
        if let title = p.title {
            setColor(RGB(hex: 0xEBEBEB))
            cairo_rectangle(cr, p.plot.x, p.plot.y - S.stripHeight, p.plot.width, S.stripHeight - 2)
            cairo_fill(cr)
            // Centred in the strip (which ends 2 points above the plot).
            let baseline = p.plot.y - 1 - S.stripHeight / 2 + S.stripTextSize * (TextMetrics.ascent - TextMetrics.descent) / 2
            show(title, x: p.plot.x + p.plot.width / 2, y: baseline, size: S.stripTextSize, color: Painter.ink, anchor: 0.5)
        }
    }

    // MARK: Marks

    func color(_ name: String, _ explicit: Int?) -> RGB { Palette.category(explicit ?? layout.color(of: name)) }

    func drawMark(_ mark: Mark, _ p: PanelLayout, outlines: [StrokeOutline]?) {
        switch mark {
        case let .series(s): drawSeries(s, p, outlines: outlines)
        case let .bar(b):
            for bar in BarGeometry.rects(b, panel: p) {
                setColor(Palette.category(layout.color(of: b.groups[bar.group].name)))
                cairo_rectangle(cr, bar.rect.x, bar.rect.y, bar.rect.width, bar.rect.height)
                cairo_fill(cr)
            }
            if b.arrangement == .stacked {
                // Thin white separators between stacked segments.
                setColor(RGB(1, 1, 1))
                cairo_set_line_width(cr, 0.6)
                for bar in BarGeometry.rects(b, panel: p) { cairo_rectangle(cr, bar.rect.x, bar.rect.y, bar.rect.width, bar.rect.height) }
                cairo_stroke(cr)
            }
        case let .histogram(h):
            let (edges, heights) = Binning.bars(h)
            let c = color(h.name, nil)
            for i in heights.indices where heights[i] > 0 {
                let x0 = p.px(edges[i]), x1 = p.px(edges[i + 1]), y0 = p.py(heights[i]), y1 = p.py(0)
                cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
            }
            setColor(c, alpha: 0.85)
            cairo_fill_preserve(cr)
            setColor(RGB(1, 1, 1))
            cairo_set_line_width(cr, 0.5)
            cairo_stroke(cr)
        case let .heatmap(h): drawHeatmap(h, p)
        case let .contour(c): drawContour(c, p)
        case let .region(r):
            let c = color(r.name, r.color)
            for i in r.x.indices {
                if i == 0 { cairo_move_to(cr, p.px(r.x[i]), p.py(r.y[i])) } else { cairo_line_to(cr, p.px(r.x[i]), p.py(r.y[i])) }
            }
            cairo_close_path(cr)
            if r.filled {
                setColor(c, alpha: 0.15)
                cairo_fill_preserve(cr)
            }
            setColor(c)
            cairo_set_line_width(cr, 1.8)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
            cairo_stroke(cr)
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case let .band(b):
            let c = color(b.name, b.color)
            // One closed polygon per run of finite points.
            var run: [Int] = []
            func flush() {
                guard run.count > 1 else { run.removeAll(); return }
                for (k, i) in run.enumerated() {
                    if k == 0 { cairo_move_to(cr, p.px(b.x[i]), p.py(b.upper[i])) } else { cairo_line_to(cr, p.px(b.x[i]), p.py(b.upper[i])) }
                }
                for i in run.reversed() { cairo_line_to(cr, p.px(b.x[i]), p.py(b.lower[i])) }
                cairo_close_path(cr)
                run.removeAll()
            }
            for i in b.x.indices {
                if b.x[i].isFinite && b.lower[i].isFinite && b.upper[i].isFinite { run.append(i) } else { flush() }
            }
            flush()
            setColor(c, alpha: 0.22)
            cairo_fill(cr)
        case let .rule(r):
            setColor(RGB(hex: 0x555555))
            cairo_set_line_width(cr, 1)
            var dash: [Double] = [4, 3]
            cairo_set_dash(cr, &dash, 2, 0)
            if r.orientation == .horizontal {
                let y = p.py(r.value)
                line(p.plot.x, y, p.plot.maxX, y)
            } else {
                let x = p.px(r.value)
                line(x, p.plot.y, x, p.plot.maxY)
            }
            cairo_stroke(cr)
            cairo_set_dash(cr, nil, 0, 0)
        case .text:
            break  // drawn unclipped, after the marks
        }
    }

    func scaleColor(_ v: Double, _ bar: ColorBarLayout) -> RGB {
        let t = (v - bar.lower) / (bar.upper - bar.lower)
        return bar.palette == .viridis ? Palette.viridis(t) : Palette.diverging(t)
    }

    func drawHeatmap(_ h: HeatmapMark, _ p: PanelLayout) {
        guard let bar = layout.colorBar else { return }
        let xe = HeatmapMark.cellEdges(h.x), ye = HeatmapMark.cellEdges(h.y)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE)
        for r in h.y.indices {
            for c in h.x.indices {
                let v = h.z[r * h.x.count + c]
                guard v.isFinite else { continue }
                let x0 = p.px(xe[c]), x1 = p.px(xe[c + 1]), y0 = p.py(ye[r + 1]), y1 = p.py(ye[r])
                setColor(scaleColor(v, bar))
                cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0)
                cairo_fill(cr)
            }
        }
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_DEFAULT)
    }

    func drawContour(_ c: ContourMark, _ p: PanelLayout) {
        let bar = layout.colorBar
        cairo_set_line_width(cr, 1.2)
        for level in Contours.levels(c) {
            for s in Contours.segments(x: c.x, y: c.y, z: c.z, level: level) {
                line(p.px(s.x0), p.py(s.y0), p.px(s.x1), p.py(s.y1))
            }
            setColor(bar.map { scaleColor(level, $0) } ?? Painter.ink)
            cairo_stroke(cr)
        }
    }

    func drawAnnotations(_ marks: [Mark], _ p: PanelLayout) {
        for mark in marks {
            switch mark {
            case let .text(t):
                let x = p.px(t.x), y = p.py(t.y)
                if t.pointer {
                    setColor(Painter.ink)
                    cairo_arc(cr, x, y, 2.2, 0, 2 * Double.pi)
                    cairo_fill(cr)
                }
                let w = TextMetrics.width(t.text, size: S.annotationSize)
                // Keep the label inside the plot: flip to the left of the anchor near the right edge.
                let flip = x + 6 + w > p.plot.maxX
                show(t.text, x: flip ? x - 6 : x + 6, y: max(p.plot.y + S.annotationSize, y - 5), size: S.annotationSize,
                     color: Painter.ink, anchor: flip ? 1 : 0)
            case let .rule(r):
                guard let label = r.label else { continue }
                let size = S.ruleLabelSize
                let w = TextMetrics.width(label, size: size)
                if r.orientation == .horizontal {
                    show(label, x: p.plot.maxX - 4 - w, y: p.py(r.value) - 4, size: size, color: RGB(hex: 0x444444))
                } else {
                    let x = p.px(r.value)
                    let flip = x + 4 + w > p.plot.maxX
                    show(label, x: flip ? x - 4 : x + 4, y: p.plot.y + 2 + size * TextMetrics.ascent, size: size,
                         color: RGB(hex: 0x444444), anchor: flip ? 1 : 0)
                }
            default: break
            }
        }
    }

    // MARK: Guides

    func drawLegend(_ legend: LegendLayout) {
        let r = legend.rect
        setColor(RGB(1, 1, 1), alpha: 0.92)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill_preserve(cr)
        setColor(RGB(hex: 0xCCCCCC))
        cairo_set_line_width(cr, 0.7)
        cairo_stroke(cr)
        for (i, e) in legend.entries.enumerated() {
            let cy = r.y + 6 + S.legendRow / 2 + Double(i) * S.legendRow
            let x0 = r.x + 8
            let c = Palette.category(e.color)
            setColor(c)
            switch e.key {
            case .line, .dashed, .lineMarker:
                cairo_set_line_width(cr, 2)
                var dash = Palette.dash(e.dash)
                if !dash.isEmpty { cairo_set_dash(cr, &dash, Int32(dash.count), 0) }
                line(x0, cy, x0 + 22, cy)
                cairo_stroke(cr)
                cairo_set_dash(cr, nil, 0, 0)
                if e.key == .lineMarker {
                    cairo_arc(cr, x0 + 11, cy, 2.6, 0, 2 * Double.pi)
                    cairo_fill(cr)
                }
            case .marker:
                cairo_arc(cr, x0 + 11, cy, 3, 0, 2 * Double.pi)
                cairo_fill(cr)
            case .area:
                cairo_rectangle(cr, x0 + 4, cy - 6, 14, 12)
                cairo_fill(cr)
            }
            show(e.name, x: x0 + 28, y: cy + S.legendSize * TextMetrics.ascent * 0.36, size: S.legendSize, color: Painter.ink)
        }
    }

    func drawColorBar(_ bar: ColorBarLayout) {
        let r = bar.rect
        let gradient = cairo_pattern_create_linear(0, r.maxY, 0, r.y)
        for k in 0...32 {
            let t = Double(k) / 32
            let c = bar.palette == .viridis ? Palette.viridis(t) : Palette.diverging(t)
            cairo_pattern_add_color_stop_rgb(gradient, t, c.r, c.g, c.b)
        }
        cairo_set_source(cr, gradient)
        cairo_rectangle(cr, r.x, r.y, r.width, r.height)
        cairo_fill(cr)
        cairo_pattern_destroy(gradient)
        setColor(Painter.tickInk)
        cairo_set_line_width(cr, 0.8)
        let ascent = S.tickSize * TextMetrics.ascent
        for t in bar.ticks {
            let y = r.maxY - (t - bar.lower) / (bar.upper - bar.lower) * r.height
            line(r.maxX, y, r.maxX + S.tickLength, y)
        }
        cairo_stroke(cr)
        for (t, label) in zip(bar.ticks, bar.labels) {
            let y = r.maxY - (t - bar.lower) / (bar.upper - bar.lower) * r.height
            show(label, x: r.maxX + S.tickLength + 3, y: y + ascent * 0.36, size: S.tickSize, color: Painter.tickInk)
        }
        if let title = bar.titleText { text(title, color: Painter.ink) }
    }
}
