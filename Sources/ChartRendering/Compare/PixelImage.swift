import CCairo
import Charts

/// Decoded RGB pixels of a PNG, for comparing images by their pixels (never their bytes).
public struct PixelImage: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// Pixels as 0xAARRGGBB (premultiplied, as cairo stores them), row by row.
    public var pixels: [UInt32]

    /// Creates an image from pixels.
    public init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes PNG bytes with cairo.
    public init(png: [UInt8]) throws {
        final class Source {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(png)
        let read: cairo_read_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
            let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
            let n = Int(length)
            guard s.offset + n <= s.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            s.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                data.update(from: base + s.offset, count: n)
            }
            s.offset += n
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque()) else {
            throw ChartError.renderingFailed(chart: "image", detail: "not a PNG")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            throw ChartError.renderingFailed(chart: "image", detail: "the PNG could not be decoded")
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        var out = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x]
                out[y * width + x] = format == CAIRO_FORMAT_RGB24 ? (p | 0xFF00_0000) : p
            }
        }
        pixels = out
    }

    /// Root-mean-square difference over all channels, in 0…255; nil when the sizes differ.
    public func rmsDifference(_ other: PixelImage) -> Double? {
        guard width == other.width, height == other.height else { return nil }
        var sum = 0.0
        for (a, b) in zip(pixels, other.pixels) where a != b {
            for shift in stride(from: 0, to: 32, by: 8) {
                let d = Double(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF))
                sum += d * d
            }
        }
        return (sum / Double(max(1, pixels.count * 4))).squareRoot()
    }

    /// An image showing where two images differ: unchanged pixels faded, changed ones red.
    public func difference(_ other: PixelImage) -> PixelImage {
        let w = min(width, other.width), h = min(height, other.height)
        var out = [UInt32](repeating: 0xFFFF_FFFF, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let a = pixels[y * width + x], b = other.pixels[y * other.width + x]
                if a == b {
                    let g = (((a >> 16) & 0xFF) + ((a >> 8) & 0xFF) + (a & 0xFF)) / 3
                    let faded = 0xC0 + g / 4
                    out[y * w + x] = 0xFF00_0000 | (faded << 16) | (faded << 8) | faded
                } else {
                    out[y * w + x] = 0xFFFF_0000
                }
            }
        }
        return PixelImage(width: w, height: h, pixels: out)
    }

    /// Encodes the image as PNG.
    public func png() throws -> [UInt8] {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw ChartError.renderingFailed(chart: "image", detail: "could not create a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        guard let data = cairo_image_surface_get_data(surface) else {
            throw ChartError.renderingFailed(chart: "image", detail: "could not create a \(width)×\(height) image")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { row[x] = pixels[y * width + x] }
        }
        cairo_surface_mark_dirty(surface)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(surface, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ChartError.renderingFailed(chart: "image", detail: "PNG encoding failed")
        }
        return sink.bytes
    }
}
