import CCmark

/// Cuts a chapter's Markdown into front matter, prose and code blocks.
///
/// Fenced blocks are found with cmark-gfm itself, so what counts as a fence is exactly what the
/// renderer will treat as one. Only top-level ` ```swift ` fences are executed; fences nested
/// in lists or quotes, and fences in other languages, are displayed only.
public struct ChapterParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// Parses `text`, the content of the file shown to users as `file`.
    ///
    /// - Returns: the document and every problem found (the chapter may not run when any is an error).
    public func parse(_ text: String, file: String) -> (ChapterDocument, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        // Front matter: replaced by empty lines so that cmark's line numbers stay the file's.
        var frontMatter = FrontMatter()
        if lines.first == "---" {
            if let end = lines.indices.dropFirst().first(where: { lines[$0] == "---" || lines[$0] == "..." }) {
                let yaml = lines[1..<end].joined(separator: "\n")
                frontMatter = FrontMatter.parse(yaml, file: file, firstLine: 2, diagnostics: &diagnostics)
                for i in 0...end { lines[i] = "" }
            } else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                    "front matter starts with '---' but never ends", hint: "close it with a line holding only '---'"))
            }
        }
        var defaults = BlockOptions()
        for (key, value) in frontMatter.defaults.sorted(by: { $0.key < $1.key }) { _ = defaults.set(key, to: value) }

        let fences = Self.topLevelFences(in: lines.joined(separator: "\n"))
        var segments: [ChapterDocument.Segment] = []
        var nextLine = 1  // first line not yet assigned to a segment
        var executedCount = 0
        for fence in fences {
            if fence.startLine > nextLine {
                appendProse(lines, from: nextLine, to: fence.startLine - 1, into: &segments)
            }
            var block = CodeBlock(
                index: nil, language: fence.language, source: fence.content, optionLineCount: 0,
                options: defaults, fenceLine: fence.startLine, firstLine: fence.startLine + 1,
                indentation: fence.indentation)
            if fence.language == "swift" {
                parseOptions(of: &block, file: file, diagnostics: &diagnostics)
                if block.options.eval {
                    block.index = executedCount
                    executedCount += 1
                }
            }
            segments.append(.code(block))
            nextLine = fence.endLine + 1
        }
        if nextLine <= lines.count { appendProse(lines, from: nextLine, to: lines.count, into: &segments) }

        let slug = Self.slug(of: file)
        let title = frontMatter.title ?? Self.firstHeading(in: segments) ?? slug
        return (ChapterDocument(file: file, slug: slug, frontMatter: frontMatter, segments: segments, title: title), diagnostics)
    }

    private func appendProse(_ lines: [String], from: Int, to: Int, into segments: inout [ChapterDocument.Segment]) {
        let text = lines[(from - 1)..<to].joined(separator: "\n")
        if !text.allSatisfy({ $0 == "\n" || $0 == " " }) { segments.append(.prose(text, line: from)) }
    }

    /// Reads the leading `//| key: value` lines of a Swift block.
    private func parseOptions(of block: inout CodeBlock, file: String, diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for (offset, line) in block.source.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            guard trimmed.hasPrefix("//|") else { break }
            block.optionLineCount = offset + 1
            let lineNumber = block.firstLine + offset
            let leading = line.count - trimmed.count
            let body = trimmed.dropFirst(3)
            let keyStart = leading + 3 + body.prefix(while: { $0 == " " }).count
            let at = SourceLocation(file: file, line: lineNumber, column: block.indentation + keyStart + 1)
            guard let colon = body.firstIndex(of: ":") else {
                diagnostics.append(Diagnostic(.error, at: at, "a block option needs the form `//| key: value`",
                    hint: "write e.g. `//| label: fig-norms`"))
                continue
            }
            let key = String(body[..<colon]).trimmingWhitespace()
            let value = String(body[body.index(after: colon)...]).trimmingWhitespace()
            guard BlockOptions.keys.contains(key) else {
                diagnostics.append(FrontMatter.unknownKey(key, known: BlockOptions.keys, at: at, what: "block option"))
                continue
            }
            if !seen.insert(key).inserted {
                diagnostics.append(Diagnostic(.error, at: at, "the option '\(key)' is given twice", hint: "keep one of them"))
            }
            if let expected = block.options.set(key, to: value) {
                let valueColumn = at.column + (line.distance(from: line.startIndex, to: colon) - (keyStart)) + 1
                    + String(body[body.index(after: colon)...]).prefix(while: { $0 == " " }).count
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: lineNumber, column: valueColumn),
                    "invalid value '\(value)' for '\(key)': expected \(expected)"))
            }
        }
    }

    /// A fenced code block found by cmark at the top level of the document.
    struct Fence {
        var language: String
        var startLine: Int
        var endLine: Int
        var indentation: Int
        var content: [String]
    }

    /// The fenced code blocks that are direct children of the document, in order.
    static func topLevelFences(in markdown: String) -> [Fence] {
        var fences: [Fence] = []
        CommonMark.forEachTopLevelNode(in: markdown) { current in
            var fenceLength: Int32 = 0, fenceOffset: Int32 = 0
            var fenceCharacter: CChar = 0
            guard cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK,
                cmark_node_get_fenced(current, &fenceLength, &fenceOffset, &fenceCharacter) != 0
            else { return }
            let info = cmark_node_get_fence_info(current).map { String(cString: $0) } ?? ""
            let language = info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "\t" }).first.map(String.init) ?? ""
            var literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            if literal.hasSuffix("\n") { literal.removeLast() }
            let content = literal.isEmpty ? [] : literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            fences.append(Fence(
                language: language.lowercased(),
                startLine: Int(cmark_node_get_start_line(current)),
                endLine: Int(cmark_node_get_end_line(current)),
                indentation: Int(cmark_node_get_start_column(current)) - 1,
                content: content))
        }
        return fences
    }

    static func slug(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    static func firstHeading(in segments: [ChapterDocument.Segment]) -> String? {
        for case .prose(let text, _) in segments {
            for line in text.split(separator: "\n") where line.hasPrefix("# ") {
                return String(line.dropFirst(2)).trimmingWhitespace()
            }
        }
        return nil
    }
}
