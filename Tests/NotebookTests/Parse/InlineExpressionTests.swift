import Testing

@testable import Notebook

struct InlineExpressionTests {
    @Test func expressionsAreFoundWithTheirLinesAndColumns() {
        let prose = "The norm is `{swift} w.norm(.l2)`.\n\nTwo: `{swift} a + b` and `plain code`, `{swift}x`."
        let found = InlineExpression.find(in: prose, firstLine: 10, codeLines: [])
        #expect(found == [
            InlineExpression(expression: "w.norm(.l2)", line: 10, column: 22, offset: 12, length: 21),
            InlineExpression(expression: "a + b", line: 12, column: 15, offset: 41, length: 15),
        ])
    }

    @Test func codeInFencesAndDoubleBacktickSpansIsIgnored() {
        // The parser knows from cmark which lines are code; nested fences (in a list) too.
        let (document, _) = ChapterParser().parse(
            "- item\n\n  ```\n  `{swift} no`\n  ```\n\n``{swift} neither``\n\n    `{swift} indented code`\n", file: "chapters/c.md")
        #expect(document.inlineExpressions.isEmpty)
        #expect(InlineExpression.find(in: "`{swift} no`", firstLine: 4, codeLines: [4]).isEmpty)
    }

    @Test func inlineValuesAreRenderedEscapedOrMarkedMissing() {
        let markdown = "A `{swift} x` and `{swift} y`."
        let found = InlineExpression.find(in: markdown, firstLine: 1, codeLines: [])
        let html = ProseRenderer(figures: [:]).html(
            markdown, inline: [InlineValue(found[0], value: .text("<b>")), InlineValue(found[1], value: nil)])
        #expect(html.contains(#"<span class="inline-value" title="x">&lt;b&gt;</span>"#))
        #expect(html.contains(#"<span class="inline-value missing""#))
    }

    @Test func inlineExpressionsBecomeCallsAtTheirPlaceWithTheirLocation() throws {
        let (document, _) = ChapterParser().parse(
            "```swift\nlet a = 2\n```\n\nTwice is `{swift} a * 2`.\n", file: "chapters/i.md")
        let program = ChapterProgram(document: document)
        #expect(program.source.contains(
            "_normbookInline(0) {\n#sourceLocation(file: \"chapters/i.md\", line: 5)\n" + String(repeating: " ", count: 18) + "a * 2\n"))
        let block = try #require(program.source.range(of: "let a = 2"))
        let inline = try #require(program.source.range(of: "_normbookInline(0)"))
        #expect(block.lowerBound < inline.lowerBound)
    }
}
