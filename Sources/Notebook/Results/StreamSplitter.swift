import NotebookProtocol

/// Cuts a chapter's stdout and stderr at the runtime's markers: text goes to the block that
/// printed it, and event markers keep charts and tables in the order they were shown.
enum StreamSplitter {
    /// An item of a block's stdout.
    enum Item: Equatable {
        /// Printed text (one chunk between two markers).
        case text(String)
        /// The event with this sequence number happened here.
        case event(Int)
    }

    /// The per-block items of stdout and the per-block text of stderr.
    static func split(stdout: String, stderr: String) -> (stdout: [Int: [Item]], stderr: [Int: String]) {
        var out: [Int: [Item]] = [:]
        var cell = 0
        var buffer: [Substring] = []
        func flush() {
            if !buffer.isEmpty {
                out[cell, default: []].append(.text(buffer.joined(separator: "\n")))
                buffer.removeAll()
            }
        }
        for line in lines(of: stdout) {
            switch StreamMarker(line: line) {
            case .cell(let k)?: flush(); cell = k
            case .event(let n)?: flush(); out[cell, default: []].append(.event(n))
            case nil: buffer.append(line)
            }
        }
        flush()

        var err: [Int: String] = [:]
        cell = 0
        var errBuffer: [Substring] = []
        func flushErr() {
            let text = errBuffer.joined(separator: "\n").trimmingTrailingNewlines()
            if !text.isEmpty { err[cell] = (err[cell].map { $0 + "\n" } ?? "") + text }
            errBuffer.removeAll()
        }
        for line in lines(of: stderr) {
            if case .cell(let k)? = StreamMarker(line: line) {
                flushErr()
                cell = k
            } else if StreamMarker(line: line) == nil {
                errBuffer.append(line)
            }
        }
        flushErr()
        return (out, err)
    }

    /// The lines of `text`, without the empty string after a final newline.
    private static func lines(of text: String) -> [Substring] {
        var result = text.split(separator: "\n", omittingEmptySubsequences: false)
        if result.last == "" { result.removeLast() }
        return result
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") || s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
