import Testing

@testable import Notebook

struct MathProtectorTests {
    func html(_ markdown: String) -> String { ProseRenderer(figures: [:]).html(markdown) }

    @Test func subscriptsAndStarsSurviveMarkdown() {
        #expect(html("$W_{i,j}$ and $x_*$ and $a*b*c$")
            == "<p><span class=\"math inline\">W_{i,j}</span> and <span class=\"math inline\">x_*</span> and <span class=\"math inline\">a*b*c</span></p>\n")
    }

    @Test func displayMathSpanningLinesBecomesABlock() {
        let out = html("Before.\n\n$$\n\\|W\\|_2 = \\sqrt{\\sum_{i,j} W_{i,j}^2}\n$$\n\nAfter.")
        #expect(out.contains("<div class=\"math display\">\n\\|W\\|_2 = \\sqrt{\\sum_{i,j} W_{i,j}^2}\n</div>"))
        #expect(out.contains("<p>After.</p>"))
    }

    @Test(arguments: [
        ("`$x_1$` in code", "<code>$x_1$</code>"),
        ("costs $5 and $6", "costs $5 and $6"),
        ("a literal \\$ sign", "a literal $ sign"),
        ("$ x$ is not math", "$ x$ is not math"),
    ])
    func dollarsThatAreNotMathStayText(markdown: String, expected: String) {
        #expect(html(markdown).contains(expected))
    }

    @Test func mathInsideFencedCodeIsUntouched() {
        let (text, spans) = MathProtector.protect("```\nlet s = \"$a_b$\"\n```\n")
        #expect(spans.isEmpty)
        #expect(text == "```\nlet s = \"$a_b$\"\n```\n")
    }

    @Test func texIsEscapedInTheHTML() {
        #expect(html("$a < b$").contains("<span class=\"math inline\">a &lt; b</span>"))
    }

    @Test func figureReferencesLinkOutsideCodeOnly() {
        let prose = ProseRenderer(figures: ["fig-a": 3])
        let out = prose.html("See @fig-a. Not `@fig-a`, and @fig-missing.")
        #expect(out.contains("<a class=\"xref\" href=\"#fig-a\">Figure 3</a>."))
        #expect(out.contains("<code>@fig-a</code>"))
        #expect(out.contains("xref missing"))
    }
}
