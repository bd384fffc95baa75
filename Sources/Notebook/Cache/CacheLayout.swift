import Foundation

/// The cache folder (`.normbook-cache` by default), in one place: everything normbook keeps
/// between builds, and where.
struct CacheLayout: Sendable {
    /// The cache folder.
    var folder: URL

    /// The lock a build holds (`ProjectLock`).
    var lock: URL { folder.appendingPathComponent("lock") }
    /// The result store when no `--result-cache` is given: the cache folder itself holds its
    /// `results/` and `figures/` (see `ResultStoreLayout`).
    var defaultResultStore: URL { folder }
    /// A chapter's generated program, binary, events file and scratch folder.
    func work(_ slug: String) -> URL { folder.appendingPathComponent("work/\(slug)") }
    /// The pages of the last build that failed (the report was left as it was).
    var failedReport: URL { folder.appendingPathComponent("failed-report") }
    /// The rebuilt report and difference images of the last verification that found differences.
    var verification: URL { folder.appendingPathComponent("verify") }
    /// Where a verification rebuilds the report (removed when it ends).
    var verificationScratch: URL { folder.appendingPathComponent("verify-scratch") }
}

/// The result store (`--result-cache`, by default the cache folder), in one place: what is
/// portable between machines and safe to share between projects, shards and branches.
///
/// - `results/ab/abcdef….json`: chapter results by the digest of their keys (`ResultCache`);
/// - `figures/ab/abcdef….png`: drawn figures by the digest of their specification and of the
///   drawing code.
///
/// Only files of exactly this form are normbook's (`cache prune` removes nothing else);
/// temporary files being written are `.tmp-…` (`AtomicFile`). Older normbooks kept
/// `results/<slug>.json` and `figures/<digest>.png`: they are ignored (and removed by `clean`).
struct ResultStoreLayout: Sendable {
    var folder: URL

    /// The chapter results.
    var results: URL { folder.appendingPathComponent("results") }
    /// The drawn figures.
    var figures: URL { folder.appendingPathComponent("figures") }

    /// The result entry of a digest.
    func resultEntry(_ digest: String) -> URL { Self.entry(digest, in: results, extension: "json") }
    /// The figure entry of a digest.
    func figureEntry(_ digest: String) -> URL { Self.entry(digest, in: figures, extension: "png") }

    private static func entry(_ digest: String, in folder: URL, extension ext: String) -> URL {
        folder.appendingPathComponent(String(digest.prefix(2))).appendingPathComponent("\(digest).\(ext)")
    }

    /// Whether `name` in the subfolder `shard` of `results/` or `figures/` (extension `ext`) is an
    /// entry's name: 64 lowercase hex digits starting with `shard`, then the extension.
    static func isEntry(_ name: String, shard: String, extension ext: String) -> Bool {
        guard name.hasSuffix("." + ext) else { return false }
        let digest = name.dropLast(ext.count + 1)
        return digest.count == 64 && digest.hasPrefix(shard) && shard.count == 2
            && digest.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
