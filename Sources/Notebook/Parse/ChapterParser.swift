import CCmark

/// Cuts a chapter's Markdown into front matter, prose and code blocks.
///
/// Fenced blocks are found with cmark-gfm itself, so what counts as a fence is exactly what the
/// renderer will treat as one. Only top-level ` ```swift ` fences are executed; fences nested
/// in lists or quotes, and fences in other languages, are displayed only.
///
/// Besides option and front matter errors, the parser reports what makes a document read
/// differently from what its author meant: a top-level fence that is never closed (cmark runs
/// it to the end of the file), a label given twice, a `@fig-…`/`@tbl-…`/`@sec-…`/`@eq-…`
/// reference to no label, a heading attribute that is not a `{#sec-…}` label,
/// and a `//| data:` path that leaves the project.
struct ChapterParser: Sendable, Equatable {
    /// Whether a `@fig-…` reference to no label of the chapter is a warning instead of an error
    /// (for builds that go on despite failures).
    var unresolvedReferencesAreWarnings: Bool

    /// Creates a parser.
    ///
    /// - Parameter unresolvedReferencesAreWarnings: report `@fig-…` references to no label of
    ///   the chapter as warnings, which do not stop the chapter, instead of errors.
    ///   - projectDefaults: the project file's `seed`, `timeout` and block `defaults`, which a
    ///     chapter's front matter overrides.
    init(unresolvedReferencesAreWarnings: Bool = false, projectDefaults: FrontMatter = FrontMatter()) {
        self.unresolvedReferencesAreWarnings = unresolvedReferencesAreWarnings
        self.projectDefaults = projectDefaults
    }

    /// What every chapter of the project gets unless its front matter says otherwise.
    var projectDefaults: FrontMatter

    /// Parses `text`, the content of the file shown to users as `file`.
    ///
    /// - Returns: the document and every problem found (the chapter may not run when any is an error).
    func parse(_ text: String, file: String) -> (ChapterDocument, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var lines = Self.lines(of: text).map(String.init)
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
        frontMatter = frontMatter.inheriting(projectDefaults)
        var defaults = BlockOptions()
        for (key, value) in frontMatter.defaults.sorted(by: { $0.key < $1.key }) { _ = defaults.set(key, to: value) }

        let markdown = lines.joined(separator: "\n")
        let outline = Self.outline(of: markdown)
        let fences = outline.fences
        var segments: [ChapterDocument.Segment] = []
        var nextLine = 1  // first line not yet assigned to a segment
        var executedCount = 0
        var labelUses: [(label: String, at: SourceLocation)] = []  // block, heading and equation labels
        for fence in fences {
            if fence.startLine > nextLine {
                appendProse(lines, from: nextLine, to: fence.startLine - 1, codeLines: outline.codeLines, into: &segments)
            }
            var block = CodeBlock(
                index: nil, language: fence.language, source: fence.content, optionLineCount: 0,
                options: defaults, fenceLine: fence.startLine, firstLine: fence.startLine + 1,
                indentation: fence.indentation)
            if !fence.isClosed {
                // Its "code" is the rest of the file: report the fence alone, and never run it.
                diagnostics.append(Self.unclosedFence(fence, file: file))
            } else if fence.language == "swift" {
                let values = parseOptions(of: &block, file: file, diagnostics: &diagnostics)
                if let label = block.options.label, let at = values["label"] { labelUses.append((label, at)) }
                if block.options.eval {
                    block.index = executedCount
                    executedCount += 1
                }
            }
            segments.append(.code(block))
            nextLine = fence.endLine + 1
        }
        if nextLine <= lines.count {
            appendProse(lines, from: nextLine, to: lines.count, codeLines: outline.codeLines, into: &segments)
        }
        let sections = Self.sectionHeadings(outline.headings, lines: lines, file: file, diagnostics: &diagnostics)
        for section in sections {
            if let label = section.heading.label, let column = section.column {
                labelUses.append((label, SourceLocation(file: file, line: section.heading.line, column: column)))
            }
        }
        labelUses += Self.equationLabels(in: segments, file: file)
        diagnostics += Self.duplicateLabels(labelUses)
        // After an unclosed fence the rest of the file is code, so its labels are unknown.
        if fences.allSatisfy(\.isClosed) {
            let references = CrossReference.find(in: markdown)
            diagnostics += unresolvedReferences(references, labels: labelUses.map(\.label), file: file)
            Self.place(references, in: &segments, lines: lines)
        }
        Self.place(sections.map(\.heading), in: &segments, lines: lines)

        let slug = Self.slug(of: file)
        let headings = sections.filter { !$0.heading.title.isEmpty }.map {
            ChapterDocument.Heading(level: $0.heading.level, text: $0.heading.title, line: $0.heading.line, label: $0.heading.label)
        }
        let title = frontMatter.title ?? headings.first(where: { $0.level == 1 })?.text ?? slug
        return (
            ChapterDocument(file: file, slug: slug, frontMatter: frontMatter, segments: segments, title: title, headings: headings),
            diagnostics)
    }

