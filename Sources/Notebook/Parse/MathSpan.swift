/// `$…$` or `$$…$$` math in prose, found by the parser so that the renderer can keep it away
/// from Markdown (which would turn `$W_{i,j}$` into emphasis) and hand it to KaTeX.
///
/// Rules (those of Pandoc's `tex_math_dollars`): an opening `$` must not be followed by a space,
/// a closing `$` must not be preceded by a space nor followed by a digit, `\$` is a literal
/// dollar, `$$…$$` may span lines, and nothing in code spans or code blocks is math. A display
/// span may be followed on its closing line by a label, `$$ … $$ {#eq-name}` (Quarto's syntax),
/// which numbers it; the span then covers the label too.
struct MathSpan: Codable, Sendable, Equatable {
    /// The TeX source, without the dollars.
    var tex: String
    /// Whether it was `$$…$$` (display) rather than `$…$` (inline).
    var display: Bool
    /// Where the span (dollars included, and its label if any) lies in its text, in UTF-8 bytes.
    var offset: Int
    var length: Int
    /// The label of a display equation, `eq-…`, written `{#eq-…}` after its closing `$$`.
    var label: String? = nil

    /// The math of `markdown` (whose first line is `firstLine`), in order; lines in `codeLines`
    /// (code blocks and raw HTML, as cmark parsed them) hold none.
    static func find(in markdown: String, firstLine: Int = 1, codeLines: Set<Int> = []) -> [MathSpan] {
        var spans: [MathSpan] = []
        var pending: (tex: String, offset: Int)?  // an open `$$` from an earlier line
        var lineStart = 0
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { lineStart += line.utf8.count + 1 }
            if pending == nil && codeLines.contains(firstLine + number) { continue }
            let chars = Array(line)
            // UTF-8 offset of each character in the line (and of the end).
            var byte = [0]
            for c in chars { byte.append(byte[byte.count - 1] + c.utf8.count) }
            let code = CodeSpans.find(in: chars)
            var i = 0
            if let open = pending {
                guard let close = findDisplayClose(chars, from: 0) else {
                    pending = (open.tex + "\n" + line, open.offset)
                    continue
                }
                let label = equationLabel(chars, from: close + 2)
                let end = label?.end ?? close + 2
                spans.append(MathSpan(
                    tex: open.tex + "\n" + String(chars[0..<close]), display: true, offset: open.offset,
                    length: lineStart + byte[end] - open.offset, label: label?.name))
                pending = nil
                i = end
            }
            while i < chars.count {
                if let span = code.first(where: { $0.range.contains(i) }) {
                    i = span.range.upperBound
                    continue
                }
                let c = chars[i]
                if c == "\\", i + 1 < chars.count, chars[i + 1] == "$" {
                    i += 2
                } else if c == "$", i + 1 < chars.count, chars[i + 1] == "$" {
                    if let close = findDisplayClose(chars, from: i + 2) {
                        let label = equationLabel(chars, from: close + 2)
                        let end = label?.end ?? close + 2
                        spans.append(MathSpan(
                            tex: String(chars[(i + 2)..<close]), display: true, offset: lineStart + byte[i],
                            length: byte[end] - byte[i], label: label?.name))
                        i = end
                    } else {
                        pending = (String(chars[(i + 2)...]), lineStart + byte[i])
                        i = chars.count
                    }
                } else if c == "$", i + 1 < chars.count, chars[i + 1] != " ", chars[i + 1] != "\t",
                    let close = findInlineClose(chars, from: i + 1)
                {
                    spans.append(MathSpan(
                        tex: String(chars[(i + 1)..<close]), display: false, offset: lineStart + byte[i],
                        length: byte[close + 1] - byte[i]))
                    i = close + 1
                } else {
                    i += 1
                }
            }
        }
        return spans  // an unclosed `$$` stays text
    }

    /// A `{#eq-name}` label after optional spaces at `start` (right after a closing `$$`): its
    /// name and the index of the character after `}`. Nil when there is none (or it is not
    /// `eq-` and a name of letters, digits, `-` and `_`).
    static func equationLabel(_ chars: [Character], from start: Int) -> (name: String, end: Int)? {
        var j = start
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        guard j + 1 < chars.count, chars[j] == "{", chars[j + 1] == "#",
            let close = chars[j...].firstIndex(of: "}")
        else { return nil }
        let name = String(chars[(j + 2)..<close]).trimmingWhitespace()
        guard name.hasPrefix("eq-"), name.count > 3, name.allSatisfy(BlockOptions.isLabelCharacter) else { return nil }
        return (name, close + 1)
    }

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
