import Testing

@testable import Notebook

/// Tables (`@tbl-`), sections (`@sec-`) and equations (`@eq-`): labels parsed once, references
/// checked against them.
struct LabelledReferenceTests {
    let file = "chapters/09-test.md"

    let chapter = """
        # Title

        ## Setup {#sec-setup}

        ```swift
        //| label: tbl-norms
        //| caption: Norms of $W$
        show(table: ["a"], rows: [[1]])
        ```

        Setext heading {#sec-setext}
        ----------------------------

        $$
        \\|x\\|_2 = \\sqrt{x^\\top x}
        $$ {#eq-two}

        See @tbl-norms, @sec-setup, @sec-setext and @eq-two; also $$a$$ {#eq-one} inline.
        """

    @Test func everyKindOfReferenceIsFoundWithItsPlace() {
        let references = CrossReference.find(in: "A @tbl-x, @sec-y. And @eq-z, @fig-w.\n`@eq-code` @eq-")
        #expect(references.map(\.label) == ["tbl-x", "sec-y", "eq-z", "fig-w"])
        #expect(references.map(\.column) == [3, 11, 23, 30])
        #expect(references.map(\.kind) == [.table, .section, .equation, .figure])
        #expect(references.map(\.length) == [6, 6, 5, 6])
    }

    @Test func eqReferencesGetSpellingsOfTheirOwnLength() {
        // `@ab-` already in the text must not be mistaken for a reference's spelling.
        let references = CrossReference.find(in: "mail @ab- and @aa- then @eq-a and @eq-b.")
        #expect(references.map(\.label) == ["eq-a", "eq-b"])
        #expect(references.map(\.offset) == [24, 34])
    }

    @Test func labelsOfHeadingsTablesAndEquationsResolve() throws {
        let (document, diagnostics) = ChapterParser().parse(chapter, file: file)
        #expect(diagnostics.isEmpty)
        #expect(document.headings.map(\.label) == [nil, "sec-setup", "sec-setext"])
        #expect(document.headings.map(\.text) == ["Title", "Setup", "Setext heading"])
        var headings: [SectionHeading] = []
        var math: [MathSpan] = []
        for case .prose(let prose) in document.segments {
            headings += prose.headings
            math += prose.math
            for heading in prose.headings {
                guard let offset = heading.offset, let length = heading.length else { continue }
                let bytes = Array(prose.markdown.utf8)[offset..<(offset + length)]
                #expect(String(decoding: bytes, as: UTF8.self) == " {#\(heading.label ?? "")}")
            }
        }
        #expect(headings.map(\.level) == [1, 2, 2])
        #expect(math.map(\.label) == ["eq-two", "eq-one"])
        #expect(math.first?.tex == "\n\\|x\\|_2 = \\sqrt{x^\\top x}\n")
    }

    @Test func aReferenceToNoLabelOfItsKindIsAnErrorWithADidYouMean() {
        let text = chapter + "\n\nBut @tbl-nroms, @sec-stup, @eq-tow and @sec-setup-2.\n"
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics.map(\.message) == [
            "@tbl-nroms refers to no label in this chapter", "@sec-stup refers to no label in this chapter",
            "@eq-tow refers to no label in this chapter", "@sec-setup-2 refers to no label in this chapter",
        ])
        #expect(diagnostics.map(\.hint) == [
            "did you mean @tbl-norms?", "did you mean @sec-setup?", "did you mean @eq-two?",
            "did you mean @sec-setup?",  // sections have no numbered variants
        ])
        #expect(diagnostics.first?.location == SourceLocation(file: file, line: 20, column: 5))
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func withoutLabelsOfTheKindTheHintSaysHowToWriteOne() {
        let (_, diagnostics) = ChapterParser().parse("See @sec-a, @eq-b and @tbl-c.\n", file: file)
        #expect(diagnostics.map(\.hint) == [
            "no heading of this chapter has a section label; end the heading with `{#sec-a}`",
            "no equation of this chapter has a label; write `$$ … $$ {#eq-b}`",
            "no block of this chapter has a table label; give the block that shows the table `//| label: tbl-c`",
        ])
    }

    @Test func aLabelGivenTwiceAcrossKindsIsAnErrorAtItsSecondUse() {
        let text = "## A {#sec-x}\n\n## B {#sec-x}\n\n$$y$$ {#eq-y}\n\n$$z$$ {#eq-y}\n"
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics == [
            Diagnostic(.error, at: SourceLocation(file: file, line: 3, column: 6), "label 'sec-x' is already used at line 1",
                hint: "labels name one block, heading or equation each; rename one of them"),
            Diagnostic(.error, at: SourceLocation(file: file, line: 7, column: 7), "label 'eq-y' is already used at line 5",
                hint: "labels name one block, heading or equation each; rename one of them"),
        ])
    }

    @Test func aHeadingAttributeThatIsNotASectionLabelIsAnError() {
        let (document, diagnostics) = ChapterParser().parse("## Intro {#intro}\n\n## Fine ##\n\n## Closed {#sec-c} ##\n", file: file)
        #expect(diagnostics.map(\.message) == ["'{#intro}' is not a section label"])
        #expect(diagnostics.first?.location == SourceLocation(file: file, line: 1, column: 10))
        #expect(document.headings.map(\.label) == [nil, nil, "sec-c"])
        #expect(document.headings.map(\.text) == ["Intro {#intro}", "Fine", "Closed"])
    }

    @Test func headingsAndEquationsInCodeAreNotLabels() {
        let text = "```\n## Not {#sec-a}\n$$x$$ {#eq-a}\n```\n\n`$$x$$ {#eq-b}`\n\nSee @sec-a.\n"
        let (document, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(document.headings.isEmpty)
        #expect(diagnostics.map(\.message) == ["@sec-a refers to no label in this chapter"])
    }
}
