#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Writes a file so that no reader ever sees it partly written: the bytes go to a temporary file
/// in the same folder, which is then renamed over the destination (`rename(2)` replaces a file
/// atomically on one file system). Two processes writing the same file at once each rename a
/// complete file of their own; the last rename wins.
///
/// Written by hand rather than with `Data.write(options: .atomic)` because the result cache
/// must know the temporary files' names: `cache prune` recognises and leaves them alone (another
/// process may be writing one), and Foundation's are an implementation detail (and created 0600).
enum AtomicFile {
    /// The prefix of temporary files: hidden, and never of the form of a cache entry.
    static let temporaryPrefix = ".tmp-"

    /// Writes `data` to `url` atomically, creating its folder if needed.
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            "\(temporaryPrefix)\(url.lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError.error(.fileWriteUnknown, url: temporary) }
        var failed = false
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = true; return }
                offset += n
            }
        }
        if close(descriptor) != 0 { failed = true }
        if failed || rename(temporary.path, url.path) != 0 {
            unlink(temporary.path)
            throw CocoaError.error(.fileWriteUnknown, url: url)
        }
    }

    /// Marks `url` as just used (its modification time becomes now); failures are ignored (a
    /// read-only cache still serves hits).
    static func touch(_ url: URL) {
        _ = utimensat(AT_FDCWD, url.path, nil, 0)
    }
}
