import Foundation
import Notebook
import Testing

@testable import NotebookPreview

struct PreviewProblemTests {
    @Test func aDiagnosticBringsItsSourceLineAndACaretAtItsColumn() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-problem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        try Data("# T\n\n```swift\n\tlet µ = missing\n```\n".utf8).write(to: root.appendingPathComponent("chapters/01-t.md"))
        // Column 11 in UTF-8 bytes: a tab, "let ", "µ" (2 bytes), " = ", then `missing`.
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "chapters/01-t.md", line: 4, column: 11), "cannot find 'missing' in scope",
            hint: "declare it")
        let problem = PreviewProblem(diagnostic, projectRoot: root)
        #expect(problem.location == "chapters/01-t.md:4:11")
        #expect(problem.sourceLine == "\tlet µ = missing")
        #expect(problem.caret == "\t" + String(repeating: " ", count: 8) + "^")
        #expect(problem.terminalText == """
            chapters/01-t.md:4:11: error: cannot find 'missing' in scope
                \tlet µ = missing
                \t        ^
              hint: declare it
            """)
    }

    @Test func aDiagnosticWithoutAReadablePlaceHasOnlyItsMessage() {
        let outside = Diagnostic(.error, at: SourceLocation(file: "chapters/none.md", line: 3, column: 1), "gone")
        let problem = PreviewProblem(outside, projectRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(problem.sourceLine == nil && problem.caret == nil)
        #expect(problem.terminalText == "chapters/none.md:3:1: error: gone")
        let nowhere = PreviewProblem(Diagnostic(.error, at: nil, "no compiler"), projectRoot: URL(fileURLWithPath: "/"))
        #expect(nowhere.location == nil)
        #expect(nowhere.terminalText == "error: no compiler")
    }

    @Test func anErrorFromTheProjectFileKeepsItsPlaces() {
        let error = NotebookError.invalidChapter([
            Diagnostic(.error, at: SourceLocation(file: "normbook.yml", line: 2, column: 1), "unknown key 'titel'"),
            Diagnostic(.warning, at: nil, "only a warning"),
        ])
        let problems = RebuildLoop.problems(for: error, projectRoot: URL(fileURLWithPath: "/nonexistent"))
        #expect(problems.map(\.location) == ["normbook.yml:2:1"])
        #expect(RebuildLoop.problems(for: NotebookError.compilerNotFound, projectRoot: URL(fileURLWithPath: "/")).count == 1)
    }
}

struct ClientScriptTests {
    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = "<html><body><p>a</p></BODY>\n<!-- </body> in a comment -->\n</body></html>"
        let injected = ClientScript.inject(into: page)
        #expect(injected == "<html><body><p>a</p></BODY>\n<!-- </body> in a comment -->\n\(ClientScript.tag)\n</body></html>")
        #expect(ClientScript.inject(into: "<p>no body</p>") == "<p>no body</p>\n\(ClientScript.tag)\n")
    }

    @Test func theScriptListensWhereTheServerSends() {
        #expect(ClientScript.source.contains("new EventSource(\"\(ClientScript.eventsPath)\")"))
        #expect(ClientScript.source.contains("location.reload()"))
        #expect(ClientScript.source.contains("sessionStorage"))
        // Error text is put into the page as text, never as HTML.
        #expect(!ClientScript.source.contains("innerHTML"))
    }
}

struct PreviewPathsTests {
    let folder = URL(fileURLWithPath: "/srv/preview")

    @Test func pathsMapToFilesInsideThePreviewFolder() {
        #expect(PreviewPaths.file(for: "/", in: folder)?.path == "/srv/preview/index.html")
        #expect(PreviewPaths.file(for: "/01-norms.html", in: folder)?.path == "/srv/preview/01-norms.html")
        #expect(PreviewPaths.file(for: "/sub/", in: folder)?.path == "/srv/preview/sub/index.html")
        #expect(PreviewPaths.file(for: "/a%20b.html", in: folder)?.path == "/srv/preview/a b.html")
    }

    @Test func pathsThatWouldLeaveTheFolderAreRefused() {
        for path in ["/../secret.html", "/%2e%2e/secret.html", "/a/%2F..%2Fb.html", "/.normbook-report", "/x/../../y.html"] {
            #expect(PreviewPaths.file(for: path, in: folder) == nil, "\(path)")
        }
    }
}

struct PreviewEventTests {
    @Test func eventsAreOneJSONObjectPerDataLine() {
        #expect(PreviewEvent.reload(pages: ["01-a.html", "index.html"]).serverSentEvent
            == "data: {\"pages\":[\"01-a.html\",\"index.html\"],\"type\":\"reload\"}\n\n")
        #expect(PreviewEvent.building(changed: ["chapters/01-a.md"]).json == #"{"changed":["chapters/01-a.md"],"type":"building"}"#)
        let problem = PreviewProblem(location: "chapters/01-a.md:6:14", message: "line\nbreak", sourceLine: "let x", caret: "    ^")
        let json = PreviewEvent.problems([problem]).json
        #expect(!json.contains("\n"))
        #expect(json.contains(#""location":"chapters/01-a.md:6:14""#))
        #expect(PreviewEvent.problems([]).json == #"{"problems":[],"type":"problems"}"#)
    }

    @Test func aNewListenerGetsTheCurrentErrorsThenWhatIsPublished() async {
        let hub = PreviewHub()
        hub.publish(.problems([PreviewProblem(location: "chapters/a.md:1:1", message: "broken")]))
        let stream = hub.subscribe()
        #expect(hub.listenerCount == 1)
        hub.publish(.reload(pages: ["a.html"]))
        hub.finishAll()
        var received: [String] = []
        for await text in stream { received.append(text) }
        #expect(received.count == 3)
        #expect(received[1].contains("broken"))
        #expect(received[2].contains(#""type":"reload""#))
        #expect(hub.listenerCount == 0)
    }
}
