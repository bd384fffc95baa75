/// Volatile content: what legitimately differs between runs — timings, marked with
/// `//| volatile: true` on a block or `` `{swift volatile} expr` `` inline. It must still run,
/// and its claims must still reach their verdicts, but its numbers, text and figures are not
/// compared, and a rebuild that changes only them keeps the previous report's bytes.
extension ChapterResult {
    /// This result with its volatile content reduced to what must still agree (the build time is dropped): for a volatile
    /// block its index, line, code, options and status and its claims' ids, statements, rules and
    /// verdicts (of the claim and of each part); for a volatile inline value its expression.
    func withoutVolatileContent() -> ChapterResult {
        var reduced = self
        reduced.buildSeconds = nil
        reduced.segments = segments.map { segment in
            switch segment {
            case .block(var block) where block.options.volatile:
                block.outputs = []
                block.diagnostics = []
                block.claims = block.claims.map { claim in
                    var kept = claim
                    kept.parts = claim.parts.map { part in
                        var stable = part
                        stable.evidence = []
                        stable.trials = nil
                        stable.decision.explanation = ""
                        stable.decision.margin = nil
                        stable.decision.trials = nil
                        return stable
                    }
                    kept.rationale = nil
                    kept.figures = []
                    return kept
                }
                return .block(block)
            case .prose(let markdown, let line, let inline, let math, let references, let headings):
                let stable = inline.map { value -> InlineValue in
                    guard value.volatile == true else { return value }
                    var kept = value
                    kept.value = nil
                    return kept
                }
                return .prose(markdown: markdown, line: line, inline: stable, math: math, references: references, headings: headings)
            default:
                return segment
            }
        }
        return reduced
    }

    /// Whether this result and `other` differ at most in volatile content.
    func agreesOutsideVolatileContent(with other: ChapterResult) -> Bool {
        withoutVolatileContent() == other.withoutVolatileContent()
    }
}

/// The HTML comments the renderer puts around volatile content, so that a comparison of two
/// pages can leave it out.
enum VolatileMarkers {
    static let begin = "<!--normbook:volatile-->"
    static let end = "<!--/normbook:volatile-->"
}

extension ChapterResult {
    /// The images of the figures drawn by volatile blocks (compared for presence only).
    var volatileFigureImages: Set<String> {
        var images: Set<String> = []
        for block in blocks where block.options.volatile {
            for case .figure(let figure) in block.outputs { images.insert(figure.image) }
        }
        return images
    }
}
