import Foundation

/// `normbook clean`: removes what normbook keeps for a project — the cache folder's contents
/// and leftovers of killed builds — and, when asked, the report. Only what normbook wrote: a
/// cache folder without normbook's lock file, or a report folder without the marker, is
/// refused and left untouched. Runs under the project lock, so never under a running build.
public struct ProjectCleaner: Sendable {
    /// The project's folders.
    public var options: BuildOptions

    /// Creates a cleaner.
    public init(options: BuildOptions) { self.options = options }

    /// Cleans; returns the paths removed (as given, relative to the project root when inside it).
    ///
    /// - Parameter report: also remove the report folder (only if it carries the marker).
    public func clean(report: Bool) throws -> [String] {
        let fm = FileManager.default
        let layout = CacheLayout(folder: options.cache)
        let builder = ReportBuilder(options: options)
        var removed: [String] = []
        var lock: ProjectLock?
        if fm.fileExists(atPath: options.cache.path) {
            guard fm.fileExists(atPath: layout.lock.path) else {
                throw NotebookError.refusedOutput(
                    path: builder.displayPath(of: options.cache),
                    reason: "it does not look like a normbook cache (it has no lock file)",
                    hint: "pass the cache folder normbook uses (--cache-dir), or remove it yourself")
            }
            // Never wait here: cleaning under a running build would pull its files away.
            lock = try ProjectLock.acquire(layout.lock, wait: false, onWaiting: nil)
            // Everything but the lock file itself, which a waiting build may already hold open.
            let names = (try? fm.contentsOfDirectory(atPath: options.cache.path)) ?? []
            for name in names.sorted() where name != layout.lock.lastPathComponent {
                BuildLifecycle.removeOwnedFolder(atPath: options.cache.appendingPathComponent(name).path)
                removed.append(builder.displayPath(of: options.cache.appendingPathComponent(name)))
            }
        }
        defer { withExtendedLifetime(lock) {} }
        LeftoverCleaner.clean(besides: options.output)
        if report, fm.fileExists(atPath: options.output.path) {
            guard ReportMarker.isPresent(in: options.output) else {
                throw NotebookError.refusedOutput(
                    path: builder.displayPath(of: options.output),
                    reason: "the folder has no \(ReportMarker.fileName) marker, so normbook did not write it",
                    hint: "remove it yourself if it is yours to remove")
            }
            try OutputGuard(projectRoot: options.projectRoot, chapters: options.chapters, cache: options.cache, force: false)
                .check(options.output, shownAs: builder.displayPath(of: options.output))
            BuildLifecycle.removeOwnedFolder(atPath: options.output.path)
            removed.append(builder.displayPath(of: options.output))
        }
        return removed
    }
}
