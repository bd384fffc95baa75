import Foundation

/// Keeps `$…$` and `$$…$$` math away from Markdown processing: each span is replaced by an
/// inert placeholder before cmark runs and restored afterwards as an HTML element that KaTeX
/// renders in the browser. Without this, `$W_{i,j}$ and $x_*$` would lose its underscores and
/// asterisk to emphasis.
///
/// Rules (those of Pandoc's `tex_math_dollars`): an opening `$` must not be followed by a space,
/// a closing `$` must not be preceded by a space nor followed by a digit, `\$` is a literal
/// dollar, and nothing inside code spans or fenced/indented code is touched.
struct MathProtector {
    /// A span of math found in the prose.
    struct Span: Equatable {
        /// The TeX source, without the dollars.
        var tex: String
        /// Whether it was `$$…$$` (display) rather than `$…$` (inline).
        var display: Bool
    }

    /// The prose with placeholders, and the spans in placeholder order.
    static func protect(_ markdown: String) -> (text: String, spans: [Span]) {
        var spans: [Span] = []
        var output = ""
        var inFence: String?
        // Display math may span lines, so scan the whole text but track fences line by line.
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var pendingDisplay: (tex: String, open: Bool) = ("", false)
        for (number, line) in lines.enumerated() {
            let newline = number < lines.count - 1 ? "\n" : ""
            let trimmed = line.drop(while: { $0 == " " })
            if !pendingDisplay.open {
                if let fence = inFence {
                    if trimmed.hasPrefix(fence) { inFence = nil }
                    output += line + newline
                    continue
                }
                if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                    inFence = String(trimmed.prefix(3))
                    output += line + newline
                    continue
                }
                if line.hasPrefix("    ") || line.hasPrefix("\t") {
                    output += line + newline
                    continue
                }
            }
            var chars = Array(line)
            var i = 0
            var text = ""
            if pendingDisplay.open {
                // Continue a $$ block from an earlier line.
                if let close = findDisplayClose(chars, from: 0) {
                    pendingDisplay.tex += "\n" + String(chars[0..<close])
                    text += placeholder(spans.count)
                    spans.append(Span(tex: pendingDisplay.tex, display: true))
                    pendingDisplay = ("", false)
                    i = close + 2
                } else {
                    pendingDisplay.tex += "\n" + line
                    continue
                }
            }
            while i < chars.count {
                let c = chars[i]
                if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                    text += "\\$"
                    i += 2
                } else if c == "`" {
                    // Copy a code span verbatim: a run of n backticks up to the next run of n.
                    var n = 0
                    while i + n < chars.count, chars[i + n] == "`" { n += 1 }
                    var j = i + n
                    var closed = false
                    while j < chars.count {
                        if chars[j] == "`" {
                            var m = 0
                            while j + m < chars.count, chars[j + m] == "`" { m += 1 }
                            if m == n { closed = true; j += m; break }
                            j += m
                        } else {
                            j += 1
                        }
                    }
                    let end = closed ? j : i + n
                    text += String(chars[i..<end])
                    i = end
                } else if c == "$", i + 1 < chars.count, chars[i + 1] == "$" {
                    if let close = findDisplayClose(chars, from: i + 2) {
                        text += placeholder(spans.count)
                        spans.append(Span(tex: String(chars[(i + 2)..<close]), display: true))
                        i = close + 2
                    } else {
                        pendingDisplay = (String(chars[(i + 2)...]), true)
                        i = chars.count
                    }
                } else if c == "$", i + 1 < chars.count, chars[i + 1] != " ", chars[i + 1] != "\t",
                    let close = findInlineClose(chars, from: i + 1)
                {
                    text += placeholder(spans.count)
                    spans.append(Span(tex: String(chars[(i + 1)..<close]), display: false))
                    i = close + 1
                } else {
                    text.append(c)
                    i += 1
                }
            }
            chars.removeAll()
            output += text
            if !pendingDisplay.open { output += newline }
        }
        if pendingDisplay.open {
            // An unclosed $$: give the text back as it was.
            output += "$$" + pendingDisplay.tex
        }
        return (output, spans)
    }

    /// Puts the math back into rendered HTML as `<span class="math inline">` or, for a display
    /// span alone in its paragraph, `<div class="math display">`, with the TeX escaped.
    static func restore(_ html: String, spans: [Span]) -> String {
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

    /// A token cmark passes through unchanged: letters and digits only.
    static func placeholder(_ k: Int) -> String { "normbookmath\(k)x" }

    private static func findDisplayClose(_ chars: [Character], from start: Int) -> Int? {
        var j = start
        while j + 1 < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" && chars[j + 1] == "$" { return j }
            j += 1
        }
        return nil
    }

    private static func findInlineClose(_ chars: [Character], from start: Int) -> Int? {
        var j = start
        while j < chars.count {
            if chars[j] == "\\" { j += 2; continue }
            if chars[j] == "$" {
                let before = chars[j - 1]
                let after: Character? = j + 1 < chars.count ? chars[j + 1] : nil
                if before != " " && before != "\t" && !(after?.isNumber ?? false) && j > start { return j }
                return nil
            }
            j += 1
        }
        return nil
    }
}
