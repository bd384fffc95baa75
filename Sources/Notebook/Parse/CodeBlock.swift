/// A fenced code block of a chapter, with its exact place in the Markdown file.
struct CodeBlock: Codable, Sendable, Equatable {
    /// The position among the chapter's executed blocks (0-based), nil for displayed-only fences.
    var index: Int?
    /// The fence's language (`swift`, `python`, …), empty when none is given.
    var language: String
    /// The block's lines as written, including `//|` option lines (fence indentation removed).
    var source: [String]
    /// How many leading lines of `source` are option lines.
    var optionLineCount: Int
    /// The parsed options.
    var options: BlockOptions
    /// The line of the opening fence.
    var fenceLine: Int
    /// The line of the first line of `source`.
    var firstLine: Int
    /// The columns removed from the start of each line (the fence's indentation).
    var indentation: Int

    /// Whether the block is compiled and run.
    var isExecuted: Bool { index != nil }

    /// The code without its option lines, as shown in the report.
    var displayedCode: String {
        source.dropFirst(optionLineCount).joined(separator: "\n")
    }
}
