/// The Swift program generated for one chapter: its executed blocks at top level, in order,
/// each preceded by a `#sourceLocation` directive so that compiler diagnostics, runtime traps
/// and debug information point into the Markdown file.
struct ChapterProgram: Sendable, Equatable {
    /// The modules every chapter imports implicitly.
    static let implicitImports = ["Foundation", "Regularization", "NotebookRuntime"]

    /// The generated `main.swift`.
    var source: String
    /// The chapter file the directives name.
    var file: String
    /// For each executed block, the Markdown line of its first line and its indentation.
    var blocks: [(firstLine: Int, lastLine: Int, indentation: Int)]

    /// Generates the program for a parsed chapter.
    init(document: ChapterDocument) {
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
            case .prose(let prose):
                // Inline values are evaluated where they stand: after the blocks before them.
                // The expression keeps its Markdown line and column for diagnostics.
                for inline in prose.inlines {
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
    func block(containing line: Int) -> Int? {
        blocks.firstIndex { line >= $0.firstLine && line <= $0.lastLine }
    }

    /// The chapter file as the compiler names it in diagnostics, `#filePath` and debug
    /// information: swiftc takes the text between the quotes of `#sourceLocation(file: "…")`
    /// without decoding its escapes, so a `"` or `\` in the file name appears escaped
    /// (`02 a\"b.md`). Equal to `file` for every name without quotes, backslashes or control
    /// characters.
    var compiledFile: String { Self.escaped(file) }

    /// A Swift string literal for `text`: a valid literal whatever the text holds.
    static func literal(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// `text` with `"` and `\` escaped and control characters (which a string literal cannot
    /// hold) written as escapes; everything else, non-ASCII included, as it is.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\0": out += "\\0"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func == (a: ChapterProgram, b: ChapterProgram) -> Bool {
        a.source == b.source && a.file == b.file
    }
}
