#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Tells which files of a project changed, through Linux's inotify.
///
/// A small wrapper over the three system calls rather than a package: the offline package set
/// has no maintained Swift file-watching library for Linux (swift-nio has none, FSEvents is
/// macOS only), and polling modification times would cost a scan of the project per tick.
/// Folders are watched recursively; folders created later are added as they appear. Hidden
/// folders (`.git`, `.build`, the default cache), `.build-*` folders and the `excluded` ones
/// (the preview's own output, the report, the cache) are not watched.
final class ProjectWatcher: @unchecked Sendable {
    /// What a change looks like to the rebuild loop: absolute paths.
    typealias Handler = @Sendable ([String]) -> Void

    private let descriptor: Int32
    private let excluded: [String]
    private let lock = NSLock()
    private var folders: [Int32: String] = [:]
    private let handler: Handler

    /// Watches `roots` (folders, recursively) and the single `files` (their folder is watched
    /// but only those names reported), calling `handler` from a background thread.
    init(roots: [URL], excluded: [URL], handler: @escaping Handler) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw WatchError(message: "cannot watch the project for changes: inotify_init1 failed (\(String(cString: strerror(errno))))")
        }
        self.excluded = excluded.map { $0.standardizedFileURL.path }
        self.handler = handler
        for root in roots { addRecursively(root.standardizedFileURL.path) }
        guard !folders.isEmpty else {
            close(descriptor)
            throw WatchError(message: "cannot watch the project for changes: no folder could be watched")
        }
        let thread = Thread { [self] in readLoop() }
        thread.name = "normbook-watch"
        thread.start()
    }

    /// How many folders are watched.
    var folderCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return folders.count
    }

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    private func isExcluded(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if name.hasPrefix(".") || name.hasPrefix(".build") { return true }
        return excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    private func addRecursively(_ path: String) {
        guard !isExcluded(path) else { return }
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        guard wd >= 0 else { return }
        lock.lock()
        folders[wd] = path
        lock.unlock()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            addRecursively(path + "/" + name)
        }
    }

    private func readLoop() {
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(descriptor, buffer, size)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            var changed: [String] = []
            while offset + 16 <= n {
                let wd = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                let nameStart = buffer.advanced(by: offset + 16).assumingMemoryBound(to: CChar.self)
                let name = length > 0 ? String(cString: nameStart) : ""
                offset += 16 + length
                lock.lock()
                let folder = folders[wd]
                lock.unlock()
                guard let folder, !name.isEmpty else { continue }
                let path = folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(path) }
                    continue
                }
                // A file's creation is followed by its close after writing: report that one.
                if mask & UInt32(IN_CREATE) != 0 { continue }
                if Self.isEditorScratch(name) || isExcluded(path) { continue }
                changed.append(path)
            }
            if !changed.isEmpty { handler(changed) }
        }
    }

    /// Files editors write beside the one being saved (swap and backup files, vim's write test).
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#")
    }
}

/// The project cannot be watched.
struct WatchError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
