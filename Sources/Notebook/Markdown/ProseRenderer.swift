import Foundation

/// Markdown prose → HTML: math protected from and restored after cmark-gfm, and `@fig-…`
/// cross-references turned into links to numbered figures.
struct ProseRenderer {
    /// Figure numbers by label, for cross-references (across the chapter).
    var figures: [String: Int]

    /// The HTML of a prose segment.
    func html(_ markdown: String) -> String {
        let (protected, spans) = MathProtector.protect(markdown)
        let rendered = CommonMark.html(protected)
        return linkingReferences(in: MathProtector.restore(rendered, spans: spans))
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
