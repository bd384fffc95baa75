import Testing

@testable import Notebook

struct UnclosedFenceTests {
    let file = "chapters/09-test.md"

    func parse(_ text: String) -> (ChapterDocument, [Diagnostic]) {
        ChapterParser().parse(text, file: file)
    }

    @Test func anUnclosedSwiftFenceIsOneErrorAtTheFenceAndIsNotRun() throws {
        let text = """
            # Title

            ```swift
            let a = 1
            ```

            Some prose.

            ```swift
            //| label: fig-late
            let b = 2

            Prose the author meant to be text, with //| lines and @fig-nope in it.
            //| colour: blue
            """
        let (document, diagnostics) = parse(text)
        #expect(diagnostics == [Diagnostic(
            .error, at: SourceLocation(file: file, line: 9, column: 1), "this ```swift fence is never closed",
            hint: "close it with ``` on a line of its own; until then everything to the end of the file is its code")])
        #expect(document.executedBlocks.count == 1)
        #expect(document.executedBlocks[0].firstLine == 4)
        let blocks = document.segments.compactMap { if case .code(let b) = $0 { return b } else { return nil } }
        #expect(blocks.count == 2 && blocks[1].index == nil && blocks[1].fenceLine == 9)
    }

    @Test(arguments: [
        // (text, line, column, message)
        ("```swift\nlet x = 1\n", 1, 1, "this ```swift fence is never closed"),
        ("```swift\nlet x = 1", 1, 1, "this ```swift fence is never closed"),
        ("```swift", 1, 1, "this ```swift fence is never closed"),
        ("```swift\n", 1, 1, "this ```swift fence is never closed"),
        ("```swift\nx\n\n\n", 1, 1, "this ```swift fence is never closed"),
        ("Text.\n\n  ~~~python\nprint(1)\n", 3, 3, "this ~~~python fence is never closed"),
        ("````swift\nlet x = 1\n```\n", 1, 1, "this ````swift fence is never closed"),
        ("```swift\nlet x = 1\n~~~\n", 1, 1, "this ```swift fence is never closed"),
        ("```swift\nlet x = 1\n    ```\n", 1, 1, "this ```swift fence is never closed"),
        ("```\nplain\n", 1, 1, "this ``` fence is never closed"),
        ("```swift\r\nlet x = 1\r\n", 1, 1, "this ```swift fence is never closed"),
    ])
    func unclosedFences(text: String, line: Int, column: Int, message: String) throws {
        let (document, diagnostics) = parse(text)
        #expect(diagnostics.count == 1)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: file, line: line, column: column))
        #expect(error.message == message)
        #expect(document.executedBlocks.isEmpty)
    }

    @Test(arguments: [
        "```swift\nlet x = 1\n```",
        "```swift\nlet x = 1\n```\n",
        "```swift\nlet x = 1\n```   \n",
        "```swift\nlet x = 1\n   ```\n",
        "```swift\nlet x = 1\n`````\n",
        "````swift\nlet x = 1\n````",
        "~~~swift\nlet x = 1\n~~~~\n\nAfter.\n",
        "```swift\n```",
        "```swift\r\nlet x = 1\r\n```\r\n\r\nAfter.\r\n",
        "Text.\n\n- item\n\n  ```swift\n  nested, never closed\n",
    ])
    func closedFencesAreNotReported(text: String) {
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
    }

    @Test func aWindowsFileKeepsItsLinesAndProse() throws {
        let (document, diagnostics) = parse("# T\r\n\r\n```swift\r\nlet a = 1\r\n```\r\n\r\nAfter.\r\n")
        #expect(diagnostics.isEmpty)
        let block = try #require(document.executedBlocks.first)
        #expect(block.firstLine == 4 && block.source == ["let a = 1"])
        #expect(document.segments.last == .prose(ChapterDocument.Prose(markdown: "\nAfter.\n", line: 6, inlines: [])))
    }
}
