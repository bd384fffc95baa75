#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Where `--single-file` (or `single-file:` in `normbook.yml`) may write, and the writing itself.
///
/// The rule, like the output folder's: normbook replaces only what it wrote. The path must end
/// in `.html`; it may be new, or an existing file that starts with normbook's marker line
/// (`SingleFilePage.marker`, right after the doctype). A file without it, a folder, a symbolic
/// link, or a path inside the chapters, cache or output folder is refused before anything is
/// compiled (`--force` does not change this: delete the file yourself if it can go). The file is
/// written beside its place and renamed over it, so a build that fails or is interrupted leaves
/// the previous one as it was.
struct SingleFileOutput {
    var chapters: URL
    var cache: URL
    var output: URL

    /// Throws `NotebookError.refusedOutput` when `file` must not be written.
    func check(_ file: URL, shownAs name: String) throws {
        let ext = file.pathExtension.lowercased()
        guard ext == "html" || ext == "htm" else {
            throw NotebookError.refusedOutput(
                path: name, reason: "a single-file report is an HTML file, and this name does not end in .html",
                hint: "choose a name such as report.html")
        }
        let target = OutputGuard.resolved(file)
        for (folder, what) in [(chapters, "the chapters folder"), (cache, "the cache folder"), (output, "the report folder")] {
            let path = OutputGuard.resolved(folder).path
            if target.path == path || OutputGuard.contains(OutputGuard.resolved(folder), target.path) {
                throw NotebookError.refusedOutput(
                    path: name, reason: "it lies inside \(what), which normbook \(what == "the chapters folder" ? "reads" : "replaces as a whole")",
                    hint: "choose a file outside it, e.g. report.html at the project root")
            }
        }
        var info = stat()
        guard lstat(file.path, &info) == 0 else { return }  // a new file
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFLNK:
            throw NotebookError.refusedOutput(
                path: name, reason: "it is a symbolic link", hint: "pass the file it points to, or a new file name")
        case S_IFDIR:
            throw NotebookError.refusedOutput(
                path: name, reason: "it is a folder, not a file", hint: "pass a file name such as report.html")
        default:
            throw NotebookError.refusedOutput(path: name, reason: "it is not a regular file", hint: "pass a new file name")
        }
        let start = FileHandle(forReadingAtPath: file.path).map { handle in
            defer { try? handle.close() }
            return (try? handle.read(upToCount: 4096)) ?? Data()
        } ?? Data()
        guard SingleFilePage.isMarked(start) else {
            throw NotebookError.refusedOutput(
                path: name,
                reason: "the file exists and normbook did not write it (it does not start with normbook's marker line)",
                hint: "choose a new file name, or delete this file yourself if it can go (--force does not replace files)")
        }
    }

    /// Writes `data` to `file`: into a temporary file beside it, then renamed over it.
    static func write(_ data: Data, to file: URL) throws {
        let fm = FileManager.default
        let parent = file.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(file.lastPathComponent).normbook-\(getpid())")
        BuildLifecycle.shared.registerTemporary(temporary)
        defer {
            try? fm.removeItem(at: temporary)
            BuildLifecycle.shared.unregisterTemporary(temporary)
        }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            throw NotebookError.unwritable(path: file.path, reason: error.localizedDescription)
        }
        try BuildLifecycle.shared.swappingReport {
            guard rename(temporary.path, file.path) == 0 else {
                throw NotebookError.unwritable(path: file.path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
