/// A heading of a prose segment, as the report numbers and cites it: its level, its title and,
/// when written `## Title {#sec-name}` (Quarto's syntax; the last line of a setext heading
/// likewise), its label and where the attribute lies in the segment's text, so that the renderer
/// removes it (cmark-gfm has no heading attributes and would show it) and gives the heading the
/// label as its id.
struct SectionHeading: Codable, Sendable, Equatable {
    /// 1 for `#`, 2 for `##`, …
    var level: Int
    /// The heading's text as written, without its attribute.
    var title: String
    /// The 1-based line of its text (the last one for a setext heading).
    var line: Int
    /// Its `sec-…` label, if it has one.
    var label: String?
    /// Where ` {#sec-…}` (with the spaces before it) lies in the text it was found in (then: in
    /// its prose segment), in UTF-8 bytes.
    var offset: Int?
    var length: Int?

    /// What the end of a heading's text line holds: nothing, a label, or an attribute that is not
    /// a valid section label.
    enum Attribute: Equatable {
        case label(String, column: Int, byteOffset: Int, byteLength: Int)
        case invalid(String, column: Int)
    }

    /// The `{#…}` attribute at the end of `line`, a heading's (last) text line: `column` is the
    /// 1-based column of `{`, `byteOffset` where the attribute and the spaces before it start in
    /// `line`. An ATX heading's closing `#`s after it are not part of it.
    static func attribute(in line: String, atx: Bool) -> Attribute? {
        var chars = Array(line)
        while let last = chars.last, last == " " || last == "\t" || last == "\r" { chars.removeLast() }
        if atx {
            // A closing sequence: `#`s preceded by a space.
            var end = chars.count
            while end > 0, chars[end - 1] == "#" { end -= 1 }
            if end < chars.count, end > 0, chars[end - 1] == " " || chars[end - 1] == "\t" {
                chars.removeSubrange(end...)
                while let last = chars.last, last == " " || last == "\t" { chars.removeLast() }
            }
        }
        guard chars.last == "}", let open = chars.lastIndex(of: "{"), open + 1 < chars.count, chars[open + 1] == "#"
        else { return nil }
        let content = String(chars[(open + 2)..<(chars.count - 1)]).trimmingWhitespace()
        let written = String(chars[open...])
        guard content.hasPrefix("sec-"), content.count > 4, content.allSatisfy(BlockOptions.isLabelCharacter) else {
            return .invalid(written, column: open + 1)
        }
        var start = open
        while start > 0, chars[start - 1] == " " || chars[start - 1] == "\t" { start -= 1 }
        let byteOffset = String(chars[..<start]).utf8.count
        return .label(content, column: open + 1, byteOffset: byteOffset, byteLength: String(chars[start...]).utf8.count)
    }
}
