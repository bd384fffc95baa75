import NotebookProtocol
import Testing

@testable import Notebook

struct TrapLocationTests {
    /// Debug information names the chapter as swiftc read it from the `#sourceLocation` literal,
    /// escapes included; the trap must still land on its line in the real file.
    @Test(arguments: ["chapters/03-trap.md", "chapters/03 a\"b\\c:d.md"])
    func aTrapInAChapterWithAnOddNameIsPlacedAtItsLine(file: String) throws {
        let (document, _) = ChapterParser().parse("# T\n\n```swift\nlet a = [1]\nprint(a[3])\n```\n", file: file)
        let compiled = ChapterProgram(document: document).compiledFile
        let stderr = """
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
            { "kind": "crashReport", "description": "Illegal instruction", "threads": [ { "crashed": true, "frames": [ { "kind": "returnAddress", "sourceLocation": { "file": \(ChapterProgram.literal(compiled)), "line": 5, "column": 7 } } ] } ] }
            """
        let run = ChapterRunner.Run(
            termination: .signalled(4), stdout: "", stderr: stderr,
            events: [RuntimeEvent(cell: 0, sequence: 0, payload: .cellStarted)], timeout: nil)
        let result = ResultAssembler(document: document, provenance: Provenance(normbook: "0", compiler: "s", blas: "b"))
            .assemble(.ran(run, compileDiagnostics: []))
        let trap = try #require(result.blocks.first?.diagnostics.first)
        #expect(trap.message == "runtime trap: Fatal error: Index out of range")
        #expect(trap.location == SourceLocation(file: file, line: 5, column: 7))
    }
}
