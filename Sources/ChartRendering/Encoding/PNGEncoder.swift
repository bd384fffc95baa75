/// A small, fast PNG encoder for chart images (8-bit RGB, no alpha).
///
/// Charts are mostly flat colour, so each row is "Up"-filtered (difference from the row above)
/// and compressed with a single fixed-Huffman deflate block whose only back-references are runs
/// (distance 1) and repeated pixels (distance 3). That is several times faster than libpng's
/// adaptive filtering plus zlib level 6, at a modest cost in file size.
enum PNGEncoder {
    /// Encodes `height` rows of `width` pixels; `pixel(x, y)` is 0x00RRGGBB, read through the row
    /// pointer given by `row(y)` (cairo's RGB24/ARGB32 layout: one native-endian UInt32 per pixel).
    static func encode(width: Int, height: Int, row: (Int) -> UnsafePointer<UInt32>) -> [UInt8] {
        let rowBytes = width * 3
        let stride = rowBytes + 1
        // All filtered scanlines in one buffer: filter byte 2 ("Up") + RGB differences from the row above.
        var filtered = [UInt8](repeating: 0, count: height * stride)
        filtered.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let source = row(y)
                let above: UnsafePointer<UInt32>? = y > 0 ? row(y - 1) : nil
                let base = y * stride
                out[base] = 2
                var o = base + 1
                for x in 0..<width {
                    let p = source[x]
                    let q = above?[x] ?? 0
                    out[o] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
                    out[o + 1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
                    out[o + 2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
                    o += 3
                }
            }
        }
        var deflater = Deflater(capacity: filtered.count / 8 + 1024)
        var adler = Adler32()
        filtered.withUnsafeBufferPointer { buffer in
            adler.update(buffer)
            deflater.compress(buffer)
        }
        let compressed = deflater.finish(adler: adler.value)

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, 2, 0, 0, 0]  // 8-bit, truecolour, deflate, adaptive filtering, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", [])
        return png
    }
}

/// One fixed-Huffman deflate block inside a zlib stream.
struct Deflater {
    private var out: [UInt8]
    private var bits: UInt64 = 0
    private var count = 0

    /// Fixed literal/length codes, bit-reversed for LSB-first output: (code, length).
    private static let literalCodes: [(UInt32, Int)] = (0..<288).map { v in
        let (code, length): (UInt32, Int)
        switch v {
        case 0..<144: (code, length) = (UInt32(0x30 + v), 8)
        case 144..<256: (code, length) = (UInt32(0x190 + v - 144), 9)
        case 256..<280: (code, length) = (UInt32(v - 256), 7)
        default: (code, length) = (UInt32(0xC0 + v - 280), 8)
        }
        return (reverse(code, length), length)
    }

    /// For each match length 3…258: (length symbol, extra bits count, extra bits value).
    private static let lengthCodes: [(Int, Int, UInt32)] = {
        let bases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        let extras = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        var table = [(Int, Int, UInt32)](repeating: (0, 0, 0), count: 259)
        for length in 3...258 {
            var i = bases.count - 1
            while bases[i] > length { i -= 1 }
            table[length] = (257 + i, extras[i], UInt32(length - bases[i]))
        }
        return table
    }()

    static func reverse(_ code: UInt32, _ length: Int) -> UInt32 {
        var r: UInt32 = 0
        for i in 0..<length where code & (1 << UInt32(i)) != 0 { r |= 1 << UInt32(length - 1 - i) }
        return r
    }

    init(capacity: Int) {
        out = [0x78, 0x01]  // zlib header: deflate, 32K window, fastest
        out.reserveCapacity(capacity)
        put(1, 1)  // BFINAL
        put(1, 2)  // BTYPE = 01, fixed Huffman
    }

    @inline(__always)
    private mutating func put(_ value: UInt32, _ n: Int) {
        bits |= UInt64(value) << UInt64(count)
        count += n
        while count >= 8 {
            out.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
            count -= 8
        }
    }

    @inline(__always)
    private mutating func literal(_ v: UInt8) {
        let (code, length) = Deflater.literalCodes[Int(v)]
        put(code, length)
    }

    @inline(__always)
    private mutating func match(length: Int, distance: Int) {
        let (symbol, extraCount, extra) = Deflater.lengthCodes[length]
        let (code, codeLength) = Deflater.literalCodes[symbol]
        put(code, codeLength)
        if extraCount > 0 { put(extra, extraCount) }
        // Distance codes 0 (distance 1) and 2 (distance 3): 5 bits, no extra bits.
        put(Deflater.reverse(distance == 1 ? 0 : 2, 5), 5)
    }

    /// Compresses `data` (the whole stream, in one call).
    mutating func compress(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var i = 0
        while i < n {
            // Run of the previous byte (distance 1)?
            var run1 = 0
            if i >= 1 {
                let v = b[i - 1]
                // Eight bytes at a time while they all equal `v` (long flat runs are the common case).
                if let base = b.baseAddress {
                    let pattern = UInt64(v) &* 0x0101_0101_0101_0101
                    let raw = UnsafeRawPointer(base)
                    while i + run1 + 8 <= n && run1 + 8 <= 258
                        && raw.loadUnaligned(fromByteOffset: i + run1, as: UInt64.self) == pattern
                    {
                        run1 += 8
                    }
                }
                while i + run1 < n && run1 < 258 && b[i + run1] == v { run1 += 1 }
            }
            // Repeat of the previous pixel (distance 3)?
            var run3 = 0
            if run1 < 258 && i >= 3 {
                while i + run3 < n && run3 < 258 && b[i + run3] == b[i + run3 - 3] { run3 += 1 }
            }
            if run1 >= 3 && run1 >= run3 {
                match(length: run1, distance: 1)
                i += run1
            } else if run3 >= 3 {
                match(length: run3, distance: 3)
                i += run3
            } else {
                literal(b[i])
                i += 1
            }
        }
    }

    /// Ends the block and appends the Adler-32 checksum.
    mutating func finish(adler: UInt32) -> [UInt8] {
        let (code, length) = Deflater.literalCodes[256]
        put(code, length)
        if count > 0 { put(0, 8 - count) }
        out.appendBigEndian(adler)
        return out
    }
}

/// The zlib checksum.
struct Adler32 {
    private var a: UInt32 = 1
    private var b: UInt32 = 0
    var value: UInt32 { (b << 16) | a }
    mutating func update(_ data: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < data.count {
            let end = min(data.count, i + 5552)
            while i < end {
                a &+= UInt32(data[i])
                b &+= a
                i += 1
            }
            a %= 65521
            b %= 65521
        }
    }
}

/// CRC-32 as used by PNG chunks.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
    static func checksum<C: Collection>(_ bytes: C, initial: UInt32 = 0xFFFF_FFFF) -> UInt32 where C.Element == UInt8 {
        var c = initial
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v >> 24))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v))
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        append(contentsOf: typeBytes)
        append(contentsOf: data)
        let crc = CRC32.checksum(data, initial: CRC32.checksum(typeBytes)) ^ 0xFFFF_FFFF
        appendBigEndian(crc)
    }
}
