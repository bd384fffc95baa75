import Foundation

/// Markdown prose → HTML: math protected from and restored after cmark-gfm, and `@fig-…`
/// cross-references turned into links to numbered figures.
struct ProseRenderer {
    /// Figure numbers by label, for cross-references (across the chapter).
    var figures: [String: Int]

    /// The HTML of a prose segment whose inline values, math and references the parser found
    /// (each at its place in `markdown`). With `math` and `references` nil — text that did not
    /// come through the parser: a caption, a claim's statement — they are found now, by the
    /// parser's rules.
    func html(
        _ markdown: String, inline: [InlineValue] = [], math: [MathSpan]? = nil, references: [CrossReference]? = nil
    ) -> String {
        let math = math ?? MathSpan.find(in: markdown, codeLines: ChapterParser.outline(of: markdown).codeLines)
        let references = references ?? CrossReference.find(in: markdown)
        var rendered = MathHTML.restore(CommonMark.html(Self.placeholding(markdown, inline, math, references)), spans: math)
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

    /// A link to a figure ("Figure N"), or the reference marked as missing.
    private func link(_ label: String) -> String {
        if let number = figures[label] {
            return "<a class=\"xref\" href=\"#\(label)\">Figure \(number)</a>"
        }
        return "<span class=\"xref missing\" title=\"no figure is labelled \(label)\">@\(label)</span>"
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
        _ markdown: String, _ inline: [InlineValue], _ math: [MathSpan], _ references: [CrossReference] = []
    ) -> String {
        var replacements: [(offset: Int, length: Int, token: String)] = []
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
