import CZlib
import Foundation

/// Writes chart images as PNG: 8-bit RGB, each row "Up"-filtered, compressed by zlib.
///
/// Cairo's own `cairo_surface_write_to_png` goes through libpng with adaptive filtering and
/// zlib's default level, which costs about 40 ms for a 1600×1000 chart. Charts are mostly flat
/// colour, so a fixed "Up" filter with zlib's run-length strategy at level 1 compresses them
/// nearly as well in a fraction of the time, and large images are compressed as independent
/// slices on all cores (the technique of pigz: each slice ends on a byte boundary with a sync
/// flush, so the slices concatenate into one valid deflate stream). Only the PNG container
/// (signature, IHDR/IDAT/IEND chunks) is written here; compression and checksums are zlib's.
/// The output does not depend on the number of cores: the slicing is fixed by the image size.
enum PNGEncoder {
    /// Encodes `height` rows of `width` pixels read through `row(y)` (cairo's RGB24/ARGB32 layout:
    /// one native-endian UInt32 per pixel, 0x00RRGGBB).
    static func encode(width: Int, height: Int, row: (Int) -> UnsafePointer<UInt32>) -> [UInt8] {
        let stride = width * 3 + 1
        let rowsPerSlice = max(1, sliceSize / max(1, stride))
        let sliceCount = max(1, (height + rowsPerSlice - 1) / rowsPerSlice)
        // Workers only read the rows, which outlive concurrentPerform.
        nonisolated(unsafe) let rows = (0..<height).map(row)
        let slices = parallelMap(sliceCount) { k in
            let first = k * rowsPerSlice, last = min(height, first + rowsPerSlice)
            let filtered = [UInt8](unsafeUninitializedCapacity: (last - first) * stride) { out, initialized in
                for y in first..<last {
                    let source = rows[y]
                    var o = (y - first) * stride
                    out[o] = 2  // filter type "Up": each byte minus the byte above
                    o += 1
                    if y == 0 {
                        for x in 0..<width {
                            let p = source[x]
                            out[o] = UInt8(truncatingIfNeeded: p >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: p)
                            o += 3
                        }
                    } else {
                        let above = rows[y - 1]
                        for x in 0..<width {
                            let p = source[x], q = above[x]
                            out[o] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
                            o += 3
                        }
                    }
                }
                initialized = (last - first) * stride
            }
            let checksum = filtered.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
            let compressed = filtered.withUnsafeBufferPointer { rawDeflate($0, last: k == sliceCount - 1) }
            return Slice(bytes: compressed, adler: checksum, length: filtered.count)
        }
        var stream: [UInt8] = [0x78, 0x01]
        var adler: uLong = 1
        for (k, slice) in slices.enumerated() {
            stream += slice.bytes
            adler = k == 0 ? slice.adler : adler32_combine(adler, slice.adler, off_t(slice.length))
        }
        stream.appendBigEndian(UInt32(adler))

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", stream)
        png.appendChunk("IEND", [])
        return png
    }

    /// Bytes per independently compressed slice (about a quarter of a 1600×1000 chart); slices
    /// are whole rows, so their boundaries depend only on the image size.
    static let sliceSize = 1 << 20

    /// Raw deflate (no header) of one slice at level 1 with the run-length strategy, ended by a
    /// sync flush (byte-aligned, not final) unless it is the last slice.
    static func rawDeflate(_ input: UnsafeBufferPointer<UInt8>, last: Bool) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 16)
        let produced: Int = output.withUnsafeMutableBufferPointer { outBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = uInt(input.count)
            stream.next_out = outBuffer.baseAddress
            stream.avail_out = uInt(outBuffer.count)
            _ = CZlib.deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH)
            return outBuffer.count - Int(stream.avail_out)
        }
        return Array(output.prefix(produced))
    }
}

/// One compressed slice: its raw deflate bytes and the Adler-32 and length of its input.
private struct Slice: Sendable {
    var bytes: [UInt8] = []
    var adler: uLong = 1
    var length = 0
}

extension [UInt8] {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(v >> 24))
        append(UInt8((v >> 16) & 0xFF))
        append(UInt8((v >> 8) & 0xFF))
        append(UInt8(v & 0xFF))
    }

    /// Appends a PNG chunk: length, type, data and the CRC-32 (zlib's) of type and data.
    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeAndData = Array(type.utf8) + data
        append(contentsOf: typeAndData)
        let crc = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(crc))
    }
}
