import Foundation
import Testing

@testable import NotebookPreview

/// The paths a watcher reported, collected across its thread.
private final class Reported: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    func add(_ more: [String]) {
        lock.lock()
        paths += more
        lock.unlock()
    }
    func wait(seconds: Double, for path: String) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if all.contains(path) { return true }
            usleep(10_000)
        }
        return all.contains(path)
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths
    }
}

struct ProjectWatcherTests {
    func makeProject() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-watch-\(UUID().uuidString)").standardizedFileURL
        for folder in ["chapters/data", "output", ".normbook-cache"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        return root
    }

    @Test func writesRenamesAndNewFoldersAreSeenButNotExcludedOrHiddenOnes() throws {
        let root = try makeProject()
        let reported = Reported()
        let watcher = try ProjectWatcher(roots: [root], excluded: [root.appendingPathComponent("output")]) { reported.add($0) }
        #expect(watcher.folderCount == 3)  // the root, chapters, chapters/data

        let chapter = root.appendingPathComponent("chapters/01-a.md").path
        try Data("# A".utf8).write(to: URL(fileURLWithPath: chapter))
        #expect(reported.wait(seconds: 5, for: chapter))

        // An editor's save by rename (write a temporary file, move it over the chapter).
        let data = root.appendingPathComponent("chapters/data/x.csv").path
        try Data("1,2".utf8).write(to: URL(fileURLWithPath: data), options: .atomic)
        #expect(reported.wait(seconds: 5, for: data))

        // A folder made after the watch started is watched too.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters/more"), withIntermediateDirectories: true)
        usleep(200_000)
        let nested = root.appendingPathComponent("chapters/more/y.csv").path
        try Data("3".utf8).write(to: URL(fileURLWithPath: nested))
        #expect(reported.wait(seconds: 5, for: nested))

        try Data("x".utf8).write(to: root.appendingPathComponent("output/index.html"))
        try Data("x".utf8).write(to: root.appendingPathComponent(".normbook-cache/lock"))
        try Data("x".utf8).write(to: root.appendingPathComponent("chapters/.01-a.md.swp"))
        let marker = root.appendingPathComponent("normbook.yml").path
        try Data("title: t".utf8).write(to: URL(fileURLWithPath: marker))
        #expect(reported.wait(seconds: 5, for: marker))
        #expect(!reported.all.contains { $0.contains("/output/") || $0.contains(".normbook-cache") || $0.hasSuffix(".swp") })
        withExtendedLifetime(watcher) {}
    }

    @Test func editorScratchFilesAreRecognised() {
        for name in [".01.md.swp", "01.md~", "4913", "#01.md#", "x.swx"] { #expect(ProjectWatcher.isEditorScratch(name), "\(name)") }
        for name in ["01-norms.md", "digits.csv", "normbook.yml"] { #expect(!ProjectWatcher.isEditorScratch(name), "\(name)") }
    }
}
