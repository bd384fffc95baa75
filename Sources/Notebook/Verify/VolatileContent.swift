import Foundation

/// Report content that legitimately differs between runs — timings, marked in a chapter with
/// `//| volatile: true` on a block or `` `{swift volatile} expr` `` inline. Verification checks
/// that such a block ran and that its claims have the expected verdicts, but not its numbers,
/// text or figures.
enum VolatileContent {
    static let begin = VolatileMarkers.begin
    static let end = VolatileMarkers.end

    /// `html` with every volatile region replaced by an empty pair of markers.
    static func strippingRegions(from html: String) -> String {
        guard html.contains(begin) else { return html }
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: begin) {
            result += rest[..<open.upperBound]
            guard let close = rest.range(of: end, range: open.upperBound..<rest.endIndex) else {
                rest = rest[open.upperBound...]
                break
            }
            result += end
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// A results-store file with volatile parts reduced to what must still agree (see
    /// `ChapterResult.withoutVolatileContent()`), re-encoded canonically; nil when the data is
    /// not a chapter result.
    static func reducing(resultsFile data: Data) -> Data? {
        let store = ResultsStore()
        guard let result = try? store.decode(data, path: "") else { return nil }
        return try? store.encode(result.withoutVolatileContent())
    }

    /// The figure images drawn by volatile blocks, from a report's results files: they are
    /// compared for presence only.
    static func figureImages(inReport folder: URL) -> Set<String> {
        ((try? ResultsStore().readAll(fromReport: folder)) ?? []).reduce(into: Set<String>()) { $0.formUnion($1.volatileFigureImages) }
    }
}
