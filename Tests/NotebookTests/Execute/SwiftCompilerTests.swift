import Foundation
import Testing

@testable import Notebook

struct SwiftCompilerTests {
    @Test func diagnosticsMapToMarkdownColumnsIncludingFenceIndentation() throws {
        let (document, _) = ChapterParser().parse("# T\n\n  ```swift\n  let x: Int = \"s\"\n  ```\n", file: "chapters/a.md")
        let program = ChapterProgram(document: document)
        let output = """
            chapters/a.md:4:14: error: cannot convert value of type 'String' to specified type 'Int'
            main.swift:1:1: warning: something in generated code
            /tmp/x.swift:3:3: error: elsewhere
            """
        let diagnostics = SwiftCompiler.diagnostics(in: output, program: program)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(file: "chapters/a.md", line: 4, column: 16))
        #expect(diagnostics[0].severity == .error)
    }

    @Test(arguments: ["chapters/02 a:b.md", "chapters/02 a#b?c%d\"e'.md", "chapters/x\\y: z.md", "chapters/1:2:3.md"])
    func chapterNamesWithColonsSpacesAndQuotesStillMapToTheirLines(file: String) throws {
        let (document, _) = ChapterParser().parse("# T\n\n  ```swift\n  let x: Int = \"s\"\n  ```\n", file: file)
        let program = ChapterProgram(document: document)
        // swiftc prints the name as written in the directive's literal, escapes and all.
        let output = """
            \(program.compiledFile):4:14: error: cannot convert value of type 'String' to specified type 'Int'
            \(program.compiledFile):4:3: warning: a warning: with colons
            chapters/other.md:4:14: error: elsewhere
            \(program.compiledFile)x:4:14: error: a longer name
            """
        let diagnostics = SwiftCompiler.diagnostics(in: output, program: program)
        #expect(diagnostics.count == 2)
        let error = try #require(diagnostics.first)
        #expect(error.location == SourceLocation(file: file, line: 4, column: 16))
        #expect(error.severity == .error)
        #expect(error.message == "cannot convert value of type 'String' to specified type 'Int'")
        #expect(diagnostics.last?.message == "a warning: with colons")
        #expect(diagnostics.last?.location == SourceLocation(file: file, line: 4, column: 5))
    }

    @Test func theProgramPlacesEachBlockAfterASourceLocationDirective() {
        let (document, _) = ChapterParser().parse("```swift\nlet a = 1\n```\n\n```swift\n//| echo: false\nprint(a)\n```\n", file: "chapters/b.md")
        let program = ChapterProgram(document: document)
        #expect(program.source.contains("_normbookBeginCell(0)\n#sourceLocation(file: \"chapters/b.md\", line: 2)\nlet a = 1\n#sourceLocation()\n"))
        #expect(program.source.contains("_normbookBeginCell(1)\n#sourceLocation(file: \"chapters/b.md\", line: 6)\n//| echo: false\nprint(a)\n"))
        #expect(program.source.hasPrefix("import Foundation\nimport Regularization\nimport NotebookRuntime\n"))
        #expect(program.block(containing: 7) == 1)
        #expect(program.block(containing: 3) == nil)
    }
}

struct ChapterKitTests {
    @Test func theKitNextToTheTestsHasItsModulesAndTheOpenBLASModuleMap() throws {
        let kit = try ChapterKit.locate()
        #expect(kit.moduleMaps.count == 1)
        #expect(kit.moduleMaps.first?.lastPathComponent == "module.modulemap")
        #expect(kit.compilerArguments.contains("-fmodule-map-file=\(kit.moduleMaps[0].path)"))
        // The compiler that built the modules is read from them.
        #expect(kit.compilerVersion?.hasPrefix("Swift version ") == true)
    }

    @Test func aFolderWithoutTheLibraryIsNoKit() {
        #expect(ChapterKit(at: URL(fileURLWithPath: "/nonexistent")) == nil)
    }
}
