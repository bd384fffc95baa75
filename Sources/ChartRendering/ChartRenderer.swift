import CCairo
import Charts

/// Draws chart specifications into PNG (at 2× device scale) or SVG with Cairo, using DejaVu Sans
/// through FreeType with fixed hinting and antialiasing so that the same spec gives the same pixels;
/// characters DejaVu Sans lacks (Chinese, Japanese, Korean) are drawn with Noto Sans CJK.
public struct ChartRenderer: Sendable {
    /// Device pixels per point in PNG output.
    public var scale: Double
    /// Draw long line series (more points than pixel columns) the fast way: in PNG, solid lines
    /// are filled as the outline of their stroke, computed per eighth of a pixel column; in SVG the
    /// points are reduced to the first, lowest, highest and last per pixel column (M4), dashed lines
    /// only beyond 32 points per column. When false, cairo strokes every segment (exact, the
    /// reference for tests).
    public var reducesLongSeries: Bool

    /// Creates a renderer (PNG at 2× device scale, long series drawn the fast way).
    public init(scale: Double = 2, reducesLongSeries: Bool = true) {
        self.scale = scale
        self.reducesLongSeries = reducesLongSeries
    }

    /// The layout the renderer follows (validates the chart).
    package func layout(_ chart: Chart) throws -> ChartLayout { try ChartLayout(chart) }

    /// Renders `chart` to PNG bytes at `scale` × its size in points.
    public func png(_ chart: Chart) throws -> [UInt8] {
        let layout = try ChartLayout(chart)
        let fonts = try FontFaces(chart: chart.title)
        let w = Int32((chart.width * scale).rounded()), h = Int32((chart.height * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h) else {
            throw ChartErrorFactory.rendering(chart.title, "could not create a \(w)×\(h) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let cr = cairo_create(surface) else {
            throw ChartErrorFactory.rendering(chart.title, "could not create a \(w)×\(h) image")
        }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        Painter(cr: cr, chart: chart, layout: layout, fonts: fonts, deviceScale: scale, longSeries: reducesLongSeries ? .outlined : .exact).draw()
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw ChartErrorFactory.rendering(chart.title, "the image has no pixels")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        return PNGEncoder.encode(width: Int(w), height: Int(h)) { y in
            UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        }
    }

    /// Renders `chart` to an SVG document (sizes in points, text as glyph outlines).
    public func svg(_ chart: Chart) throws -> String {
        let layout = try ChartLayout(chart)
        let fonts = try FontFaces(chart: chart.title)
        let sink = ByteSink()
        guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), chart.width, chart.height) else {
            throw ChartErrorFactory.rendering(chart.title, "could not create an SVG surface")
        }
        cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
        guard let cr = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw ChartErrorFactory.rendering(chart.title, "could not create an SVG context")
        }
        Painter(cr: cr, chart: chart, layout: layout, fonts: fonts, deviceScale: 2, longSeries: reducesLongSeries ? .reduced : .exact).draw()
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ChartErrorFactory.rendering(chart.title, "SVG output failed: \(String(cString: cairo_status_to_string(status)))")
        }
        return ChartRenderer.renumberSurfaceIDs(String(decoding: sink.bytes, as: UTF8.self))
    }

    /// cairo names SVG groups after a process-wide surface counter; renumber them in order of
    /// appearance so the same chart always gives the same SVG.
    static func renumberSurfaceIDs(_ svg: String) -> String {
        var numbers: [Substring: Int] = [:]
        return svg.replacing(/surface(\d+)/) { match in
            let key = match.output.1
            if let n = numbers[key] { return "surface\(n)" }
            let n = numbers.count + 1
            numbers[key] = n
            return "surface\(n)"
        }
    }

    /// A textual description of `chart` for the image's alt attribute.
    public func altText(_ chart: Chart) -> String { chart.altText }
}
