import Foundation

/// Writes a report atomically: everything goes into a staging folder beside the target, which
/// then replaces the target in two renames. A build that fails or is interrupted leaves the
/// previous report exactly as it was.
public struct ReportWriter: Sendable {
    /// The report folder to replace.
    public var destination: URL

    /// Creates a writer for `destination`.
    public init(destination: URL) { self.destination = destination }

    /// A fresh, empty staging folder next to the destination (same file system, so the final
    /// rename is atomic).
    public func makeStaging() throws -> URL {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { try fm.removeItem(at: staging) }
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.unwritable(path: staging.path, reason: error.localizedDescription)
        }
        return staging
    }

    /// Replaces the destination with `staging`.
    public func commit(_ staging: URL) throws {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        do {
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
            if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: old) }
            try fm.moveItem(at: staging, to: destination)
            if fm.fileExists(atPath: old.path) { try fm.removeItem(at: old) }
        } catch {
            // Put the previous report back if it was moved aside.
            if !fm.fileExists(atPath: destination.path), fm.fileExists(atPath: old.path) {
                try? fm.moveItem(at: old, to: destination)
            }
            throw NotebookError.unwritable(path: destination.path, reason: error.localizedDescription)
        }
    }

    /// Moves `staging` to `place` (replacing what is there) instead of the destination: used to
    /// keep a failed build's pages for inspection without touching the report.
    public func set(aside staging: URL, at place: URL) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: place.path) { try fm.removeItem(at: place) }
            try fm.moveItem(at: staging, to: place)
        } catch {
            throw NotebookError.unwritable(path: place.path, reason: error.localizedDescription)
        }
    }

    /// Removes a staging folder after an error.
    public func discard(_ staging: URL) {
        try? FileManager.default.removeItem(at: staging)
    }
}
