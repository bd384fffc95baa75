import Foundation
import Testing

@testable import Notebook

/// Where a single-file report may be written: only a new file or one normbook wrote.
struct SingleFileOutputTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-single-\(UUID().uuidString)")

    var guardian: SingleFileOutput {
        SingleFileOutput(
            chapters: root.appendingPathComponent("chapters"), cache: root.appendingPathComponent(".normbook-cache"),
            output: root.appendingPathComponent("output"))
    }

    func refusal(_ path: String) -> String? {
        do {
            try guardian.check(root.appendingPathComponent(path), shownAs: path)
            return nil
        } catch NotebookError.refusedOutput(_, let reason, _, _) {
            return reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func aNewFileOrOneNormbookWroteMayBeWritten() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(refusal("report.html") == nil)
        #expect(refusal("new-folder/report.html") == nil)
        try SingleFileOutput.write(Data(("<!DOCTYPE html>\n" + SingleFilePage.marker + "\n<html></html>").utf8), to: root.appendingPathComponent("report.html"))
        #expect(refusal("report.html") == nil)
        // Written by rename: no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report.html"])
    }

    @Test func aFileOfTheUsersAFolderALinkOrAnotherExtensionIsRefused() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("folder.html"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("<!DOCTYPE html>\n<p>my notes</p>".utf8).write(to: root.appendingPathComponent("mine.html"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.html").path, withDestinationPath: "mine.html")
        #expect(refusal("mine.html") == "the file exists and normbook did not write it (it does not start with normbook's marker line)")
        #expect(refusal("folder.html") == "it is a folder, not a file")
        #expect(refusal("link.html") == "it is a symbolic link")
        #expect(refusal("notes.md") == "a single-file report is an HTML file, and this name does not end in .html")
        #expect(try String(contentsOf: root.appendingPathComponent("mine.html"), encoding: .utf8) == "<!DOCTYPE html>\n<p>my notes</p>")
    }

    @Test func pathsInsideTheChaptersCacheOrReportFolderAreRefused() {
        #expect(refusal("chapters/report.html") == "it lies inside the chapters folder, which normbook reads")
        #expect(refusal("output/report.html") == "it lies inside the report folder, which normbook replaces as a whole")
        #expect(refusal(".normbook-cache/r.html") == "it lies inside the cache folder, which normbook replaces as a whole")
    }

    @Test func theMarkerIsRecognisedOnlyAtTheStart() {
        #expect(SingleFilePage.isMarked(Data(("<!DOCTYPE html>\n" + SingleFilePage.marker + "\n").utf8)))
        #expect(!SingleFilePage.isMarked(Data(("<!DOCTYPE html>\n<p>" + SingleFilePage.marker + "</p>").utf8)))
        #expect(!SingleFilePage.isMarked(Data()))
    }
}
