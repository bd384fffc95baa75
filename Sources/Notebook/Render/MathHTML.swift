/// Math in pages: the placeholders that keep math away from cmark, and the elements KaTeX
/// renders in the browser.
enum MathHTML {
    /// A token cmark passes through unchanged: letters and digits only.
    static func placeholder(_ k: Int) -> String { "normbookmath\(k)x" }

    /// Puts the math back into rendered HTML as `<span class="math inline">` or, for a display
    /// span alone in its paragraph, `<div class="math display">`, with the TeX escaped.
    static func restore(_ html: String, spans: [MathSpan]) -> String {
        var result = html
        for (k, span) in spans.enumerated().reversed() {
            let escaped = HTMLEscaping.escape(span.tex)
            let token = placeholder(k)
            if span.display {
                let block = "<div class=\"math display\">\(escaped)</div>"
                result = result.replacingOccurrences(of: "<p>\(token)</p>", with: block)
                result = result.replacingOccurrences(of: token, with: "<span class=\"math display\">\(escaped)</span>")
            } else {
                result = result.replacingOccurrences(of: token, with: "<span class=\"math inline\">\(escaped)</span>")
            }
        }
        return result
    }
}
