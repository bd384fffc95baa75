#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// The result store as a whole (`normbook cache info`, `normbook cache prune`): its entries, their
/// size, and pruning it to a size and an age.
///
/// Only entries of `ResultStoreLayout`'s naming scheme are counted or removed; anything else in
/// the folder (a file of the user's, another tool's, a temporary file a build is writing) is
/// left alone. Pruning takes no lock and is safe while builds run: entries are written and read
/// atomically, so removing one a build is about to read only makes it a miss.
public struct ResultCacheFolder: Sendable {
    /// The result store folder.
    public var folder: URL

    /// Creates a view of the store at `folder` (e.g. `BuildOptions.resultStore`).
    public init(folder: URL) { self.folder = folder }

    /// One stored result or figure.
    public struct Entry: Sendable, Equatable {
        /// Its path relative to the store, e.g. `results/ab/abcdef….json`.
        public var path: String
        /// Its size in bytes.
        public var size: UInt64
        /// When it was last written or used (a hit refreshes it).
        public var lastUsed: Date
    }

    /// The store's entries, least recently used first (then by path).
    public func entries() -> [Entry] {
        let fm = FileManager.default
        var found: [Entry] = []
        for (kind, ext) in [("results", "json"), ("figures", "png")] {
            let base = folder.appendingPathComponent(kind)
            for shard in ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted() where shard.count == 2 {
                let shardFolder = base.appendingPathComponent(shard)
                for name in ((try? fm.contentsOfDirectory(atPath: shardFolder.path)) ?? []).sorted()
                where ResultStoreLayout.isEntry(name, shard: shard, extension: ext) {
                    let path = shardFolder.appendingPathComponent(name).path
                    var info = stat()
                    // Only regular files: a link or folder of this name is not normbook's.
                    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                    let modified = Date(
                        timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
                    found.append(Entry(path: "\(kind)/\(shard)/\(name)", size: UInt64(info.st_size), lastUsed: modified))
                }
            }
        }
        return found.sorted { ($0.lastUsed, $0.path) < ($1.lastUsed, $1.path) }
    }

    /// What the store holds.
    public struct Info: Sendable, Equatable {
        /// Stored chapter results.
        public var results: Int
        /// Stored figures.
        public var figures: Int
        /// Their total size in bytes.
        public var bytes: UInt64
    }

    /// Counts the store's entries.
    public func info() -> Info {
        let all = entries()
        return Info(
            results: all.filter { $0.path.hasPrefix("results/") }.count,
            figures: all.filter { $0.path.hasPrefix("figures/") }.count,
            bytes: all.reduce(0) { $0 + $1.size })
    }

    /// What a prune removed (or, in a dry run, would remove).
    public struct PruneOutcome: Sendable, Equatable {
        /// The removed entries, least recently used first.
        public var removed: [Entry]
        /// The store's size before and after, in bytes.
        public var bytesBefore: UInt64
        public var bytesAfter: UInt64
        /// How many entries are left.
        public var entriesLeft: Int
    }

    /// Removes entries not used for `maxAge` seconds, then the least recently used ones until
    /// the rest fit in `maxSize` bytes. With `dryRun` nothing is removed.
    public func prune(maxSize: UInt64?, maxAge: TimeInterval?, dryRun: Bool = false, now: Date = Date()) -> PruneOutcome {
        var kept = entries()
        let before = kept.reduce(0) { $0 + $1.size }
        var removed: [Entry] = []
        if let maxAge {
            let cutoff = now.addingTimeInterval(-maxAge)
            removed += kept.filter { $0.lastUsed < cutoff }
            kept.removeAll { $0.lastUsed < cutoff }
        }
        if let maxSize {
            var size = kept.reduce(0) { $0 + $1.size }
            while size > maxSize, !kept.isEmpty {
                let oldest = kept.removeFirst()
                size -= oldest.size
                removed.append(oldest)
            }
        }
        var actuallyRemoved: [Entry] = []
        for entry in removed {
            if dryRun || unlink(folder.appendingPathComponent(entry.path).path) == 0 || errno == ENOENT {
                actuallyRemoved.append(entry)
            } else {
                kept.append(entry)  // could not be removed: still there
            }
        }
        return PruneOutcome(
            removed: actuallyRemoved, bytesBefore: before, bytesAfter: kept.reduce(0) { $0 + $1.size }, entriesLeft: kept.count)
    }
}
