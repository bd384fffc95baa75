#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Testing

@testable import Notebook

struct ProjectLockTests {
    @Test func aSecondHolderIsToldWhoHoldsTheLockAndGetsItOnceReleased() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-lock-\(UUID().uuidString)")
        var first: ProjectLock? = try ProjectLock.acquire(CacheLayout(folder: cache).lock, wait: false, onWaiting: nil)
        #expect(first != nil)
        #expect(throws: NotebookError.projectBusy(holder: getpid(), lockFile: cache.appendingPathComponent("lock").path)) {
            _ = try ProjectLock.acquire(CacheLayout(folder: cache).lock, wait: false, onWaiting: nil)
        }
        first = nil  // closing the descriptor releases the lock, as the kernel does when a holder dies
        let second = try ProjectLock.acquire(CacheLayout(folder: cache).lock, wait: false, onWaiting: nil)
        withExtendedLifetime(second) {}
    }

    @Test func leftoverNamesAreRecognisedExactly() {
        #expect(LeftoverCleaner.leftoverPid(".output.staging-123", output: "output") == 123)
        #expect(LeftoverCleaner.leftoverPid(".output.old-7", output: "output") == 7)
        #expect(LeftoverCleaner.leftoverPid(".output.staging-12x", output: "output") == nil)
        #expect(LeftoverCleaner.leftoverPid(".report.old-7", output: "output") == nil)
    }
}
