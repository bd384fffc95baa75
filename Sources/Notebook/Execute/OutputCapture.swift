#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import NotebookProtocol

/// Reads a program's stdout or stderr as it arrives and keeps a bounded part of it: at most
/// `perBlock` bytes of text per block (blocks are told apart by the runtime's cell markers,
/// which are always kept) and `total` bytes of text in all. Text past a limit is counted and
/// dropped, with a note line where the cut is; the last `tail` dropped bytes are kept too, so a
/// crash report at the very end of stderr survives a chatty program.
///
/// normbook's memory stays bounded by the limits whatever the program prints.
struct OutputCapture {
    /// Where text was cut.
    struct Cut: Equatable, Sendable {
        /// The block (cell) whose text was cut.
        var cell: Int
        /// Bytes of text the block printed past the limit (dropped).
        var droppedBytes: Int
        /// Whether the chapter's limit (rather than the block's) was the one reached.
        var chapterLimit: Bool
    }

    let perBlock: Int
    let total: Int
    let tail: Int

    private(set) var kept: [UInt8] = []
    private var cell = 0
    private var keptInCell: [Int: Int] = [:]
    private var keptText = 0
    private var cuts: [Int: Cut] = [:]
    private var cutOrder: [Int] = []
    private var atLineStart = true
    private var pendingMarker: [UInt8]?
    private var tailBuffer: [UInt8] = []

    /// The longest line that can be a marker (`U+001E normbook:event:N`).
    private static let markerMaximum = 48

    init(perBlock: Int, total: Int, tail: Int = 0) {
        self.perBlock = max(0, perBlock)
        self.total = max(0, total)
        self.tail = max(0, tail)
    }

    /// Feeds the next bytes of the stream.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        let buffer = bytes.bindMemory(to: UInt8.self)
        guard let base = buffer.baseAddress else { return }
        var i = 0
        while i < buffer.count {
            if pendingMarker != nil {
                let byte = buffer[i]
                i += 1
                pendingMarker?.append(byte)
                if byte == UInt8(ascii: "\n") {
                    finishMarker()
                } else if let marker = pendingMarker, marker.count > Self.markerMaximum {
                    pendingMarker = nil
                    atLineStart = false
                    marker.withUnsafeBufferPointer { appendText($0[...]) }
                }
                continue
            }
            if atLineStart && buffer[i] == 0x1E {
                pendingMarker = [0x1E]
                i += 1
                continue
            }
            // A run of text up to and including the next newline.
            let start = i
            let rest = UnsafeRawPointer(base + start)
            if let newline = memchr(rest, Int32(UInt8(ascii: "\n")), buffer.count - start) {
                i = start + (UnsafeRawPointer(newline) - rest) + 1
                atLineStart = true
            } else {
                i = buffer.count
                atLineStart = false
            }
            appendText(UnsafeBufferPointer(rebasing: buffer[start..<i])[...])
        }
    }

    /// Convenience for tests and small inputs.
    mutating func append(_ text: String) {
        var copy = Array(text.utf8)
        copy.withUnsafeMutableBytes { append(UnsafeRawBufferPointer($0)) }
    }

    private mutating func finishMarker() {
        guard let marker = pendingMarker else { return }
        pendingMarker = nil
        atLineStart = true
        let line = String(decoding: marker.dropLast(), as: UTF8.self)
        guard let parsed = StreamMarker(line: Substring(line)) else {
            marker.withUnsafeBufferPointer { appendText($0[...]) }
            return
        }
        if case .cell(let k) = parsed { cell = k }
        endKeptLine()
        kept += marker
    }

    private mutating func appendText(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        guard !run.isEmpty else { return }
        let room = min(perBlock - keptInCell[cell, default: 0], total - keptText)
        if cuts[cell] == nil && room >= run.count {
            kept.append(contentsOf: run)
            keptInCell[cell, default: 0] += run.count
            keptText += run.count
            return
        }
        var keep = cuts[cell] == nil ? max(0, room) : 0
        if keep > 0 {
            // Do not split a UTF-8 sequence: back up to the start of the cut character.
            while keep > 0, keep < run.count, run[run.startIndex + keep] & 0xC0 == 0x80 { keep -= 1 }
            kept.append(contentsOf: run.prefix(keep))
            keptInCell[cell, default: 0] += keep
            keptText += keep
        }
        let dropped = run.dropFirst(keep)
        if cuts[cell] == nil {
            let byChapter = total - keptText <= perBlock - keptInCell[cell, default: 0]
            cuts[cell] = Cut(cell: cell, droppedBytes: 0, chapterLimit: byChapter)
            cutOrder.append(cell)
            endKeptLine()
            let limit = byChapter ? "the chapter's limit of \(ByteSize(bytes: UInt64(total)))" : "the block's limit of \(ByteSize(bytes: UInt64(perBlock)))"
            kept += Array("⋯ [normbook: output cut here at \(limit); the rest is not shown]\n".utf8)
        }
        cuts[cell]?.droppedBytes += dropped.count
        if tail > 0 {
            tailBuffer.append(contentsOf: dropped.suffix(tail))
            if tailBuffer.count > 2 * tail { tailBuffer.removeFirst(tailBuffer.count - tail) }
        }
    }

    private mutating func endKeptLine() {
        if let last = kept.last, last != UInt8(ascii: "\n") { kept.append(UInt8(ascii: "\n")) }
    }

    /// What was kept, as text, and where it was cut.
    func finish() -> (text: String, cuts: [Cut]) {
        var bytes = kept
        if let marker = pendingMarker { bytes += marker }
        if !tailBuffer.isEmpty {
            var tailBytes = Array(tailBuffer.suffix(tail))
            // Start the tail at a line (or at least a character) boundary.
            if let newline = tailBytes.firstIndex(of: UInt8(ascii: "\n")), newline < tailBytes.count - 1 {
                tailBytes.removeFirst(newline + 1)
            }
            while let first = tailBytes.first, first & 0xC0 == 0x80 { tailBytes.removeFirst() }
            if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
            bytes += Array("⋯ [normbook: the last \(ByteSize(bytes: UInt64(tailBytes.count))) of the cut output follow]\n".utf8)
            bytes += tailBytes
        }
        return (String(decoding: bytes, as: UTF8.self), cutOrder.compactMap { cuts[$0] })
    }
}
