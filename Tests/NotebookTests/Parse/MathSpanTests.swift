import Testing

@testable import Notebook

struct MathSpanTests {
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
        let markdown = "```\nlet s = \"$a_b$\"\n```\n\n- item\n\n      indented code $c_d$\n\nbut $e_f$ is math"
        let spans = MathSpan.find(in: markdown, codeLines: ChapterParser.outline(of: markdown).codeLines)
        #expect(spans.map(\.tex) == ["e_f"])
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

    @Test func spansKnowTheirPlaceInTheText() throws {
        let markdown = "é $x$ and\n$$\na_1\n$$ then `$no$` \\$5"
        let spans = MathSpan.find(in: markdown)
        #expect(spans.map(\.tex) == ["x", "\na_1\n"])
        #expect(spans.map(\.display) == [false, true])
        let bytes = Array(markdown.utf8)
        let texts = spans.map { String(decoding: bytes[$0.offset..<($0.offset + $0.length)], as: UTF8.self) }
        #expect(texts == ["$x$", "$$\na_1\n$$"])
    }

    @Test func theParserRecordsMathAndTheRendererUsesItWithoutLookingAgain() throws {
        let (document, _) = ChapterParser().parse("Norm $\\|W\\|_2$ here.\n", file: "chapters/m.md")
        guard case .prose(let prose) = try #require(document.segments.first) else { Issue.record("no prose"); return }
        #expect(prose.math.map(\.tex) == ["\\|W\\|_2"])
        // Given no math, the renderer shows the text as text: it does not scan it again.
        let renderer = ProseRenderer(figures: [:])
        #expect(!renderer.html(prose.markdown, math: []).contains("math inline"))
        #expect(renderer.html(prose.markdown, math: prose.math).contains(#"<span class="math inline">\|W\|_2</span>"#))
    }
}
