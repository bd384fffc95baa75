import Testing

@testable import Notebook

struct DataPathTests {
    let file = "chapters/09-test.md"

    @Test(arguments: ["../x.csv", "chapters/../../x.csv", "/etc/passwd", "./../x", "a/../../x", "chapters/data/../../../x"])
    func aPathLeavingTheProjectIsAnErrorAtTheOption(path: String) throws {
        let (document, diagnostics) = ChapterParser().parse(
            "Text.\n\n```swift\n//| data: [chapters/data/ok.csv, \(path)]\nlet x = 1\n```\n", file: file)
        #expect(diagnostics == [Diagnostic(
            .error, at: SourceLocation(file: file, line: 4, column: 5), "data file '\(path)' lies outside the project",
            hint: "data files are relative to the project root, e.g. chapters/data/x.csv")])
        // Dropped, so nothing downstream reads it.
        #expect(document.executedBlocks.first?.options.data == ["chapters/data/ok.csv"])
    }

    @Test(arguments: ["chapters/data/x.csv", "chapters/../chapters/data/x.csv", "./x.csv", "a/b/../c", "a//b", "..x/y", "x/..", "~/x"])
    func pathsInsideTheProjectAreAccepted(path: String) {
        #expect(!BlockOptions.liesOutsideProject(path))
        let (_, diagnostics) = ChapterParser().parse("```swift\n//| data: \(path)\n```\n", file: file)
        #expect(diagnostics.isEmpty)
    }

    @Test func frontMatterDefaultsAreCheckedToo() throws {
        let (document, diagnostics) = ChapterParser().parse(
            "---\ndefaults:\n  data: ../../etc/passwd\n---\n```swift\nlet x = 1\n```\n", file: file)
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(error.message == "data file '../../etc/passwd' lies outside the project")
        #expect(error.location == SourceLocation(file: file, line: 3, column: 3))
        #expect(document.executedBlocks.first?.options.data == [])
    }
}
