import Testing

@testable import Notebook

struct CrashReportTests {
    let stderr = """
        \u{1E}normbook:cell:1
        Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

        *** Signal 4: Backtracing from 0x7f... done ***

        { "kind": "crashReport", "description": "Illegal instruction", "threads": [ { "crashed": true, "frames": [ { "kind": "programCounter", "image": "libswiftCore.so" }, { "kind": "returnAddress", "sourceLocation": { "file": "chapters/03-trap.md", "line": 13, "column": 13 } }, { "kind": "returnAddress", "sourceLocation": { "file": "chapters/03-trap.md", "line": 21, "column": 7 } } ] } ] }
        """

    @Test func theInnermostChapterFrameAndTheMessageAreFound() throws {
        let report = try #require(CrashReport.parse(stderr: stderr, chapterFile: "chapters/03-trap.md"))
        #expect(report.message == "Fatal error: Index out of range")
        #expect(report.location == SourceLocation(file: "chapters/03-trap.md", line: 13, column: 13))
    }

    @Test func theReportIsStrippedFromTheShownText() {
        let shown = CrashReport.strippingReport(from: stderr)
        #expect(!shown.contains("crashReport"))
        #expect(!shown.contains("Backtracing"))
        #expect(shown.contains("Fatal error: Index out of range"))
    }

    @Test func ordinaryStderrHasNoReport() {
        #expect(CrashReport.parse(stderr: "warning: something\n", chapterFile: "chapters/a.md") == nil)
    }
}
