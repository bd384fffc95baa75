import Foundation

/// The cache folder (`.normbook-cache` by default), in one place: everything normbook keeps
/// between builds, and where.
struct CacheLayout: Sendable {
    /// The cache folder.
    var folder: URL

    /// The lock a build holds (`ProjectLock`).
    var lock: URL { folder.appendingPathComponent("lock") }
    /// Stored chapter results and the environment keys they were made in (`ResultCache`).
    var results: URL { folder.appendingPathComponent("results") }
    /// Drawn figures, by the digest of their specification.
    var figures: URL { folder.appendingPathComponent("figures") }
    /// A chapter's generated program, binary, events file and scratch folder.
    func work(_ slug: String) -> URL { folder.appendingPathComponent("work/\(slug)") }
    /// The pages of the last build that failed (the report was left as it was).
    var failedReport: URL { folder.appendingPathComponent("failed-report") }
    /// The rebuilt report and difference images of the last verification that found differences.
    var verification: URL { folder.appendingPathComponent("verify") }
    /// Where a verification rebuilds the report (removed when it ends).
    var verificationScratch: URL { folder.appendingPathComponent("verify-scratch") }
}
