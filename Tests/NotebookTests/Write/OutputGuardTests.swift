import Foundation
import Testing

@testable import Notebook

struct OutputGuardTests {
    let root: URL

    init() throws {
        root = try temporaryProject("guard", folders: ["chapters", ".normbook-cache"])
    }

    func guardFor(force: Bool = false) -> OutputGuard {
        OutputGuard(
            projectRoot: root, chapters: root.appendingPathComponent("chapters"),
            cache: root.appendingPathComponent(".normbook-cache"), force: force)
    }

    func refusal(_ path: String, force: Bool = false) -> String? {
        do {
            try guardFor(force: force).check(root.appendingPathComponent(path), shownAs: path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theProjectItsSourcesAndItsCacheAreNeverReplaced() {
        for path in [".", "chapters", ".normbook-cache", "..", "chapters/out", "chapters/../."] {
            for force in [false, true] {
                #expect(refusal(path, force: force) != nil, "\(path) accepted")
            }
        }
        #expect(refusal("..")?.contains("it holds the project root") == true)
    }

    @Test func aSymbolicLinkToTheProjectIsSeenThrough() throws {
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("alias"), withDestinationURL: root)
        #expect(refusal("alias/chapters", force: true) != nil)
        #expect(refusal("alias")?.contains("symbolic link") == true || refusal("alias")?.contains("project root") == true)
    }

    @Test func filesAndForeignFoldersNeedCareButNewOnesAndOwnReportsAreFine() throws {
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(refusal("notes.txt", force: true)?.contains("is a file") == true)
        let foreign = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        #expect(refusal("docs") == nil)  // empty
        try Data("x".utf8).write(to: foreign.appendingPathComponent("a.md"))
        #expect(refusal("docs")?.contains("holds files normbook did not write (a.md)") == true)
        #expect(refusal("docs", force: true) == nil)
        try ReportMarker.write(into: foreign)
        #expect(refusal("docs") == nil)
        #expect(refusal("output") == nil)
    }
}
