import Testing

@testable import Notebook

struct SuggestionTests {
    @Test(arguments: [
        ("lable", "label"), ("captoin", "caption"), ("timout", "timeout"), ("ECHO", "echo"),
    ])
    func closeMisspellingsGetASuggestion(word: String, expected: String) {
        #expect(Suggestion.closest(to: word, in: BlockOptions.keys) == expected)
    }

    @Test func unrelatedWordsGetNone() {
        #expect(Suggestion.closest(to: "colour", in: BlockOptions.keys) == nil)
    }

    @Test func diagnosticsPrintInCompilerForm() {
        let d = Diagnostic(.error, at: SourceLocation(file: "chapters/a.md", line: 3, column: 7), "bad", hint: "fix it")
        #expect(d.description == "chapters/a.md:3:7: error: bad\n  hint: fix it")
    }
}
