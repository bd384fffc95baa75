import Foundation
import Testing

@testable import Notebook

struct BuildLifecycleTests {
    @Test func anInterruptionKillsChildrenRemovesTemporaryFoldersAndRefusesNewWork() throws {
        let lifecycle = BuildLifecycle()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        lifecycle.registerTemporary(temporary)
        lifecycle.building(report: temporary.appendingPathComponent("no-report-here"))
        let outcome = lifecycle.interrupt()
        #expect(!FileManager.default.fileExists(atPath: temporary.path))
        #expect(outcome.message == "interrupted; no report was written")
        #expect(lifecycle.isInterrupted)
        #expect(throws: InterruptedError.self) { _ = try lifecycle.start { 0 } }
        #expect(throws: InterruptedError.self) { try lifecycle.swappingReport {} }
    }

    @Test func theMessageSaysWhatHappenedToTheReport() throws {
        let lifecycle = BuildLifecycle()
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: report, withIntermediateDirectories: true)
        try ReportMarker.write(into: report)
        lifecycle.building(report: report)
        #expect(lifecycle.interrupt().message == "interrupted; previous report kept")

        let swapped = BuildLifecycle()
        try swapped.swappingReport {}
        #expect(swapped.interrupt().message == "interrupted; the new report was already in place")
    }

    @Test func readOnlyFoldersNormbookWroteCanStillBeRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-lifecycle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("inner"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent("inner/file"))
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.appendingPathComponent("inner").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        BuildLifecycle.removeOwnedFolder(atPath: folder.path)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
