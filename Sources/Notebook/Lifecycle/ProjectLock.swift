#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// One build per project at a time: an exclusive `flock` on `<cache>/lock`, held for the
/// whole build. The kernel releases it when the holder exits, however it exits, so a crashed
/// build never leaves the project locked. The holder's pid is written into the file for the
/// message a waiting build prints.
final class ProjectLock: @unchecked Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// Takes the lock `file` (`CacheLayout.lock` of the project's cache).
    ///
    /// - Parameters:
    ///   - wait: when another build holds it, wait for that build (else throw `.projectBusy`).
    ///   - onWaiting: called once, before waiting, with the holder's pid when known.
    ///   - shared: take the lock shared rather than exclusive: shard builds (`--shard I/N`) of
    ///     one project hold it shared, so they run at once while a whole build still excludes them.
    static func acquire(_ file: URL, wait: Bool, shared: Bool = false, onWaiting: ((Int32?) -> Void)?) throws -> ProjectLock {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.unwritable(path: folder.path, reason: error.localizedDescription)
        }
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw NotebookError.unwritable(path: file.path, reason: String(cString: strerror(errno))) }
        let lock = ProjectLock(descriptor: fd)
        let mode = shared ? LOCK_SH : LOCK_EX
        if flock(fd, mode | LOCK_NB) != 0 {
            let holder = lock.holder()
            guard wait else { throw NotebookError.projectBusy(holder: holder, lockFile: file.path) }
            onWaiting?(holder)
            while flock(fd, mode) != 0 {
                guard errno == EINTR else { throw NotebookError.unwritable(path: file.path, reason: String(cString: strerror(errno))) }
            }
        }
        // Shared holders write theirs too: a waiting build names one of them (or, should two
        // writes interleave, "another normbook").
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return lock
    }

    /// The pid written by the build that holds the lock.
    private func holder() -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
