import Foundation

/// Markdown prose → HTML: math protected from and restored after cmark-gfm, cross-references
/// (`@fig-…`, `@tbl-…`, `@sec-…`, `@eq-…`) turned into links to what they cite, headings given
/// their numbers and `{#sec-…}` labels as ids, labelled equations their numbers.
struct ProseRenderer {
    /// The numbers of the chapter's figures, tables, sections and equations.
    var numbering: ChapterNumbering

    init(numbering: ChapterNumbering) { self.numbering = numbering }

    /// A renderer that knows only figures (text outside a chapter's prose, tests).
    init(figures: [String: Int]) { self.numbering = ChapterNumbering(figures: figures) }

    /// The HTML of a prose segment whose inline values, math and references the parser found
    /// (each at its place in `markdown`). With `math` and `references` nil — text that did not
    /// come through the parser: a caption, a claim's statement — they are found now, by the
    /// parser's rules.
    ///
    /// `headings` are the segment's headings (with the places of their labels) and
    /// `headingNumbers` the number shown before each (nil: none).
    func html(
        _ markdown: String, inline: [InlineValue] = [], math: [MathSpan]? = nil, references: [CrossReference]? = nil,
        headings: [SectionHeading] = [], headingNumbers: [String?] = []
    ) -> String {
        let math = math ?? MathSpan.find(in: markdown, codeLines: ChapterParser.outline(of: markdown).codeLines)
        let references = references ?? CrossReference.find(in: markdown)
        let labels = headings.compactMap { heading -> (offset: Int, length: Int, token: String)? in
            guard let offset = heading.offset, let length = heading.length else { return nil }
            return (offset, length, "")
        }
        var rendered = MathHTML.restore(
            CommonMark.html(Self.placeholding(markdown, inline, math, references, removing: labels)), spans: math,
            equationNumbers: numbering.equations)
        if !headings.isEmpty { rendered = Self.numberingHeadings(rendered, headings, headingNumbers) }
        for k in inline.indices.reversed() {
            let token = Self.valuePlaceholder(k)
            var span: String
            if let value = inline[k].value {
                span = "<span class=\"inline-value\" title=\"\(HTMLEscaping.escape(inline[k].expression))\">"
                    + HTMLEscaping.escape(value.formatted) + "</span>"
                if inline[k].volatile == true {
                    span = VolatileMarkers.begin + span + VolatileMarkers.end
                }
            } else {
                let expression = inline[k].expression
                span = "<span class=\"inline-value missing\" title=\"not computed: the chapter stopped before this point\">"
                    + HTMLEscaping.escape(expression) + "</span>"
            }
            rendered = rendered.replacingOccurrences(of: token, with: span)
        }
        for (k, reference) in references.enumerated().reversed() {
            rendered = rendered.replacingOccurrences(of: Self.referencePlaceholder(k), with: link(reference.label))
        }
        return rendered
    }

    /// A link to what `label` cites ("Figure N", "Table N", "Section 3.1", "Equation (N)"), or
    /// the reference marked as missing.
    private func link(_ label: String) -> String {
        if let text = numbering.text(of: label) {
            return "<a class=\"xref\" href=\"#\(label)\">\(text)</a>"
        }
        let what = (CrossReference.kind(of: label) ?? .figure).noun.lowercased()
        return "<span class=\"xref missing\" title=\"no \(what) is labelled \(label)\">@\(label)</span>"
    }

    /// Gives the k-th heading element of `html` (cmark writes them as bare `<hN>`, in document
    /// order, and never from text) the k-th heading's label as its id and its number.
    static func numberingHeadings(_ html: String, _ headings: [SectionHeading], _ numbers: [String?]) -> String {
        var out = ""
        var rest = Substring(html)
        var k = 0
        while k < headings.count, let open = rest.range(of: "<h") {
            let after = rest[open.upperBound...]
            guard let digit = after.first, let level = digit.wholeNumberValue, (1...6).contains(level),
                after.dropFirst().first == ">"
            else {
                out += rest[..<open.upperBound]
                rest = after
                continue
            }
            out += rest[..<open.lowerBound]
            let heading = headings[k]
            var tag = "<h\(level)"
            if heading.level == level, let label = heading.label { tag += " id=\"\(HTMLEscaping.escape(label))\"" }
            tag += ">"
            if heading.level == level, k < numbers.count, let number = numbers[k] {
                tag += "<span class=\"section-number\">\(number)</span> "
            }
            out += tag
            rest = after.dropFirst(2)
            k += 1
        }
        return out + rest
    }

    static func referencePlaceholder(_ k: Int) -> String { "normbookref\(k)x" }

    /// Renders a short piece of Markdown (a caption) as inline HTML, without the paragraph.
    func inlineHTML(_ markdown: String) -> String {
        var out = html(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if out.hasPrefix("<p>"), out.hasSuffix("</p>") { out = String(out.dropFirst(3).dropLast(4)) }
        return out
    }

    static func valuePlaceholder(_ k: Int) -> String { "normbookvalue\(k)x" }

    /// `markdown` with each inline value's code span and each math span replaced by a
    /// placeholder that cmark passes through, at the places the parser recorded (no scanning of
    /// the text here).
    static func placeholding(
        _ markdown: String, _ inline: [InlineValue], _ math: [MathSpan], _ references: [CrossReference] = [],
        removing removed: [(offset: Int, length: Int, token: String)] = []
    ) -> String {
        var replacements: [(offset: Int, length: Int, token: String)] = removed
        for (k, value) in inline.enumerated() {
            if let offset = value.offset, let length = value.length { replacements.append((offset, length, valuePlaceholder(k))) }
        }
        for (k, span) in math.enumerated() { replacements.append((span.offset, span.length, MathHTML.placeholder(k))) }
        for (k, reference) in references.enumerated() {
            replacements.append((reference.offset, reference.length, referencePlaceholder(k)))
        }
        guard !replacements.isEmpty else { return markdown }
        var bytes = Array(markdown.utf8)
        // The outermost of overlapping ranges wins (a reference written inside math stays TeX).
        var kept: [(offset: Int, length: Int, token: String)] = []
        for r in replacements.sorted(by: { ($0.offset, -$0.length) < ($1.offset, -$1.length) })
        where r.offset >= (kept.last.map { $0.offset + $0.length } ?? 0) && r.length > 0 && r.offset + r.length <= bytes.count {
            kept.append(r)
        }
        for r in kept.reversed() { bytes.replaceSubrange(r.offset..<(r.offset + r.length), with: Array(r.token.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
