import Charts
import NotebookProtocol

/// The outcome of one chapter, stored as canonical JSON in `output/_results/<slug>.json`.
/// Rendering reads only this: prose, code, printed output, figures, tables and diagnostics.
public struct ChapterResult: Codable, Sendable, Equatable {
    /// Whether a chapter built.
    public enum Status: String, Codable, Sendable {
        /// Every executed block ran to its end.
        case succeeded
        /// A block did not compile, trapped, exited early or ran too long, or the source is invalid.
        case failed
    }

    /// A run of the chapter, in order.
    enum Segment: Codable, Sendable, Equatable {
        /// Markdown prose starting at `line`, with the values of its inline expressions.
        case prose(
            markdown: String, line: Int, inline: [InlineValue], math: [MathSpan] = [], references: [CrossReference] = [],
            headings: [SectionHeading] = [])
        /// A code block and what it produced.
        case block(BlockResult)
    }

    /// The version of this file format.
    var formatVersion = 1
    /// The chapter file, e.g. `chapters/01-norms.md`.
    var file: String
    /// The page name without extension.
    var slug: String
    /// The chapter title.
    var title: String
    /// Whether the chapter built.
    var status: Status
    /// The chapter in order.
    var segments: [Segment]
    /// Diagnostics that belong to no block (front matter, the program as a whole).
    var diagnostics: [Diagnostic]
    /// Values recorded with `record(_:_:)`, by name.
    var values: [String: Value]
    /// Where the numbers came from.
    var provenance: Provenance
    /// How long the run that produced this result took to compile and run the chapter, in
    /// seconds (rounded to milliseconds). Volatile: never compared, and a rebuild that changes
    /// only this keeps the report's previous value. Sharded builds balance shards by it
    /// (`ShardAssignment`). Nil in results written before it was recorded.
    var buildSeconds: Double?

    /// The blocks in order.
    var blocks: [BlockResult] {
        segments.compactMap { if case .block(let b) = $0 { return b } else { return nil } }
    }

    /// Every diagnostic of the chapter, chapter-level first, then block by block.
    var allDiagnostics: [Diagnostic] { diagnostics + blocks.flatMap(\.diagnostics) }

    /// Every claim of the chapter in order.
    var claims: [ClaimResult] { blocks.flatMap(\.claims) }

    /// Every figure of the chapter in order.
    var figures: [Figure] {
        blocks.flatMap { $0.outputs.compactMap { if case .figure(let f) = $0 { return f } else { return nil } } }
    }
}

/// A code block in the results: its code, options, status and outputs.
struct BlockResult: Codable, Sendable, Equatable {
    /// What became of a block.
    enum Status: String, Codable, Sendable {
        /// It ran to its end.
        case succeeded
        /// It failed to compile, trapped, exited or timed out.
        case failed
        /// An earlier block failed, so it did not run.
        case notRun
        /// It is not executed (`eval: false`, or not a Swift block).
        case displayOnly
    }

    /// The position among executed blocks, nil for displayed-only blocks.
    var index: Int?
    /// The fence's language.
    var language: String
    /// The code as shown (without option lines).
    var code: String
    /// The line of the opening fence.
    var line: Int
    /// The block's options.
    var options: BlockOptions
    /// What became of it.
    var status: Status
    /// What it printed and showed, in order.
    var outputs: [BlockOutput]
    /// Errors and warnings that point into it.
    var diagnostics: [Diagnostic]
    /// The claims it decided.
    var claims: [ClaimResult] = []
}

/// One item of a block's output.
enum BlockOutput: Codable, Sendable, Equatable {
    /// Text printed to stdout.
    case text(String)
    /// Text printed to stderr.
    case errorText(String)
    /// A chart, drawn as a numbered figure.
    case figure(Figure)
    /// A table.
    case table(Table)
}

/// A chart shown by a block, numbered within its chapter.
struct Figure: Codable, Sendable, Equatable {
    /// The figure number within the chapter, from 1.
    var number: Int
    /// The anchor (`fig-…`) that prose cites as `@fig-…`.
    var label: String?
    /// The caption under the image.
    var caption: String?
    /// The chart specification.
    var chart: Chart
    /// The image's path relative to the report folder, e.g. `figures/01-norms-1.png`.
    var image: String
}

/// Where a chapter's numbers came from.
struct Provenance: Codable, Sendable, Equatable {
    /// normbook's version.
    var normbook: String
    /// The Swift compiler that built the chapter (`swiftc --version`, first line).
    var compiler: String
    /// The BLAS and how it ran.
    var blas: String
    /// The chapter's seed.
    var seed: UInt64?
    /// SHA-256 over everything in the chapter that can change its results: front matter, the
    /// executed blocks and their options, inline expressions and the declared data files.
    /// A stored result whose key matches the chapter's is up to date.
    var inputsKey: String = ""
}

extension ChapterResult.Segment {
    /// A parsed prose segment with its inline values: `value(k, expression)` gives the value of
    /// the chapter's `k`-th inline expression; `next` counts the chapter's expressions so far.
    static func prose(
        _ prose: ChapterDocument.Prose, next: inout Int, value: (Int, InlineExpression) -> Value?
    ) -> ChapterResult.Segment {
        let inline = prose.inlines.map { expression -> InlineValue in
            defer { next += 1 }
            return InlineValue(expression, value: value(next, expression))
        }
        return .prose(
            markdown: prose.markdown, line: prose.line, inline: inline, math: prose.math, references: prose.references,
            headings: prose.headings)
    }
}
