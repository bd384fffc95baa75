#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Removes what builds that were killed (SIGKILL, a power cut) left behind: staging and
/// set-aside report folders beside the output (`.NAME.staging-PID`, `.NAME.old-PID`) and
/// verification scratch in the cache. Runs under the project lock, and removes a folder only
/// if normbook wrote it (it carries the report marker) and the process that made it is gone.
enum LeftoverCleaner {
    static func clean(besides output: URL) {
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let pid = leftoverPid(entry, output: name), !isAlive(pid) else { continue }
            let folder = parent.appendingPathComponent(entry)
            guard ReportMarker.isPresent(in: folder) || isEmptyFolder(folder) else { continue }
            BuildLifecycle.removeOwnedFolder(atPath: folder.path)
        }
    }

    /// The pid in `.NAME.staging-PID` or `.NAME.old-PID`.
    static func leftoverPid(_ entry: String, output name: String) -> Int32? {
        for kind in ["staging", "old"] {
            let prefix = ".\(name).\(kind)-"
            if entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) { return pid }
        }
        return nil
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() ? false : (kill(pid, 0) == 0 || errno == EPERM)
    }

    private static func isEmptyFolder(_ folder: URL) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
    }
}
