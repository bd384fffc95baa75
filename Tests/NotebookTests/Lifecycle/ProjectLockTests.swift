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

    /// Shard builds of one project hold the lock shared: they run at once, and a whole build
    /// (exclusive) is refused until they end — and refuses them while it runs.
    @Test func sharedHoldersRunTogetherAndExcludeAWholeBuild() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-lock-\(UUID().uuidString)")
        let lock = CacheLayout(folder: cache).lock
        var one: ProjectLock? = try ProjectLock.acquire(lock, wait: false, shared: true, onWaiting: nil)
        var two: ProjectLock? = try ProjectLock.acquire(lock, wait: false, shared: true, onWaiting: nil)
        #expect(one != nil && two != nil)
        #expect(throws: NotebookError.self) { _ = try ProjectLock.acquire(lock, wait: false, onWaiting: nil) }
        one = nil
        #expect(throws: NotebookError.self) { _ = try ProjectLock.acquire(lock, wait: false, onWaiting: nil) }
        two = nil
        let whole = try ProjectLock.acquire(lock, wait: false, onWaiting: nil)
        #expect(throws: NotebookError.self) { _ = try ProjectLock.acquire(lock, wait: false, shared: true, onWaiting: nil) }
        withExtendedLifetime(whole) {}
        // One shard's own lock is exclusive: the same shard twice is refused.
        let shard = try Shard(index: 1, count: 2)
        let first = try ProjectLock.acquire(CacheLayout(folder: cache).lock(shard), wait: false, onWaiting: nil)
        #expect(throws: NotebookError.self) { _ = try ProjectLock.acquire(CacheLayout(folder: cache).lock(shard), wait: false, onWaiting: nil) }
        _ = try ProjectLock.acquire(CacheLayout(folder: cache).lock(try Shard(index: 2, count: 2)), wait: false, onWaiting: nil)
        withExtendedLifetime(first) {}
    }

    @Test func leftoverNamesAreRecognisedExactly() {
        #expect(LeftoverCleaner.leftoverPid(".output.staging-123", output: "output") == 123)
        #expect(LeftoverCleaner.leftoverPid(".output.old-7", output: "output") == 7)
        #expect(LeftoverCleaner.leftoverPid(".output.staging-12x", output: "output") == nil)
        #expect(LeftoverCleaner.leftoverPid(".report.old-7", output: "output") == nil)
    }
}
