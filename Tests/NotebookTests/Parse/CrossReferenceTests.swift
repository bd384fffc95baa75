import Testing

@testable import Notebook

struct CrossReferenceTests {
    let file = "chapters/09-test.md"

    func references(_ markdown: String) -> [CrossReference] {
        CrossReference.find(in: markdown)
    }

    @Test func aReferenceToNoLabelIsAnErrorAtItsExactPlaceWithASuggestion() throws {
        let text = """
            # Norms

            ```swift
            //| label: fig-norms
            let a = 1
            ```

            As @fig-norms shows, and
            as «@fig-nroms» shows too.
            """
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics == [Diagnostic(
            .error, at: SourceLocation(file: file, line: 9, column: 5), "@fig-nroms refers to no label in this chapter",
            hint: "did you mean @fig-norms?")])
    }

    @Test func theHintListsTheLabelsOrSaysThereAreNone() throws {
        let labelled = "```swift\n//| label: fig-a\n```\n\n```swift\n//| label: fig-b\n```\n\n```swift\n//| label: setup\n```\n\nSee @fig-unrelated.\n"
        let (_, listed) = ChapterParser().parse(labelled, file: file)
        #expect(listed.map(\.hint) == ["figure labels in this chapter: fig-a, fig-b"])
        #expect(listed.first?.location == SourceLocation(file: file, line: 13, column: 5))

        let (_, none) = ChapterParser().parse("See @fig-x.\n", file: file)
        #expect(none.map(\.hint) == ["no block of this chapter has a figure label; give the block that shows the chart `//| label: fig-x`"])
    }

    @Test func withAllowedFailuresTheyAreWarnings() {
        let (_, diagnostics) = ChapterParser(unresolvedReferencesAreWarnings: true).parse("See @fig-x.\n", file: file)
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.message == "@fig-x refers to no label in this chapter")
    }

    @Test func referencesThatResolveAreFine() {
        let text = """
            ```swift
            //| label: fig-path
            show(a); show(b)
            ```

            See @fig-path, @fig-path-2 (its second chart) and @fig-path.
            """
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics.isEmpty)
    }

    @Test func codeSpansCodeBlocksHTMLAndAutolinksAreNotReferences() {
        let text = """
            Write `@fig-a` or ``x @fig-b``; <span title="@fig-c">raw</span>
            <https://example.org/@fig-d> and me@fig-e.org.

            ```text
            @fig-f
            ```

                @fig-g indented code

            <div>
            @fig-h
            </div>

            The prefix @fig- alone, or @fig-…, names nothing.
            """
        #expect(references(text).isEmpty)
    }

    @Test func referencesAreFoundInEveryKindOfTextWithExactColumns() {
        let text = """
            # Heading @fig-a

            > quoted @fig-b
            >    again @fig-c

            - item @fig-d
                   cont `@fig-d` @fig-e

            | x | y |
            |---|---|
            | é @fig-f | **@fig-g** |

            A `code
               span` then @fig-h, and
                 indented *@fig-i*.
            été @fig-j: [link @fig-k](#x) &amp; @fig-l\\* @fig-m
            """
        let found = references(text).map { "\($0.label)@\($0.line):\($0.column)" }
        #expect(found == [
            "fig-a@1:11", "fig-b@3:10", "fig-c@4:12", "fig-d@6:8", "fig-e@7:22", "fig-f@11:5", "fig-g@11:16",
            "fig-h@14:15", "fig-i@15:16", "fig-j@16:5", "fig-k@16:19", "fig-l@16:37", "fig-m@16:46",
        ])
    }

    @Test func namesFollowTheRenderer() {
        let found = references("See @fig-a-b_c. And (@fig-x_), @fig-y-.\n").map(\.label)
        #expect(found == ["fig-a-b_c", "fig-x", "fig-y"])
    }

    @Test func aChapterWhoseTextAlreadyHoldsTheSpellingsStillWorks() {
        // The finder renames each `@fig-` to a spelling such as `@aaa-` that is not in the file.
        let text = "@aaa- @aab- @fig-x `@aac-` @fig-y\n"
        #expect(references(text).map(\.label) == ["fig-x", "fig-y"])
        #expect(references(text).map(\.column) == [13, 28])
    }
}
