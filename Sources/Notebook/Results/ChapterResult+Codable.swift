import NotebookProtocol

// The results store is read by people and diffed in review, so its enums are written as
// objects with a `kind` field rather than Swift's synthesized `{"case": {"_0": …}}` form.

extension ChapterResult.Segment {
    private enum CodingKeys: String, CodingKey { case kind, markdown, line, block, inline, math, references, headings }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "prose":
            self = .prose(
                markdown: try c.decode(String.self, forKey: .markdown), line: try c.decode(Int.self, forKey: .line),
                inline: try c.decodeIfPresent([InlineValue].self, forKey: .inline) ?? [],
                math: try c.decodeIfPresent([MathSpan].self, forKey: .math) ?? [],
                references: try c.decodeIfPresent([CrossReference].self, forKey: .references) ?? [],
                headings: try c.decodeIfPresent([SectionHeading].self, forKey: .headings) ?? [])
        case "block": self = .block(try c.decode(BlockResult.self, forKey: .block))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown segment kind '\(other)'")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .prose(let markdown, let line, let inline, let math, let references, let headings):
            try c.encode("prose", forKey: .kind)
            try c.encode(markdown, forKey: .markdown)
            try c.encode(line, forKey: .line)
            if !inline.isEmpty { try c.encode(inline, forKey: .inline) }
            if !math.isEmpty { try c.encode(math, forKey: .math) }
            if !references.isEmpty { try c.encode(references, forKey: .references) }
            if !headings.isEmpty { try c.encode(headings, forKey: .headings) }
        case .block(let block):
            try c.encode("block", forKey: .kind)
            try c.encode(block, forKey: .block)
        }
    }
}

extension BlockOutput {
    private enum CodingKeys: String, CodingKey { case kind, text, figure, table }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "stderr": self = .errorText(try c.decode(String.self, forKey: .text))
        case "figure": self = .figure(try c.decode(Figure.self, forKey: .figure))
        case "table": self = .table(try c.decode(Table.self, forKey: .table))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown output kind '\(other)'")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try c.encode("text", forKey: .kind)
            try c.encode(text, forKey: .text)
        case .errorText(let text):
            try c.encode("stderr", forKey: .kind)
            try c.encode(text, forKey: .text)
        case .figure(let figure):
            try c.encode("figure", forKey: .kind)
            try c.encode(figure, forKey: .figure)
        case .table(let table):
            try c.encode("table", forKey: .kind)
            try c.encode(table, forKey: .table)
        }
    }
}
