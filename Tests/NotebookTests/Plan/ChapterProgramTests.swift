import Testing

@testable import Notebook

struct ChapterProgramTests {
    @Test(arguments: [
        ("chapters/01-norms.md", "\"chapters/01-norms.md\""),
        ("chapters/02 a#b?c%d\"e'.md", "\"chapters/02 a#b?c%d\\\"e'.md\""),
        ("chapters/back\\slash.md", "\"chapters/back\\\\slash.md\""),
        ("chapters/tab\there.md", "\"chapters/tab\\there.md\""),
        ("chapters/cr\r.md", "\"chapters/cr\\r.md\""),
        ("chapters/bell\u{7}\u{7F}.md", "\"chapters/bell\\u{7}\\u{7f}.md\""),
        ("chapters/été 中.md", "\"chapters/été 中.md\""),
    ])
    func theFileNameIsAValidSwiftStringLiteral(file: String, literal: String) {
        #expect(ChapterProgram.literal(file) == literal)
    }

    @Test func theDirectivesNameTheFileAsALiteralAndTheCompiledNameIsItsContent() {
        let file = "chapters/02 a#b?c%d\"e'\\:f.md"
        let (document, _) = ChapterParser().parse("```swift\nlet a = 1\n```\n\nIt is `{swift} a`.\n", file: file)
        let program = ChapterProgram(document: document)
        #expect(program.source.contains("#sourceLocation(file: \"chapters/02 a#b?c%d\\\"e'\\\\:f.md\", line: 2)\nlet a = 1\n"))
        #expect(program.source.contains("#sourceLocation(file: \"chapters/02 a#b?c%d\\\"e'\\\\:f.md\", line: 5)\n"))
        #expect(program.compiledFile == "chapters/02 a#b?c%d\\\"e'\\\\:f.md")
        #expect(ChapterProgram(document: ChapterParser().parse("", file: "chapters/a b.md").0).compiledFile == "chapters/a b.md")
    }
}
