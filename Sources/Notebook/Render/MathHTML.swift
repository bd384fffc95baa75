/// Math in pages: the placeholders that keep math away from cmark, and the elements KaTeX
/// renders in the browser.
enum MathHTML {
    /// A token cmark passes through unchanged: letters and digits only.
    static func placeholder(_ k: Int) -> String { "normbookmath\(k)x" }

    /// Puts the math back into rendered HTML as `<span class="math inline">` or, for a display
    /// span alone in its paragraph, `<div class="math display">`, with the TeX escaped. A
    /// labelled display equation with a number in `equationNumbers` is wrapped with its number
    /// in an element whose id is its label (the number stays outside the element KaTeX fills).
    static func restore(_ html: String, spans: [MathSpan], equationNumbers: [String: Int] = [:]) -> String {
        var result = html
        for (k, span) in spans.enumerated().reversed() {
            let escaped = HTMLEscaping.escape(span.tex)
            let token = placeholder(k)
            if span.display, let label = span.label, let number = equationNumbers[label] {
                let id = HTMLEscaping.escape(label)
                let numberHTML = "<span class=\"equation-number\">(\(number))</span>"
                result = result.replacingOccurrences(
                    of: "<p>\(token)</p>",
                    with: "<div class=\"equation\" id=\"\(id)\"><div class=\"math display\">\(escaped)</div>\(numberHTML)</div>")
                result = result.replacingOccurrences(
                    of: token,
                    with: "<span class=\"equation\" id=\"\(id)\"><span class=\"math display\">\(escaped)</span>\(numberHTML)</span>")
            } else if span.display {
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
