import Foundation

/// Where a shard build (`--shard I/N`) keeps its own files in the cache folder, beside what
/// `CacheLayout` names, so that shard builds of one project can run at once on one machine.
extension CacheLayout {
    /// The lock one shard build holds exclusively (the project lock is then held shared).
    func lock(_ shard: Shard) -> URL { folder.appendingPathComponent("shards/\(shard.fileName).lock") }
    /// A chapter's work folder in a shard build: not shared with a whole build or another
    /// split (the same chapter may be in shard 1/2 and 2/3 at once).
    func work(_ slug: String, shard: Shard) -> URL { folder.appendingPathComponent("shards/\(shard.fileName)/work/\(slug)") }
    /// The results of a shard build that failed (its output folder was left as it was).
    func failedReport(_ shard: Shard) -> URL { folder.appendingPathComponent("shards/\(shard.fileName)/failed") }
    /// Where a shard's verification rebuilds its chapters (removed when it ends).
    func verificationScratch(_ shard: Shard) -> URL { folder.appendingPathComponent("shards/\(shard.fileName)/verify-scratch") }
    /// The rebuilt chapters and difference images of a shard's verification that found differences.
    func verification(_ shard: Shard) -> URL { folder.appendingPathComponent("shards/\(shard.fileName)/verify") }
}
