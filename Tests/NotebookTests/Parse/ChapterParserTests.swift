import Testing

@testable import Notebook

struct ChapterParserTests {
    let file = "chapters/09-test.md"

    func parse(_ text: String) -> (ChapterDocument, [Diagnostic]) {
        ChapterParser().parse(text, file: file)
    }

    @Test func blocksKnowTheirLinesAndIndexes() {
        let text = """
            # Title

            ```swift
            let a = 1
            ```

            ```python
            print("shown only")
            ```

              ```swift
              let b = 2
              ```
            """
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let blocks = document.segments.compactMap { if case .code(let b) = $0 { return b } else { return nil } }
        #expect(blocks.count == 3)
        #expect(blocks[0].fenceLine == 3 && blocks[0].firstLine == 4 && blocks[0].index == 0 && blocks[0].indentation == 0)
        #expect(blocks[1].language == "python" && blocks[1].index == nil)
        #expect(blocks[2].fenceLine == 11 && blocks[2].firstLine == 12 && blocks[2].index == 1 && blocks[2].indentation == 2)
        #expect(blocks[2].source == ["let b = 2"])
        #expect(document.title == "Title")
    }

    @Test func optionsAreParsedAndRemovedFromTheDisplayedCode() {
        let text = """
            ```swift
            //| label: fig-norms
            //| caption: "Norms, compared"
            //| echo: false
            //| timeout: 30
            //| data: [chapters/data/iris.csv, chapters/data/digits.csv]
            let x = 1
            ```
            """
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        let block = document.executedBlocks[0]
        #expect(block.options.label == "fig-norms")
        #expect(block.options.caption == "Norms, compared")
        #expect(block.options.echo == false)
        #expect(block.options.timeout == 30)
        #expect(block.options.data == ["chapters/data/iris.csv", "chapters/data/digits.csv"])
        #expect(block.optionLineCount == 5)
        #expect(block.displayedCode == "let x = 1")
    }

    @Test func anUnknownOptionIsAnErrorWithItsLocationAndASuggestion() throws {
        let text = """
            Intro.

            ```swift
            //| lable: fig-x
            let x = 1
            ```
            """
        let (_, diagnostics) = parse(text)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: file, line: 4, column: 5))
        #expect(error.message == "unknown block option 'lable'; did you mean 'label'?")
    }

    @Test(arguments: [
        ("//| echo: maybe", "expected true or false", 11),
        ("//| timeout: -3", "expected a positive number of seconds", 14),
        ("//| expect: maybe", "expected one of: holds, refuted, partly, not testable", 13),
    ])
    func anInvalidValueIsAnErrorAtTheValue(line: String, expected: String, column: Int) throws {
        let (_, diagnostics) = parse("```swift\n\(line)\n```\n")
        let error = try #require(diagnostics.first)
        #expect(error.message.contains(expected))
        #expect(error.location?.line == 2)
        #expect(error.location?.column == column)
    }

    @Test func evalFalseBlocksAreShownButNotExecuted() {
        let text = "```swift\n//| eval: false\nfatalError()\n```\n\n```swift\nlet ok = 1\n```\n"
        let (document, _) = parse(text)
        #expect(document.executedBlocks.count == 1)
        #expect(document.executedBlocks[0].firstLine == 7)
        #expect(document.executedBlocks[0].index == 0)
    }

    @Test func frontMatterSetsTitleSeedAndDefaultsAndKeepsLineNumbers() {
        let text = """
            ---
            title: Norms
            seed: 42
            defaults:
              echo: false
            ---
            ```swift
            let a = 1
            ```
            """
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(document.title == "Norms")
        #expect(document.frontMatter.seed == 42)
        #expect(document.executedBlocks[0].options.echo == false)
        #expect(document.executedBlocks[0].firstLine == 8)
    }

    @Test func frontMatterErrorsPointIntoTheFile() throws {
        let (_, unknown) = parse("---\ntitle: A\nseeed: 3\n---\n")
        let error = try #require(unknown.first)
        #expect(error.location == SourceLocation(file: file, line: 3, column: 1))
        #expect(error.message.contains("did you mean 'seed'?"))

        let (_, invalid) = parse("---\ntitle: [unclosed\n---\n")
        #expect(invalid.first?.location?.file == file)
        #expect(invalid.first?.message.contains("invalid YAML") == true)

        let (_, unterminated) = parse("---\ntitle: A\n")
        #expect(unterminated.first?.message.contains("never ends") == true)
    }

    @Test func fencesInsideListsAreDisplayedOnly() {
        let text = "- item\n\n  ```swift\n  let nested = 1\n  ```\n"
        let (document, _) = parse(text)
        #expect(document.executedBlocks.isEmpty)
    }
}

struct ChapterHeadingTests {
    @Test func headingsComeFromCmarkAndTheFirstLevelOneIsTheTitle() {
        let text = "Intro text.\n\n## Early ##\n\n# The title\n\n```\n# not a heading\n```\n\nSetext\n------\n"
        let (document, _) = ChapterParser().parse(text, file: "chapters/h.md")
        #expect(document.headings == [
            ChapterDocument.Heading(level: 2, text: "Early", line: 3), ChapterDocument.Heading(level: 1, text: "The title", line: 5),
            ChapterDocument.Heading(level: 2, text: "Setext", line: 11),
        ])
        #expect(document.title == "The title")
    }
}
