import NotebookProtocol
import Testing

@testable import Notebook

struct ProseRendererTests {
    let renderer = ProseRenderer(figures: [:])

    /// Regression: a prose section whose only inline values are volatile rendered them as code.
    @Test func aSectionWithOnlyVolatileInlineValuesShowsTheirValues() {
        let html = renderer.html(
            "It took `{swift volatile} seconds` s.",
            inline: [InlineValue(expression: "seconds", value: .number(1.5), volatile: true)])
        #expect(!html.contains("{swift volatile}"))
        #expect(html.contains(#"<span class="inline-value" title="seconds">1.5</span>"#))
        #expect(html.contains(VolatileContent.begin) && html.contains(VolatileContent.end))
    }

    @Test func plainAndVolatileValuesKeepTheirOrder() throws {
        let html = renderer.html(
            "`{swift} a` then `{swift volatile} b`",
            inline: [InlineValue(expression: "a", value: .integer(1), volatile: nil),
                     InlineValue(expression: "b", value: .integer(2), volatile: true)])
        let one = try #require(html.range(of: ">1</span>")), two = try #require(html.range(of: ">2</span>"))
        #expect(one.lowerBound < two.lowerBound)
    }

    @Test func aValueNotComputedIsShownAsMissing() {
        let html = renderer.html("`{swift} x`", inline: [InlineValue(expression: "x", value: nil, volatile: nil)])
        #expect(html.contains("inline-value missing"))
    }
}
