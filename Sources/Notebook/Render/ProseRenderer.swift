import Foundation

/// Markdown prose → HTML: math protected from and restored after cmark-gfm, and `@fig-…`
/// cross-references turned into links to numbered figures.
struct ProseRenderer {
    /// Figure numbers by label, for cross-references (across the chapter).
    var figures: [String: Int]

    /// The HTML of a prose segment whose inline values and math the parser found (each at its
    /// place in `markdown`). With `math` nil — text that did not come through the parser: a
    /// caption, a claim's statement — its math is found now, by the parser's rules.
    func html(_ markdown: String, inline: [InlineValue] = [], math: [MathSpan]? = nil) -> String {
        let math = math ?? MathSpan.find(in: markdown, codeLines: ChapterParser.outline(of: markdown).codeLines)
        var rendered = MathHTML.restore(CommonMark.html(Self.placeholding(markdown, inline, math)), spans: math)
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
        return linkingReferences(in: rendered)
    }

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
    static func placeholding(_ markdown: String, _ inline: [InlineValue], _ math: [MathSpan]) -> String {
        var replacements: [(offset: Int, length: Int, token: String)] = []
        for (k, value) in inline.enumerated() {
            if let offset = value.offset, let length = value.length { replacements.append((offset, length, valuePlaceholder(k))) }
        }
        for (k, span) in math.enumerated() { replacements.append((span.offset, span.length, MathHTML.placeholder(k))) }
        guard !replacements.isEmpty else { return markdown }
        var bytes = Array(markdown.utf8)
        var end = bytes.count  // replacements go from the end, never overlapping
        for r in replacements.sorted(by: { $0.offset > $1.offset }) {
            guard r.offset >= 0, r.length > 0, r.offset + r.length <= end else { continue }
            bytes.replaceSubrange(r.offset..<(r.offset + r.length), with: Array(r.token.utf8))
            end = r.offset
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces `@fig-label` outside `<code>`/`<pre>` with a link reading "Figure N".
    func linkingReferences(in html: String) -> String {
        guard html.contains("@fig-") else { return html }
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<code") ?? rest.range(of: "<pre") {
            result += replaceReferences(in: rest[..<open.lowerBound])
            let closeTag = rest[open.lowerBound...].hasPrefix("<pre") ? "</pre>" : "</code>"
            if let close = rest.range(of: closeTag, range: open.upperBound..<rest.endIndex) {
                result += rest[open.lowerBound..<close.upperBound]
                rest = rest[close.upperBound...]
            } else {
                result += rest[open.lowerBound...]
                rest = rest[rest.endIndex...]
            }
        }
        return result + replaceReferences(in: rest)
    }

    private func replaceReferences(in text: Substring) -> String {
        var result = ""
        var rest = text
        while let at = rest.range(of: "@fig-") {
            result += rest[..<at.lowerBound]
            let nameEnd = rest[at.upperBound...].firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                ?? rest.endIndex
            var label = "fig-" + rest[at.upperBound..<nameEnd]
            // A sentence may end right after the reference: "see @fig-x." keeps the period.
            while label.hasSuffix("-") || label.hasSuffix("_") { label.removeLast() }
            let consumed = rest.index(at.lowerBound, offsetBy: 1 + label.count)
            if let number = figures[String(label)] {
                result += "<a class=\"xref\" href=\"#\(label)\">Figure \(number)</a>"
            } else {
                result += "<span class=\"xref missing\" title=\"no figure is labelled \(label)\">@\(label)</span>"
            }
            rest = rest[consumed...]
        }
        return result + rest
    }
}
