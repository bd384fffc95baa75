/// A parsed chapter: its front matter and its text cut into prose and code blocks, each
/// knowing its lines in the Markdown file.
struct ChapterDocument: Sendable, Equatable {
    /// A run of the chapter: prose Markdown or a code block.
    enum Segment: Sendable, Equatable {
        /// Markdown text and what the parser found in it.
        case prose(Prose)
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
    /// The headings of the prose (not those inside lists or quotes' code), in order.
    var headings: [Heading] = []

    /// A heading: its level (1 for `#`), its text as written (without its `{#sec-…}` label),
    /// its line, its label.
    struct Heading: Sendable, Equatable {
        var level: Int
        var text: String
        var line: Int
        var label: String? = nil
    }

    /// A run of prose, with what later stages need from it found once, here.
    struct Prose: Sendable, Equatable {
        /// The Markdown text.
        var markdown: String
        /// Its first line in the file.
        var line: Int
        /// Its inline values (`` `{swift} expr` ``), in order, with their places in `markdown`.
        var inlines: [InlineExpression]
        /// Its math (`$…$`, `$$…$$`), in order, with their places in `markdown`.
        var math: [MathSpan] = []
        /// Its `@fig-…`, `@tbl-…`, `@sec-…` and `@eq-…` references, in order, with their places in `markdown`.
        var references: [CrossReference] = []
        /// Its headings, in order, with the places of their `{#sec-…}` labels in `markdown`.
        var headings: [SectionHeading] = []
    }

    /// Every inline expression of the chapter, in order (their index is their position here).
    var inlineExpressions: [InlineExpression] {
        segments.flatMap { if case .prose(let prose) = $0 { return prose.inlines } else { return [] } }
    }

    /// The executed Swift blocks in order.
    var executedBlocks: [CodeBlock] {
        segments.compactMap { if case .code(let b) = $0, b.isExecuted { return b } else { return nil } }
    }
}
