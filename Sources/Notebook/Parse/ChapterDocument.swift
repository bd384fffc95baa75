/// A parsed chapter: its front matter and its text cut into prose and code blocks, each
/// knowing its lines in the Markdown file.
struct ChapterDocument: Sendable, Equatable {
    /// A run of the chapter: prose Markdown or a code block.
    enum Segment: Sendable, Equatable {
        /// Markdown text starting at `line`.
        case prose(String, line: Int)
        /// A fenced code block.
        case code(CodeBlock)
    }

    /// The path as shown in diagnostics, e.g. `chapters/01-norms.md`.
    var file: String
    /// The file name without `.md`, used for the page and results names.
    var slug: String
    /// The front matter (empty when there is none).
    var frontMatter: FrontMatter
    /// The chapter in order.
    var segments: [Segment]
    /// The chapter's title: the front matter's, else the first level-1 heading, else the slug.
    var title: String

    /// The executed Swift blocks in order.
    var executedBlocks: [CodeBlock] {
        segments.compactMap { if case .code(let b) = $0, b.isExecuted { return b } else { return nil } }
    }
}