    private func appendProse(
        _ lines: [String], from: Int, to: Int, codeLines: Set<Int>, into segments: inout [ChapterDocument.Segment]
    ) {
        let text = lines[(from - 1)..<to].joined(separator: "\n")
        guard !text.allSatisfy({ $0 == "\n" || $0 == " " }) else { return }
        segments.append(.prose(ChapterDocument.Prose(
            markdown: text, line: from, inlines: InlineExpression.find(in: text, firstLine: from, codeLines: codeLines),
            math: MathSpan.find(in: text, firstLine: from, codeLines: codeLines))))
    }

    /// Gives each prose segment the headings in its lines, with offsets in its own text.
    private static func place(_ headings: [SectionHeading], in segments: inout [ChapterDocument.Segment], lines: [String]) {
        guard !headings.isEmpty else { return }
        var lineStart = [0]  // UTF-8 offset of each line in the whole text
        for line in lines { lineStart.append(lineStart[lineStart.count - 1] + line.utf8.count + 1) }
        for k in segments.indices {
            guard case .prose(var prose) = segments[k] else { continue }
            let first = prose.line, last = prose.line + prose.markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            prose.headings = headings.filter { $0.line >= first && $0.line <= last }.map { heading in
                var placed = heading
                placed.offset = heading.offset.map { $0 - lineStart[first - 1] }
                return placed
            }
            segments[k] = .prose(prose)
        }
    }

    /// The prose's headings with their `{#sec-…}` labels (and the column of each label's `{`);
    /// an attribute that is not a valid section label is an error at its place.
    private static func sectionHeadings(
        _ outline: [(level: Int, line: Int, endLine: Int)], lines: [String], file: String, diagnostics: inout [Diagnostic]
    ) -> [(heading: SectionHeading, column: Int?)] {
        var lineStart = [0]
        for line in lines { lineStart.append(lineStart[lineStart.count - 1] + line.utf8.count + 1) }
        var sections: [(heading: SectionHeading, column: Int?)] = []
        for entry in outline {
            // An ATX heading is one line; a setext heading's text ends on the last line before its
            // underline (cmark's end line is not always the underline's).
            let atx = entry.endLine <= entry.line
            var textLine = entry.line
            if !atx {
                var l = min(entry.endLine, lines.count)
                while l > entry.line, Self.isSetextUnderlineOrBlank(lines[l - 1]) { l -= 1 }
                textLine = l
            }
            guard textLine >= 1, textLine <= lines.count else { continue }
            let line = lines[textLine - 1]
            var heading = SectionHeading(level: entry.level, title: "", line: textLine)
            var column: Int?
            var text = line
            switch SectionHeading.attribute(in: line, atx: atx) {
            case .label(let label, let at, let byteOffset, let byteLength)?:
                heading.label = label
                heading.offset = lineStart[textLine - 1] + byteOffset
                heading.length = byteLength
                column = at
                text = String(decoding: Array(line.utf8)[..<byteOffset], as: UTF8.self)
            case .invalid(let written, let at)?:
                diagnostics.append(Diagnostic(
                    .error, at: SourceLocation(file: file, line: textLine, column: at),
                    "'\(written)' is not a section label",
                    hint: "a heading's label is written `{#sec-name}` (letters, digits, '-' and '_' after 'sec-') at the end of the heading"))
            case nil:
                break
            }
            // The title of a setext heading spans its lines; an ATX heading's is on its line.
            let titleLines = atx ? [text] : Array(lines[(entry.line - 1)..<(textLine - 1)]) + [text]
            heading.title = titleLines.compactMap(Self.headingText).joined(separator: " ")
            sections.append((heading, column))  // empty ones too: the renderer counts the headings of a segment
        }
        return sections
    }

