#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// What this normbook process has started and must undo if it is interrupted: the child
/// processes it runs (compilers, chapter programs) and the temporary folders it writes
/// (staging reports, verification scratch).
///
/// Children also die on their own when normbook dies without a chance to clean up (SIGKILL):
/// see `ProcessIsolation`. Temporary folders left by such a death are removed by the next
/// build (`LeftoverCleaner`).
public final class BuildLifecycle: @unchecked Sendable {
    /// The one lifecycle of this process.
    public static let shared = BuildLifecycle()

    private let lock = NSLock()
    private var children: Set<pid_t> = []
    private var temporaryFolders: Set<String> = []
    private var installedReports = 0
    private var interrupted = false
    private var reportFolders: Set<String> = []

    init() {}

    /// What an interruption found and did.
    public struct Interruption: Sendable {
        /// How many running child process groups were killed.
        public var killedChildren: Int
        /// Whether a new report had already replaced the previous one when the interruption came.
        public var reportReplaced: Bool
        /// Whether the report folder the build was writing holds a (previous) report.
        public var previousReportExists: Bool

        /// The one line a user reads.
        public var message: String {
            if reportReplaced { return "interrupted; the new report was already in place" }
            return previousReportExists ? "interrupted; previous report kept" : "interrupted; no report was written"
        }
    }

    /// Kills every running child's process group, removes every registered temporary folder and
    /// refuses to start anything more. Waits for a report swap in progress to finish first, so
    /// the output folder is always either the previous report or the new one.
    public func interrupt() -> Interruption {
        lock.lock()
        defer { lock.unlock() }
        interrupted = true
        for pid in children { kill(-pid, SIGKILL) }
        let killed = children.count
        for path in temporaryFolders { BuildLifecycle.removeOwnedFolder(atPath: path) }
        temporaryFolders.removeAll()
        let previous = reportFolders.contains { ReportMarker.isPresent(in: URL(fileURLWithPath: $0)) }
        return Interruption(killedChildren: killed, reportReplaced: installedReports > 0, previousReportExists: previous)
    }

    /// Kills the process groups of the children running now, without refusing new ones (unlike
    /// `interrupt()`), and returns how many there were. The live preview (`normbook serve`)
    /// calls it when an edit makes the build under way stale: the chapters those children
    /// belonged to fail, their failures are not cached, and the next build runs them again.
    @discardableResult public func stopRunningChildren() -> Int {
        lock.lock()
        defer { lock.unlock() }
        for pid in children { kill(-pid, SIGKILL) }
        return children.count
    }

    /// Whether `interrupt()` was called.
    var isInterrupted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return interrupted
    }

    /// Starts a child with `spawn` and records it, atomically with respect to `interrupt()`:
    /// a child is either never started or always killed by an interruption.
    func start(_ spawn: () throws -> pid_t) throws -> pid_t {
        lock.lock()
        defer { lock.unlock() }
        guard !interrupted else { throw InterruptedError() }
        let pid = try spawn()
        children.insert(pid)
        return pid
    }

    /// Forgets a child that was waited for.
    func finished(_ pid: pid_t) {
        lock.lock()
        children.remove(pid)
        lock.unlock()
    }

    /// Records the report folder a build writes (for the message after an interruption).
    func building(report folder: URL) {
        lock.lock()
        reportFolders.insert(folder.path)
        lock.unlock()
    }

    /// Records a folder that is removed if the build is interrupted.
    func registerTemporary(_ folder: URL) {
        lock.lock()
        temporaryFolders.insert(folder.path)
        lock.unlock()
    }

    /// Forgets a temporary folder (it was moved into place or removed).
    func unregisterTemporary(_ folder: URL) {
        lock.lock()
        temporaryFolders.remove(folder.path)
        lock.unlock()
    }

    /// Runs a report swap so that an interruption either comes before it (and the previous
    /// report stays) or waits for it to finish.
    func swappingReport<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !interrupted else { throw InterruptedError() }
        let value = try body()
        installedReports += 1
        return value
    }

    /// Removes a folder normbook wrote, making read-only parts writable first (a report folder
    /// a user made read-only is still normbook's to replace).
    static func removeOwnedFolder(atPath path: String) {
        let fm = FileManager.default
        if (try? fm.removeItem(atPath: path)) != nil || !fm.fileExists(atPath: path) { return }
        makeWritable(path)
        try? fm.removeItem(atPath: path)
    }

    private static func makeWritable(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            chmod(path, (info.st_mode & 0o7777) | S_IRWXU)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                makeWritable(path + "/" + name)
            }
        }
    }
}

/// The build was interrupted (SIGINT or SIGTERM) while this step was about to start.
struct InterruptedError: Error, CustomStringConvertible {
    var description: String { "interrupted" }
}
