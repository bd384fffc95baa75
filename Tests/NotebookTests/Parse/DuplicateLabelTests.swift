import Testing

@testable import Notebook

struct DuplicateLabelTests {
    let file = "chapters/09-test.md"

    @Test func aSecondUseOfALabelIsAnErrorAtItNamingTheFirst() throws {
        let text = """
            ```swift
            //| label: fig-x
            let a = 1
            ```

            ```swift
            //| eval: false
            //|   label: fig-x
            let b = 2
            ```
            """
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics.count == 1)
        let error = try #require(diagnostics.first)
        #expect(error.severity == .error)
        #expect(error.location == SourceLocation(file: file, line: 8, column: 14))
        #expect(error.message == "label 'fig-x' is already used at line 2")
    }

    @Test func distinctLabelsAndUnlabelledBlocksAreFine() {
        let text = "```swift\n//| label: fig-a\n```\n\n```swift\n//| label: fig-b\n```\n\n```swift\nlet c = 3\n```\n"
        let (_, diagnostics) = ChapterParser().parse(text, file: file)
        #expect(diagnostics.isEmpty)
    }

    @Test func everyFurtherUseIsReported() {
        let block = "```swift\n//| label: setup\n```\n\n"
        let (_, diagnostics) = ChapterParser().parse(String(repeating: block, count: 3), file: file)
        #expect(diagnostics.map(\.message) == Array(repeating: "label 'setup' is already used at line 2", count: 2))
        #expect(diagnostics.map { $0.location?.line } == [6, 10])
    }
}
