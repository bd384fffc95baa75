#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Values derived from a file (the compiler's `--version`, the kit library's digest), kept for
/// the life of the process while the file keeps its size and modification time. One build asks
/// once anyway; the live preview (`normbook serve`) builds on every edit, and asking again each
/// time (a compiler start, a digest of the whole kit library) was most of a prose edit's
/// rebuild. A toolchain or kit replaced in between has another modification time and is asked
/// again.
final class FileIdentityMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: (identity: String, value: String)] = [:]

    /// `compute()` for `path`, or the value computed before for the same file.
    func value(for path: String, _ compute: () -> String) -> String {
        guard let identity = Self.identity(of: path) else { return compute() }
        lock.lock()
        if let known = values[path], known.identity == identity {
            lock.unlock()
            return known.value
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        values[path] = (identity, value)
        lock.unlock()
        return value
    }

    /// The file's device, inode, size and modification time (symbolic links followed).
    static func identity(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
