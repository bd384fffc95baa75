import CCairo
import Charts

extension Painter {
    /// The line pen's width in points.
    static let lineWidth = 1.6
    /// Device pixels between the samples of a stroke outline: an eighth of a pixel keeps the
    /// filled outline within antialiasing of cairo's own stroke (pixel RMS below 1 even for white
    /// noise at seven points per pixel column).
    static let outlineStep = 0.125

    /// Draws a line and/or marker series; `outlines` are its precomputed stroke outlines when the
    /// line is drawn that way (see `strokeOutlines(for:_:)`).
    func drawSeries(_ s: Series, _ p: PanelLayout, outlines: [StrokeOutline]?) {
        let c = color(s.name, s.color)
        let n = min(s.x.count, s.y.count)
        let dashed = isDashed(s)
        if s.line {
            setColor(c)
            if let outlines {
                fillOutlines(outlines, p)
            } else if longSeries != .exact && isLong(s, p) && (!dashed || isLong(s, p, perColumn: 32)) {
                // Dashes follow the path's length, which reduction shortens: dashed lines are
                // reduced only when so dense that they draw a solid band anyway.
                strokeLine(s, Decimation.m4(x: s.x, y: s.y, column: column(in: p)), p, chunked: !dashed)
            } else {
                strokeLine(s, Array(0..<n), p, chunked: false)
            }
        }
        if s.markers {
            let radius = s.line ? 2.6 : 2.8
            for i in 0..<n where s.x[i].isFinite && s.y[i].isFinite {
                let px = p.px(s.x[i]), py = p.py(s.y[i])
                cairo_new_sub_path(cr)
                cairo_arc(cr, px, py, radius, 0, 2 * Double.pi)
            }
            setColor(c, alpha: s.line ? 1 : 0.75)
            cairo_fill_preserve(cr)
            setColor(RGB(1, 1, 1), alpha: 0.9)
            cairo_set_line_width(cr, 0.5)
            cairo_stroke(cr)
        }
    }

    /// Whether the series' line is drawn with a dash pattern (asked for, or given one to tell it
    /// from an earlier line of the same colour).
    func isDashed(_ s: Series) -> Bool { !Palette.dash(layout.dash(of: s.name)).isEmpty }

    /// Whether the series has more than `perColumn` points per device pixel column of the panel.
    func isLong(_ s: Series, _ p: PanelLayout, perColumn: Int = 2) -> Bool {
        min(s.x.count, s.y.count) > Int(p.plot.width * deviceScale) * perColumn
    }

    /// The stroke outlines of the panel's long solid lines, by mark index, when long series are
    /// outlined; computed on all cores (each outline is independent, so the result is the same).
    func strokeOutlines(for marks: [Mark], _ p: PanelLayout) -> [Int: [StrokeOutline]] {
        guard longSeries == .outlined else { return [:] }
        let step = Painter.outlineStep / deviceScale
        var jobs: [(mark: Int, run: [(x: Double, y: Double)])] = []
        for (index, mark) in marks.enumerated() {
            guard case let .series(s) = mark, s.line, !isDashed(s), isLong(s, p) else { continue }
            // Far more points than samples: keep the first, lowest, highest and last per sample
            // column (each point moves less than a sample step, far below what antialiasing shows).
            let n = min(s.x.count, s.y.count)
            let samples = p.plot.width / step
            let indices = Double(n) > 8 * samples
                ? Decimation.m4(x: s.x, y: s.y) { Painter.bin((p.px($0) - p.plot.x) / step) }
                : Array(0..<n)
            guard let runs = monotoneRuns(s, indices, p) else { continue }
            for run in runs { jobs.append((index, run)) }
            if runs.isEmpty { jobs.append((index, [])) }
        }
        let runs = jobs.map(\.run)
        let region = guardRect(p)
        let visible = region.x...region.maxX
        let outlines = parallelMap(runs.count) { k in
            StrokeOutline(points: runs[k], radius: Painter.lineWidth / 2, step: step, visible: visible)
        }
        var byMark: [Int: [StrokeOutline]] = [:]
        for (job, outline) in zip(jobs, outlines) { byMark[job.mark, default: []].append(outline) }
        return byMark
    }

    /// Maps an x value to its device pixel column in the panel.
    func column(in p: PanelLayout) -> (Double) -> Int {
        let x0 = p.plot.x, scale = deviceScale
        return { Painter.bin((p.px($0) - x0) * scale) }
    }

