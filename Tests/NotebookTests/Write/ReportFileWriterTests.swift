import Foundation
import Testing

@testable import Notebook

/// A staged report links the previous report's unchanged files and writes the others.
struct ReportFileWriterTests {
    func inode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    @Test func unchangedBytesAreLinkedChangedOnesWritten() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let (old, new) = (base.appendingPathComponent("old"), base.appendingPathComponent("new"))
        for folder in [old, new] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        try ReportFileWriter(folder: old).write(Data("same".utf8), to: "same.html")
        try ReportFileWriter(folder: old).write(Data("before".utf8), to: "changed.html")

        let writer = ReportFileWriter(folder: new, previous: old)
        try writer.write(Data("same".utf8), to: "same.html")
        try writer.write(Data("after".utf8), to: "changed.html")
        try writer.write(Data("new".utf8), to: "added.html")

        #expect(try inode(new.appendingPathComponent("same.html")) == inode(old.appendingPathComponent("same.html")))
        #expect(try inode(new.appendingPathComponent("changed.html")) != inode(old.appendingPathComponent("changed.html")))
        #expect(FileManager.default.contents(atPath: new.appendingPathComponent("changed.html").path) == Data("after".utf8))
        #expect(FileManager.default.contents(atPath: new.appendingPathComponent("added.html").path) == Data("new".utf8))
        // The previous report is untouched.
        #expect(FileManager.default.contents(atPath: old.appendingPathComponent("changed.html").path) == Data("before".utf8))
        // Removing the previous report leaves the linked file in the new one.
        try FileManager.default.removeItem(at: old)
        #expect(FileManager.default.contents(atPath: new.appendingPathComponent("same.html").path) == Data("same".utf8))
    }

    @Test func aShorterFileReplacesALongerOneWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = ReportFileWriter(folder: folder)
        try writer.write(Data(repeating: 1, count: 100_000), to: "a.bin")
        try writer.write(Data([2, 3]), to: "a.bin")
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("a.bin").path) == Data([2, 3]))
        #expect(throws: NotebookError.self) { try writer.write(Data(), to: "missing-folder/a.bin") }
    }
}