    /// Whether `line` is empty or only `=` or `-` characters (with spaces): a setext underline.
    private static func isSetextUnderlineOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty || trimmed.allSatisfy({ $0 == "=" }) || trimmed.allSatisfy({ $0 == "-" })
    }

    /// The labels of display equations (`$$ … $$ {#eq-…}`), at their `{`.
    private static func equationLabels(in segments: [ChapterDocument.Segment], file: String) -> [(label: String, at: SourceLocation)] {
        var uses: [(label: String, at: SourceLocation)] = []
        for case .prose(let prose) in segments {
            let bytes = Array(prose.markdown.utf8)
            for span in prose.math {
                guard let label = span.label, span.offset + span.length <= bytes.count else { continue }
                // The label's `{` is the last one of the span.
                guard let brace = bytes[span.offset..<(span.offset + span.length)].lastIndex(of: UInt8(ascii: "{")) else { continue }
                let before = bytes[..<brace]
                let line = prose.line + before.filter { $0 == UInt8(ascii: "\n") }.count
                let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
                let column = String(decoding: bytes[lineStart..<brace], as: UTF8.self).count + 1
                uses.append((label, SourceLocation(file: file, line: line, column: column)))
            }
        }
        return uses
    }

    /// A label given twice (to blocks, headings or equations) is an error at its second use.
    private static func duplicateLabels(_ uses: [(label: String, at: SourceLocation)]) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for use in uses.sorted(by: { ($0.at.line, $0.at.column) < ($1.at.line, $1.at.column) }) {
            if let line = first[use.label] {
                diagnostics.append(Diagnostic(.error, at: use.at, "label '\(use.label)' is already used at line \(line)",
                    hint: "labels name one block, heading or equation each; rename one of them"))
            } else {
                first[use.label] = use.at.line
            }
        }
        return diagnostics
    }

    /// Gives each prose segment the references in its lines, with offsets in its own text.
    private static func place(_ references: [CrossReference], in segments: inout [ChapterDocument.Segment], lines: [String]) {
        guard !references.isEmpty else { return }
        var lineStart = [0]  // UTF-8 offset of each line in the whole text
        for line in lines { lineStart.append(lineStart[lineStart.count - 1] + line.utf8.count + 1) }
        for k in segments.indices {
            guard case .prose(var prose) = segments[k] else { continue }
            let first = prose.line, last = prose.line + prose.markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            prose.references = references.filter { $0.line >= first && $0.line <= last }.map { reference in
                var placed = reference
                placed.offset -= lineStart[first - 1]
                return placed
            }
            segments[k] = .prose(prose)
        }
    }

    /// The error for a top-level fence that cmark ran to the end of the file.
    static func unclosedFence(_ fence: Fence, file: String) -> Diagnostic {
        let run = String(repeating: String(fence.character), count: fence.length)
        return Diagnostic(
            .error, at: SourceLocation(file: file, line: fence.startLine, column: fence.indentation + 1),
            "this \(run)\(fence.info) fence is never closed",
            hint: "close it with \(run) on a line of its own; until then everything to the end of the file is its code")
    }

    /// References in prose that name no label of the chapter (of a block, a heading or an
    /// equation). A label with a number after it (`fig-x-2`, `tbl-x-2`) names the second chart
    /// or table of the block labelled `fig-x` or `tbl-x`.
    private func unresolvedReferences(_ references: [CrossReference], labels: [String], file: String) -> [Diagnostic] {
        guard !references.isEmpty else { return [] }
        var ordered: [String] = []
        for label in labels where !ordered.contains(label) { ordered.append(label) }
        let known = Set(ordered)
        var diagnostics: [Diagnostic] = []
        for reference in references {
            if known.contains(reference.label) { continue }
            if let dash = reference.label.lastIndex(of: "-"), let n = Int(reference.label[reference.label.index(after: dash)...]),
                n >= 2, known.contains(String(reference.label[..<dash])),
                reference.kind == .figure || reference.kind == .table
            {
                continue
            }
            let kind = reference.kind ?? .figure
            let sameKind = ordered.filter { CrossReference.kind(of: $0) == kind }
            let hint: String
            if let suggestion = Suggestion.closest(to: reference.label, in: sameKind) {
                hint = "did you mean @\(suggestion)?"
            } else if !sameKind.isEmpty {
                hint = "\(kind.noun.lowercased()) labels in this chapter: " + sameKind.joined(separator: ", ")
            } else {
                switch kind {
                case .figure:
                    hint = "no block of this chapter has a figure label; give the block that shows the chart `//| label: \(reference.label)`"
                case .table:
                    hint = "no block of this chapter has a table label; give the block that shows the table `//| label: \(reference.label)`"
                case .section:
                    hint = "no heading of this chapter has a section label; end the heading with `{#\(reference.label)}`"
                case .equation:
                    hint = "no equation of this chapter has a label; write `$$ … $$ {#\(reference.label)}`"
                }
            }
            diagnostics.append(Diagnostic(
                unresolvedReferencesAreWarnings ? .warning : .error,
                at: SourceLocation(file: file, line: reference.line, column: reference.column),
                "@\(reference.label) refers to no label in this chapter", hint: hint))
        }
        return diagnostics
    }

    /// Reads the leading `//| key: value` lines of a Swift block.
    ///
    /// - Returns: where the value of each option that was set is written.
    private func parseOptions(of block: inout CodeBlock, file: String, diagnostics: inout [Diagnostic]) -> [String: SourceLocation] {
        var values: [String: SourceLocation] = [:]
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
            let valueColumn = at.column + (line.distance(from: line.startIndex, to: colon) - (keyStart)) + 1
                + String(body[body.index(after: colon)...]).prefix(while: { $0 == " " }).count
            let valueAt = SourceLocation(file: file, line: lineNumber, column: valueColumn)
            if let expected = block.options.set(key, to: value) {
                diagnostics.append(Diagnostic(.error, at: valueAt, "invalid value '\(value)' for '\(key)': expected \(expected)"))
                continue
            }
            values[key] = valueAt
            if key == "data" {
                // Paths that leave the project are reported and dropped, so that nothing reads them.
                for path in block.options.data where BlockOptions.liesOutsideProject(path) {
                    diagnostics.append(BlockOptions.outsideProject(path, at: at))
                }
                block.options.data.removeAll(where: BlockOptions.liesOutsideProject)
            }
        }
        return values
    }

    /// A fenced code block found by cmark at the top level of the document.
    struct Fence {
        /// The first word of the info string, lowercased.
        var language: String
        var startLine: Int
        var endLine: Int
        var indentation: Int
        var content: [String]
        /// The fence character, `` ` `` or `~`, and how many open the block.
        var character: Character = "`"
        var length = 3
        /// The first word of the info string as written.
        var info = ""
        /// False when no closing fence was found: cmark then ran the block to the end of the file.
        var isClosed = true
    }

    /// What one walk of cmark's tree tells about a chapter.
    struct Outline {
        /// The fenced code blocks that are direct children of the document, in order.
        var fences: [Fence] = []
        /// The lines of every code block and raw HTML block (where `{swift}` spans are not values).
        var codeLines: Set<Int> = []
        /// The headings' levels, first and last lines, in order.
        var headings: [(level: Int, line: Int, endLine: Int)] = []
    }

    /// Walks cmark's tree of `markdown` once.
    static func outline(of markdown: String) -> Outline {
        var outline = Outline()
        let lines = Self.lines(of: markdown)
        CommonMark.forEachNode(in: markdown) { node in
            let type = cmark_node_get_type(node)
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT,
                let fence = topLevelFence(node, lines: lines)
            {
                outline.fences.append(fence)
            }
            let start = Int(cmark_node_get_start_line(node)), end = Int(cmark_node_get_end_line(node))
            if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK, start > 0, end >= start {
                outline.codeLines.formUnion(start...end)
            } else if type == CMARK_NODE_HEADING {
                outline.headings.append((Int(cmark_node_get_heading_level(node)), start, end))
            }
        }
        return outline
    }

    /// The text of a heading line (ATX `# Title #` or the text line of a setext heading).
    static func headingText(_ line: String) -> String? {
        var text = Substring(line).drop(while: { $0 == " " })
        if text.hasPrefix("#") {
            text = text.drop(while: { $0 == "#" })
            while text.hasSuffix("#") || text.hasSuffix(" ") { text = text.dropLast() }
        }
        let title = String(text).trimmingWhitespace()
        return title.isEmpty ? nil : title
    }

    /// The fence a direct child of the document is, if it is a fenced code block.
    static func topLevelFence(_ current: OpaquePointer, lines: [Substring]) -> Fence? {
        var fenceLength: Int32 = 0, fenceOffset: Int32 = 0
        var fenceCharacter: CChar = 0
        guard cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK,
            cmark_node_get_fenced(current, &fenceLength, &fenceOffset, &fenceCharacter) != 0
        else { return nil }
        let info = cmark_node_get_fence_info(current).map { String(cString: $0) } ?? ""
        let language = info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "\t" }).first.map(String.init) ?? ""
        var literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
        if literal.hasSuffix("\n") { literal.removeLast() }
        let content = literal.isEmpty ? [] : literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let startLine = Int(cmark_node_get_start_line(current))
        let endLine = Int(cmark_node_get_end_line(current))
        let character: Character = fenceCharacter == CChar(UInt8(ascii: "~")) ? "~" : "`"
        let length = max(3, Int(fenceLength))
        // cmark ends a fence that is never closed at the end of the document; a closed one
        // ends on its closing line.
        let isClosed = endLine > startLine && endLine <= lines.count
            && Self.isClosingFence(lines[endLine - 1], character: character, length: length)
        return Fence(
            language: language.lowercased(), startLine: startLine, endLine: endLine,
            indentation: Int(cmark_node_get_start_column(current)) - 1, content: content,
            character: character, length: length, info: language, isClosed: isClosed)
    }

    /// Whether `line` closes a fence opened by `length` times `character` (CommonMark: at most
    /// three spaces of indentation, at least as many of the same character, then only spaces).
    static func isClosingFence(_ line: Substring, character: Character, length: Int) -> Bool {
        let indentation = line.prefix(while: { $0 == " " }).count
        guard indentation <= 3 else { return false }
        let rest = line.dropFirst(indentation)
        let run = rest.prefix(while: { $0 == character }).count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }

    /// The lines of `text`, ended by LF, CRLF or CR as in CommonMark (a CRLF is one `Character`,
    /// so splitting on `"\n"` alone would keep a Windows file in one line).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    static func slug(of file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

}