    /// The whole number below `v`, clamped far outside any image (data beyond an axis limit can
    /// map to coordinates no integer holds).
    static func bin(_ v: Double) -> Int {
        v.isNaN ? 0 : Int(min(max(v.rounded(.down), -1e12), 1e12))
    }

    /// The region lines are clipped to before cairo sees them: the plot area with a margin wider
    /// than any pen. Cairo holds coordinates in 24.8 fixed point, so a far-off point (a diverging
    /// loss beyond a y limit) would otherwise wrap around and draw a line in the wrong direction.
    func guardRect(_ p: PanelLayout) -> Rect {
        Rect(x: p.plot.x - 20, y: p.plot.y - 20, width: p.plot.width + 40, height: p.plot.height + 40)
    }

    /// Strokes the points at `indices` (gaps at non-finite values) with the line pen, clipped to
    /// `guardRect`. A chunked stroke ends every 8 segments and restarts one segment back, so every
    /// join is drawn whole: cairo's stroker then no longer intersects thousands of overlapping
    /// segments (several times faster; the overlaps re-blend a few antialiased edge pixels).
    func strokeLine(_ s: Series, _ indices: [Int], _ p: PanelLayout, chunked: Bool) {
        cairo_set_line_width(cr, Painter.lineWidth)
        var dash = Palette.dash(layout.dash(of: s.name))
        if !dash.isEmpty { cairo_set_dash(cr, &dash, Int32(dash.count), 0) }
        let chunk = chunked ? 8 : Int.max
        let region = guardRect(p)
        var previous: (x: Double, y: Double)?  // the last finite point
        var end: (x: Double, y: Double)?  // where the current subpath ends; nil when the pen is up
        var count = 0
        for i in indices {
            let xv = s.x[i], yv = s.y[i]
            let point = (x: p.px(xv), y: p.py(yv))
            guard xv.isFinite && yv.isFinite && point.x.isFinite && point.y.isFinite else {
                previous = nil
                end = nil
                continue
            }
            defer { previous = point }
            guard let from = previous, let piece = region.clip(from.x, from.y, point.x, point.y) else {
                end = nil
                continue
            }
            if end?.x != piece.x0 || end?.y != piece.y0 {
                cairo_move_to(cr, piece.x0, piece.y0)
                count = 0
            }
            cairo_line_to(cr, piece.x1, piece.y1)
            count += 1
            if count >= chunk {
                cairo_stroke(cr)
                cairo_move_to(cr, piece.x0, piece.y0)
                cairo_line_to(cr, piece.x1, piece.y1)
                count = 1
            }
            // Leaving the region lifts the pen.
            end = piece.x1 == point.x && piece.y1 == point.y ? point : nil
        }
        cairo_stroke(cr)
        cairo_set_dash(cr, nil, 0, 0)
    }

    /// The series' points in panel coordinates, split at non-finite values; nil when x ever
    /// decreases on screen (an outline describes a line drawn left to right).
    func monotoneRuns(_ s: Series, _ indices: [Int], _ p: PanelLayout) -> [[(x: Double, y: Double)]]? {
        var runs: [[(x: Double, y: Double)]] = []
        var run: [(x: Double, y: Double)] = []
        for i in indices {
            let xv = s.x[i], yv = s.y[i]
            guard xv.isFinite && yv.isFinite else {
                if !run.isEmpty { runs.append(run) }
                run = []
                continue
            }
            let point = (x: p.px(xv), y: p.py(yv))
            guard point.x.isFinite && point.y.isFinite else { return nil }
            if let last = run.last, point.x < last.x { return nil }
            run.append(point)
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    /// Fills stroke outlines: the same pixels as stroking the line, within antialiasing (pixel RMS
    /// below 1 against cairo's stroke), several times faster.
    /// Heights are kept within `guardRect` (the samples' x already are), which changes nothing
    /// visible.
    func fillOutlines(_ outlines: [StrokeOutline], _ p: PanelLayout) {
        let region = guardRect(p)
        func clamp(_ y: Double) -> Double { min(max(y, region.y), region.maxY) }
        for outline in outlines {
            guard let x0 = outline.x.first else { continue }
            cairo_move_to(cr, x0, clamp(outline.top[0]))
            for k in outline.x.indices.dropFirst() { cairo_line_to(cr, outline.x[k], clamp(outline.top[k])) }
            for k in outline.x.indices.reversed() { cairo_line_to(cr, outline.x[k], clamp(outline.bottom[k])) }
            cairo_close_path(cr)
        }
        cairo_fill(cr)
    }
}
