/// A fenced code block of a chapter, with its exact place in the Markdown file.
public struct CodeBlock: Codable, Sendable, Equatable {
    /// The position among the chapter's executed blocks (0-based), nil for displayed-only fences.
    public var index: Int?
    /// The fence's language (`swift`, `python`, …), empty when none is given.
    public var language: String
    /// The block's lines as written, including `//|` option lines (fence indentation removed).
    public var source: [String]
    /// How many leading lines of `source` are option lines.
    public var optionLineCount: Int
    /// The parsed options.
    public var options: BlockOptions
    /// The line of the opening fence.
    public var fenceLine: Int
    /// The line of the first line of `source`.
    public var firstLine: Int
    /// The columns removed from the start of each line (the fence's indentation).
    public var indentation: Int

    /// Whether the block is compiled and run.
    public var isExecuted: Bool { index != nil }

    /// The code without its option lines, as shown in the report.
    public var displayedCode: String {
        source.dropFirst(optionLineCount).joined(separator: "\n")
    }
}
