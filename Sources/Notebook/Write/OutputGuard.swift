#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Decides whether a folder may be (re)placed by a report: normbook replaces only what it
/// wrote. Checked before anything is compiled, so a bad `--output` costs nothing.
struct OutputGuard {
    var projectRoot: URL
    var chapters: URL
    var cache: URL
    /// Whether a non-empty folder normbook did not write may be adopted (`--force`).
    var force: Bool

    /// Throws `NotebookError.refusedOutput` when `output` must not be replaced.
    func check(_ output: URL, shownAs name: String) throws {
        let target = Self.resolved(output)
        let protected: [(URL, String)] = [
            (projectRoot, "the project root"), (chapters, "the chapters folder"), (cache, "the cache folder"),
        ]
        for (folder, what) in protected {
            let path = Self.resolved(folder).path
            if target.path == path {
                throw refusal(name, "it is \(what)")
            }
            if Self.contains(target, path) {
                throw refusal(name, "it holds \(what) ('\(Self.relative(path, to: target.path))')")
            }
        }
        if Self.contains(Self.resolved(chapters), target.path) {
            throw refusal(name, "it lies inside the chapters folder, among the sources")
        }
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return }  // a new folder
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw NotebookError.refusedOutput(
                path: name, reason: "it is a symbolic link", hint: "pass the folder it points to, or a new folder")
        case S_IFDIR:
            break
        default:
            throw NotebookError.refusedOutput(
                path: name, reason: "it is a file, not a folder, and normbook replaces only folders it wrote",
                hint: "choose another --output (a new folder, e.g. output)")
        }
        if ReportMarker.isPresent(in: output) { return }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).sorted()
        if entries.isEmpty || force { return }
        let shown = entries.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", … (\(entries.count) entries)" : "")
        throw NotebookError.refusedOutput(
            path: name,
            reason: "the folder holds files normbook did not write (\(shown)) and no \(ReportMarker.fileName) marker",
            hint: "choose an empty or new folder, or pass --force to replace this one: everything in it will be deleted")
    }

    private func refusal(_ name: String, _ reason: String) -> NotebookError {
        .refusedOutput(
            path: name, reason: reason + "; replacing it would delete your files",
            hint: "choose a folder of its own for the report, e.g. --output output (--force does not change this)")
    }

    /// `url` with symbolic links resolved in its longest existing prefix.
    static func resolved(_ url: URL) -> URL {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var real = existing.resolvingSymlinksInPath()
        for component in rest { real.appendPathComponent(component) }
        return real.standardizedFileURL
    }

    /// Whether `ancestor` is a strict ancestor of `path`.
    static func contains(_ ancestor: URL, _ path: String) -> Bool {
        let base = ancestor.path == "/" ? "/" : ancestor.path + "/"
        return path.hasPrefix(base) && path != ancestor.path
    }

    private static func relative(_ path: String, to base: String) -> String {
        let prefix = base == "/" ? "/" : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
