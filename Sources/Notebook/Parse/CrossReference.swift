import CCmark

/// A citation in a chapter's prose — `@fig-label` (a figure), `@tbl-label` (a table),
/// `@sec-label` (a section) or `@eq-label` (a display equation) — found where the renderer
/// links it: in text, not in code spans, code blocks, raw HTML or autolinks.
struct CrossReference: Codable, Sendable, Equatable {
    /// The cited label, e.g. `fig-norms`.
    var label: String
    /// The 1-based line of the `@`.
    var line: Int
    /// The 1-based column of the `@`, in characters.
    var column: Int
    /// Where `@label` lies in the text it was found in (then: in its prose segment), in UTF-8
    /// bytes: what the renderer replaces by the link.
    var offset = 0
    var length = 0

    /// The kinds of things a reference can cite, by the prefix of their labels.
    enum Kind: String, CaseIterable, Sendable {
        case figure = "fig", table = "tbl", section = "sec", equation = "eq"

        /// How a reference to this kind reads in the report ("Figure 2").
        var noun: String {
            switch self {
            case .figure: return "Figure"
            case .table: return "Table"
            case .section: return "Section"
            case .equation: return "Equation"
            }
        }
    }

    /// What the label cites, by its prefix.
    var kind: Kind? { Self.kind(of: label) }

    /// The kind a label names by its prefix (`tbl-x` → table), nil for other labels.
    static func kind(of label: String) -> Kind? {
        guard let dash = label.firstIndex(of: "-") else { return nil }
        return Kind(rawValue: String(label[..<dash]))
    }

    /// What starts a reference: `@fig-`, `@tbl-`, `@sec-`, `@eq-`.
    static let markers = Kind.allCases.map { "@" + $0.rawValue + "-" }

    /// The references of `markdown` in order.
    ///
    /// cmark decides what is text. Its source positions for inline nodes are not exact (a
    /// paragraph's continuation line loses its indentation, and lines are miscounted after a
    /// code span that spans lines), so positions are not taken from it: every `@fig-` of the
    /// file is first given its own spelling of the same length and character classes
    /// (`@fig-` → `@kqa-`, `@eq-` → `@kq-`), the document is parsed once more, and each spelling found in a
    /// text node names an occurrence whose line and column are known exactly.
    static func find(in markdown: String) -> [CrossReference] {
        let bytes = Array(markdown.utf8)
        let markers = Self.markers.map { Array($0.utf8) }
        // Every `@fig-` (or another marker) with a name after it, by byte offset.
        var occurrences: [(offset: Int, label: String, length: Int)] = []
        var existing: Set<[UInt8]> = []  // `@xy-` and `@xyz-` spellings already in the file
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "@") else { i += 1; continue }
            if let spelling = Self.spelling(in: bytes, at: i) { existing.insert(spelling) }
            if let marker = markers.first(where: { i + $0.count <= bytes.count && bytes[i..<(i + $0.count)].elementsEqual($0) }) {
                let prefix = String(decoding: marker.dropFirst(), as: UTF8.self)
                if let label = Self.label(in: bytes, after: i + marker.count, prefix: prefix) {
                    occurrences.append((i, label, marker.count))
                }
                i += marker.count
            } else {
                i += 1
            }
        }
        guard !occurrences.isEmpty else { return [] }

        // Give each occurrence a spelling of its marker's length that appears nowhere else in the file.
        var tokenised = bytes
        var occurrenceOfSpelling: [[UInt8]: Int] = [:]
        let letters = Array("abcdefghijklmnopqrstuvxyz".utf8)  // no `w`: nothing like `www.` for the autolinker
        var codes: [Int: Int] = [:]  // next code by number of letters
        for (k, occurrence) in occurrences.enumerated() {
            let width = occurrence.length - 2  // letters between `@` and `-`
            var spelling: [UInt8]
            repeat {
                let code = codes[width, default: 0]
                var limit = 1
                for _ in 0..<width { limit *= letters.count }
                guard code < limit else { return [] }
                spelling = [UInt8(ascii: "@")]
                var rest = code
                var word: [UInt8] = []
                for _ in 0..<width {
                    word.insert(letters[rest % letters.count], at: 0)
                    rest /= letters.count
                }
                spelling += word + [UInt8(ascii: "-")]
                codes[width] = code + 1
            } while existing.contains(spelling)
            tokenised.replaceSubrange(occurrence.offset..<(occurrence.offset + spelling.count), with: spelling)
            occurrenceOfSpelling[spelling] = k
        }

        // The occurrences whose spelling cmark leaves in a text node.
        var cited: Set<Int> = []
        CommonMark.forEachNode(in: String(decoding: tokenised, as: UTF8.self)) { node in
            guard cmark_node_get_type(node) == CMARK_NODE_TEXT,
                let literal = cmark_node_get_literal(node).map({ Array(String(cString: $0).utf8) })
            else { return }
            // The text of an autolink (`<https://…>`, `a@b.org`) is its address, not prose.
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK,
                let url = cmark_node_get_url(parent).map({ Array(String(cString: $0).utf8) }),
                url == literal || url == Array("mailto:".utf8) + literal
            {
                return
            }
            for j in literal.indices where literal[j] == UInt8(ascii: "@") {
                if let spelling = Self.spelling(in: literal, at: j), let k = occurrenceOfSpelling[spelling] {
                    cited.insert(k)
                }
            }
        }

        // Lines and columns of the cited occurrences.
        var references: [CrossReference] = []
        var line = 1, lineStart = 0, scanned = 0
        for (k, occurrence) in occurrences.enumerated() where cited.contains(k) {
            while scanned < occurrence.offset {
                if bytes[scanned] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = scanned + 1
                }
                scanned += 1
            }
            let column = String(decoding: bytes[lineStart..<occurrence.offset], as: UTF8.self).count + 1
            references.append(CrossReference(
                label: occurrence.label, line: line, column: column, offset: occurrence.offset,
                length: 1 + occurrence.label.utf8.count))
        }
        return references
    }

    /// `@` followed by two or three lowercase ASCII letters and `-`, at `i`.
    private static func spelling(in bytes: [UInt8], at i: Int) -> [UInt8]? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "@") else { return nil }
        var end = i + 1
        while end < bytes.count, end - i <= 3, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { end += 1 }
        let width = end - i - 1
        guard width >= 2, width <= 3, end < bytes.count, bytes[end] == UInt8(ascii: "-") else { return nil }
        return Array(bytes[i...end])
    }

    /// The label of a reference whose name starts at byte `start`, by the renderer's rule
    /// (`ProseRenderer`): letters, digits, `-` and `_`, without trailing `-`
    /// or `_` (a sentence may end right after it). Nil when the name is empty.
    private static func label(in bytes: [UInt8], after start: Int, prefix: String) -> String? {
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var name = String(String(decoding: bytes[start..<end], as: UTF8.self)
            .prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }))
        while name.hasSuffix("-") || name.hasSuffix("_") { name.removeLast() }
        return name.isEmpty ? nil : prefix + name
    }
}
