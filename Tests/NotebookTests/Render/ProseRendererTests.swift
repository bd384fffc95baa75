import NotebookProtocol
import Testing

@testable import Notebook

struct ProseRendererTests {
    let renderer = ProseRenderer(figures: [:])

    /// The prose's inline expressions as the parser finds them, with these values.
    func values(_ markdown: String, _ values: [Value?]) -> [InlineValue] {
        let (document, _) = ChapterParser().parse(markdown, file: "chapters/p.md")
        return zip(document.inlineExpressions, values).map { InlineValue($0, value: $1) }
    }

    /// Regression: a prose section whose only inline values are volatile rendered them as code.
    @Test func aSectionWithOnlyVolatileInlineValuesShowsTheirValues() {
        let markdown = "It took `{swift volatile} seconds` s."
        let html = renderer.html(markdown, inline: values(markdown, [.number(1.5)]))
        #expect(!html.contains("{swift volatile}"))
        #expect(html.contains(#"<span class="inline-value" title="seconds">1.5</span>"#))
        #expect(html.contains(VolatileContent.begin) && html.contains(VolatileContent.end))
    }

    @Test func plainAndVolatileValuesKeepTheirOrder() throws {
        let markdown = "`{swift} a` then `{swift volatile} b`"
        let html = renderer.html(markdown, inline: values(markdown, [.integer(1), .integer(2)]))
        let one = try #require(html.range(of: ">1</span>")), two = try #require(html.range(of: ">2</span>"))
        #expect(one.lowerBound < two.lowerBound)
    }

    @Test func aValueNotComputedIsShownAsMissing() {
        let html = renderer.html("`{swift} x`", inline: values("`{swift} x`", [nil]))
        #expect(html.contains("inline-value missing"))
    }

    @Test func codeSpansInNestedCodeBlocksAreNotValues() throws {
        let markdown = """
            - a list with code:

              ```
              `{swift} not a value`
              ```

            and `{swift} é + "ü"` after non-ASCII text: ü.
            """
        let (document, _) = ChapterParser().parse(markdown, file: "chapters/p.md")
        let inlines = document.inlineExpressions
        #expect(inlines.map(\.expression) == [#"é + "ü""#])
        let inline = try #require(inlines.first)
        let bytes = Array(markdown.utf8)
        #expect(String(decoding: bytes[inline.offset..<(inline.offset + inline.length)], as: UTF8.self) == #"`{swift} é + "ü"`"#)
        #expect(inline.line == 7)
        let html = renderer.html(markdown, inline: [InlineValue(inline, value: .integer(3))])
        #expect(html.contains("not a value") && html.contains(">3</span>"))
    }
}
