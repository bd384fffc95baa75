import Foundation
import Notebook

/// One error the preview shows over the page and prints on the terminal: a compile error, a
/// trap, a timeout, a bad option — with its place and the offending source line.
public struct PreviewProblem: Codable, Sendable, Equatable {
    /// `file:line:col` relative to the project root, when the error has a place.
    public var location: String?
    /// What went wrong.
    public var message: String
    /// What to do about it, when the diagnostic says.
    public var hint: String?
    /// The source line at `location`, as written.
    public var sourceLine: String?
    /// Spaces (tabs where the source line has them) up to the column, then `^`.
    public var caret: String?

    public init(location: String?, message: String, hint: String? = nil, sourceLine: String? = nil, caret: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
        self.caret = caret
    }

    /// A problem for `diagnostic`, with its source line read from the project.
    init(_ diagnostic: Diagnostic, projectRoot: URL) {
        self.init(location: diagnostic.location?.description, message: diagnostic.message, hint: diagnostic.hint)
        guard let place = diagnostic.location, place.line >= 1 else { return }
        let file = place.file.hasPrefix("/") ? URL(fileURLWithPath: place.file) : projectRoot.appendingPathComponent(place.file)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard place.line <= lines.count else { return }
        let line = String(lines[place.line - 1].trimmingSuffix("\r"))
        sourceLine = line
        // Columns count UTF-8 bytes (as compilers and the parser report them).
        let prefix = String(decoding: Array(line.utf8).prefix(max(0, place.column - 1)), as: UTF8.self)
        caret = String(prefix.map { $0 == "\t" ? "\t" : " " }) + "^"
    }

    /// The lines printed on the terminal: `file:line:col: error: message`, the source line and
    /// the caret, the hint.
    public var terminalText: String {
        var lines = [(location.map { "\($0): " } ?? "") + "error: " + message]
        if let sourceLine, let caret { lines += ["    " + sourceLine, "    " + caret] }
        if let hint { lines.append("  hint: " + hint) }
        return lines.joined(separator: "\n")
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}
