/// An inline value in prose: a code span `` `{swift} expr` `` that the report replaces with the
/// value of `expr`, evaluated by the chapter program at that point of the chapter.
struct InlineExpression: Codable, Sendable, Equatable {
    /// The Swift expression.
    var expression: String
    /// The Markdown line of the expression.
    var line: Int
    /// The Markdown column of the expression's first character.
    var column: Int
    /// Written `{swift volatile} expr`: the value differs between runs (a timing), so `verify`
    /// does not compare it.
    var volatile: Bool = false
    /// Where the whole code span (backticks included) lies in its prose segment's Markdown, in
    /// UTF-8 bytes: what the renderer replaces by the value.
    var offset = 0
    var length = 0

    /// The markers that start an inline value inside a code span.
    static let prefix = "{swift} "
    static let volatilePrefix = "{swift volatile} "

    /// The inline expressions of a prose segment starting at `firstLine`, in order. Lines in
    /// `codeLines` (file line numbers of code blocks and raw HTML nested in the prose, as cmark
    /// parsed them) hold none.
    static func find(in markdown: String, firstLine: Int, codeLines: Set<Int>) -> [InlineExpression] {
        var result: [InlineExpression] = []
        var lineStart = 0  // UTF-8 offset of the line in `markdown`
        for (offset, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            defer { lineStart += line.utf8.count + 1 }
            if codeLines.contains(firstLine + offset) { continue }
            let characters = Array(line)
            for span in spans(in: line) {
                let before = String(characters[..<span.range.lowerBound]).utf8.count
                let width = String(characters[span.range]).utf8.count
                result.append(InlineExpression(
                    expression: span.expression, line: firstLine + offset, column: span.column, volatile: span.volatile,
                    offset: lineStart + before, length: width))
            }
        }
        return result
    }

    /// `` `{swift} …` `` spans of one line: the expression, its 1-based column, the span's
    /// range of characters and whether it is volatile.
    static func spans(in line: Substring) -> [(expression: String, column: Int, range: Range<Int>, volatile: Bool)] {
        let chars = Array(line)
        return CodeSpans.find(in: chars).compactMap { span in
            guard span.ticks == 1 else { return nil }
            let content = String(chars[(span.range.lowerBound + 1)..<(span.range.upperBound - 1)])
            guard let marker = [prefix, volatilePrefix].first(where: { content.hasPrefix($0) }) else { return nil }
            let expression = String(content.dropFirst(marker.count)).trimmingWhitespace()
            return (expression, span.range.lowerBound + 1 + marker.count + 1, span.range, marker == volatilePrefix)
        }
    }
}
