import Foundation

/// What a build did, chapter by chapter, with timings (timings never enter the report itself).
public struct BuildSummary: Sendable {
    /// One chapter's outcome.
    public struct Chapter: Sendable {
        /// The chapter file as shown to users.
        public var file: String
        /// The page name.
        public var slug: String
        /// Whether it built.
        public var status: ChapterResult.Status
        /// How many blocks ran to their end, of how many executed blocks.
        public var blocksSucceeded: Int, blockCount: Int
        /// How many figures it drew.
        public var figureCount: Int
        /// Every diagnostic, in order.
        public var diagnostics: [Diagnostic]
        /// Seconds spent compiling and running its program.
        public var compileSeconds: Double, runSeconds: Double
        /// Whether its program was compiled in this build.
        public var compiled = false
        /// Whether its program was run in this build.
        public var ran = false
        /// Whether its stored result was reused (nothing compiled or run).
        public var reused = false
    }

    /// How many chapters were compiled in this build.
    public var compilations: Int { chapters.filter(\.compiled).count }
    /// How many chapter programs were run in this build.
    public var runs: Int { chapters.filter(\.ran).count }

    /// The chapters in order.
    public var chapters: [Chapter]
    /// Seconds spent drawing figures and writing pages.
    public var renderSeconds: Double
    /// Where the report is now (the destination, unless it was kept as it was).
    public var reportFolder: URL
    /// Set when chapters failed and the report was left as it was: where the failed build's
    /// pages are, for inspection.
    public var failedReportFolder: URL?
    /// Things the user should know that did not stop the build.
    public var warnings: [String] = []
    /// The single-file report written (`--single-file`), if any.
    public var singleFile: URL?
    /// Set for a shard build (`--shard I/N`): the report folder then holds that shard's results
    /// and figures, not pages.
    public var shard: Shard?
    /// The results the report was rendered from, in chapter order.
    var results: [ChapterResult] = []

    /// Whether every chapter built.
    public var succeeded: Bool { chapters.allSatisfy { $0.status == .succeeded } }
}
