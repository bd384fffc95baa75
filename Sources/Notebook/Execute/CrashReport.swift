import Foundation

/// What the Swift runtime's backtracer says about a trap: the message and the innermost frame
/// that lies in the chapter (its Markdown line and column, thanks to `#sourceLocation`).
struct CrashReport: Sendable, Equatable {
    /// The runtime's message, e.g. "Fatal error: Index out of range".
    var message: String
    /// The innermost chapter frame, if the backtrace has one.
    var location: SourceLocation?

    /// Extracts the report from a chapter's stderr, or nil if it holds none.
    static func parse(stderr: String, chapterFile: String) -> CrashReport? {
        var message: String?
        var location: SourceLocation?
        for line in stderr.split(separator: "\n") {
            if message == nil, let range = line.range(of: "Fatal error: ") {
                message = "Fatal error: " + line[range.upperBound...]
            }
            if line.hasPrefix("{"), line.contains("\"crashReport\""),
                let json = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            {
                if message == nil, let description = json["description"] as? String { message = description }
                location = Self.innermostChapterFrame(in: json, chapterFile: chapterFile)
            }
        }
        guard message != nil || location != nil else { return nil }
        return CrashReport(message: message ?? "the program crashed", location: location)
    }

    private static func innermostChapterFrame(in json: [String: Any], chapterFile: String) -> SourceLocation? {
        let threads = json["threads"] as? [[String: Any]] ?? []
        let crashed = threads.first { ($0["crashed"] as? Bool) == true } ?? threads.first
        for frame in crashed?["frames"] as? [[String: Any]] ?? [] {
            guard let source = frame["sourceLocation"] as? [String: Any], source["file"] as? String == chapterFile,
                let line = source["line"] as? Int
            else { continue }
            return SourceLocation(file: chapterFile, line: line, column: source["column"] as? Int ?? 1)
        }
        return nil
    }

    /// `stderr` without the backtracer's banner and JSON report.
    static func strippingReport(from stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("{") && $0.contains("\"crashReport\"")) && !$0.hasPrefix("*** Signal ") }
            .joined(separator: "\n")
    }
}
