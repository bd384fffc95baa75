import Foundation

/// Writes a report atomically: everything goes into a staging folder beside the target, which
/// then replaces the target in two renames. A build that fails or is interrupted leaves the
/// previous report exactly as it was. Every folder it writes carries the report marker, and it
/// replaces only folders `OutputGuard` allowed.
struct ReportWriter: Sendable {
    /// The report folder to replace.
    var destination: URL

    /// Creates a writer for `destination`.
    init(destination: URL) { self.destination = destination }

    /// A fresh staging folder next to the destination (same file system, so the final rename
    /// is atomic), holding only the marker. It is removed if the build is interrupted.
    func makeStaging() throws -> URL {
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())")
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            if fm.fileExists(atPath: staging.path) { BuildLifecycle.removeOwnedFolder(atPath: staging.path) }
            BuildLifecycle.shared.registerTemporary(staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.unwritable(path: staging.path, reason: error.localizedDescription)
        }
        try ReportMarker.write(into: staging)
        return staging
    }

    /// Replaces the destination with `staging`.
    ///
    /// - Returns: warnings about what could not be tidied once the new report was in place
    ///   (the build still succeeded; the next build removes the leftover).
    @discardableResult
    func commit(_ staging: URL) throws -> [String] {
        let fm = FileManager.default
        let old = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).old-\(getpid())")
        try BuildLifecycle.shared.swappingReport {
            do {
                if fm.fileExists(atPath: old.path) { BuildLifecycle.removeOwnedFolder(atPath: old.path) }
                if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: old) }
                try fm.moveItem(at: staging, to: destination)
            } catch {
                // Put the previous report back if it was moved aside.
                if !fm.fileExists(atPath: destination.path), fm.fileExists(atPath: old.path) {
                    try? fm.moveItem(at: old, to: destination)
                }
                throw NotebookError.unwritable(path: destination.path, reason: error.localizedDescription)
            }
        }
        BuildLifecycle.shared.unregisterTemporary(staging)
        guard fm.fileExists(atPath: old.path) else { return [] }
        BuildLifecycle.removeOwnedFolder(atPath: old.path)
        if fm.fileExists(atPath: old.path) {
            return ["the new report is in place, but the previous one could not be removed from \(old.path); the next build removes it"]
        }
        return []
    }

    /// Replaces the destination with a copy of `folder` (a report built elsewhere, such as a
    /// verification's rebuild), staged and swapped in like any build.
    ///
    /// - Returns: the warnings of `commit`.
    func replace(withCopyOf folder: URL) throws -> [String] {
        let staging = try makeStaging()
        // `copyItem` creates the staging folder itself: the empty one (with its marker) goes,
        // and the copy brings the report's own marker.
        discard(staging)
        BuildLifecycle.shared.registerTemporary(staging)
        do {
            try FileManager.default.copyItem(at: folder, to: staging)
        } catch {
            throw NotebookError.unwritable(path: staging.path, reason: error.localizedDescription)
        }
        return try commit(staging)
    }

    /// Moves `staging` to `place` (replacing what is there) instead of the destination: used to
    /// keep a failed build's pages for inspection without touching the report.
    func set(aside staging: URL, at place: URL) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: place.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: place.path) { BuildLifecycle.removeOwnedFolder(atPath: place.path) }
            try fm.moveItem(at: staging, to: place)
            BuildLifecycle.shared.unregisterTemporary(staging)
        } catch {
            throw NotebookError.unwritable(path: place.path, reason: error.localizedDescription)
        }
    }

    /// Removes a staging folder after an error.
    func discard(_ staging: URL) {
        BuildLifecycle.removeOwnedFolder(atPath: staging.path)
        BuildLifecycle.shared.unregisterTemporary(staging)
    }
}
