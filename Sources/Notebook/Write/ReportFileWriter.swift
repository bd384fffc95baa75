#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Writes the files of a report into its staging folder.
///
/// A file whose bytes are those of the same file in the report being replaced becomes a hard
/// link to it instead of a copy: a rebuild that changes one page writes one page, and the
/// figures, fonts and pages it leaves alone cost a link each. That is safe because no report file
/// is ever changed in place — every build stages new files and swaps folders — and the staging
/// folder is beside the report, on the same file system (where links cannot be made, the bytes
/// are written).
///
/// Files are written with `open`/`write` and no `fsync`: `Data.write(to:)` syncs every file,
/// which was a quarter of a live-preview rebuild, and a report is rebuilt from its sources anyway.
/// The swap that makes the report visible stays atomic; a crash in between leaves the previous
/// report in place.
struct ReportFileWriter: Sendable {
    /// The folder being written (a report's staging folder).
    var folder: URL
    /// The report this one replaces, whose unchanged files are linked; nil writes every file.
    var previous: URL?

    /// Writes `data` as `path` (relative to the folder; its parent folder must exist).
    func write(_ data: Data, to path: String) throws {
        let target = folder.appendingPathComponent(path).path
        if let previous {
            let old = previous.appendingPathComponent(path).path
            if let bytes = FileManager.default.contents(atPath: old), bytes == data, link(old, target) == 0 { return }
        }
        try Self.write(data, toPath: target)
    }

    /// Writes `data` to `path`, replacing a file there, without syncing it to disk.
    static func write(_ data: Data, toPath path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw NotebookError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw NotebookError.unwritable(path: path, reason: String(cString: strerror(errno)))
                }
                offset += n
            }
        }
    }
}
