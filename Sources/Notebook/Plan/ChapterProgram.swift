/// The Swift program generated for one chapter: its executed blocks at top level, in order,
/// each preceded by a `#sourceLocation` directive so that compiler diagnostics, runtime traps
/// and debug information point into the Markdown file.
public struct ChapterProgram: Sendable, Equatable {
    /// The modules every chapter imports implicitly.
    public static let implicitImports = ["Foundation", "Regularization", "NotebookRuntime"]

    /// The generated `main.swift`.
    public var source: String
    /// The chapter file the directives name.
    public var file: String
    /// For each executed block, the Markdown line of its first line and its indentation.
    public var blocks: [(firstLine: Int, lastLine: Int, indentation: Int)]

    /// Generates the program for a parsed chapter.
    public init(document: ChapterDocument) {
        file = document.file
        var text = ChapterProgram.implicitImports.map { "import \($0)\n" }.joined()
        var blocks: [(Int, Int, Int)] = []
        var inlineCount = 0
        for segment in document.segments {
            switch segment {
            case .code(let block):
                guard let index = block.index else { continue }
                text += "_normbookBeginCell(\(index))\n"
                text += "#sourceLocation(file: \(Self.literal(document.file)), line: \(block.firstLine))\n"
                for line in block.source { text += line + "\n" }
                text += "#sourceLocation()\n"
                blocks.append((block.firstLine, block.firstLine + max(0, block.source.count - 1), block.indentation))
            case .prose(let markdown, let line):
                // Inline values are evaluated where they stand: after the blocks before them.
                // The expression keeps its Markdown line and column for diagnostics.
                for inline in InlineExpression.find(in: markdown, firstLine: line) {
                    text += "_normbookInline(\(inlineCount)) {\n"
                    text += "#sourceLocation(file: \(Self.literal(document.file)), line: \(inline.line))\n"
                    text += String(repeating: " ", count: max(0, inline.column - 1)) + inline.expression + "\n"
                    text += "#sourceLocation()\n}\n"
                    inlineCount += 1
                }
            }
        }
        text += "_normbookFinish()\n"
        source = text
        self.blocks = blocks
    }

    /// The executed block (0-based) that holds a Markdown line, if any.
    public func block(containing line: Int) -> Int? {
        blocks.firstIndex { line >= $0.firstLine && line <= $0.lastLine }
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    public static func == (a: ChapterProgram, b: ChapterProgram) -> Bool {
        a.source == b.source && a.file == b.file
    }
}
