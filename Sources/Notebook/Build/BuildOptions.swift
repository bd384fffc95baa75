import Foundation

/// What `normbook build` is asked to do.
public struct BuildOptions: Sendable {
    /// The project root: chapter paths in diagnostics are relative to it, and chapter programs
    /// run in it (so they read data files by project-relative paths).
    public var projectRoot: URL
    /// The folder of `*.md` chapters.
    public var chapters: URL
    /// The report folder to (re)write.
    public var output: URL
    /// Where per-chapter programs, binaries and logs are kept between builds.
    public var cache: URL
    /// The result store (`--result-cache`): stored chapter results and drawn figures, portable
    /// and shareable between project copies, shards and machines (CI saves and restores it).
    /// Nil keeps them in the cache folder. Never inside the output or chapters folder.
    public var resultCache: URL?
    /// The result store in use: `resultCache`, else the cache folder.
    public var resultStore: URL { resultCache ?? CacheLayout(folder: cache).defaultResultStore }
    /// How many chapters run at once.
    public var jobs: Int
    /// Replace the report even when chapters fail (their pages show the errors).
    public var allowFailures: Bool
    /// The report's title.
    public var title: String
    /// A folder of templates overriding the built-in ones.
    public var theme: URL?
    /// Also write the whole report as one self-contained HTML file here (`--single-file`).
    public var singleFile: URL?
    /// A claim part whose margin is below this relative distance (or that one seed would flip)
    /// is flagged as fragile on its card and in the ledger.
    public var fragileMargin: Double = BuildOptions.defaultFragileMargin
    /// Extra runs of every chapter that decides claims, with other seeds derived from its own;
    /// a claim whose verdict changes is marked fragile (`verify: reseed:`, `--reseed K`).
    public var reseed = 0
    /// The default fragile margin: 5 %.
    public static let defaultFragileMargin = 0.05
    /// Build only these chapter files (`normbook build FILE…`); the others keep their cached or
    /// stored results. Nil builds every chapter.
    public var onlyChapters: [URL]?
    /// Reuse stored results whose inputs and environment are unchanged.
    public var useCache = true
    /// Render the stored results in the output folder without compiling or running anything.
    public var frozen = false
    /// Run only this shard's chapters (`--shard I/N`) and write their results and figures (no
    /// pages) with a `_shard.json` manifest into the output folder, for `normbook merge`.
    public var shard: Shard?
    /// The report whose recorded build times balance the shards (`ShardAssignment`): the
    /// committed report, which every machine of a CI run has. Nil: the output folder.
    public var shardTimes: URL?
    /// Assemble the report from these shard output folders (`normbook merge DIR…`, `build
    /// --frozen --results DIR…`) instead of running anything.
    public var mergeShards: [URL]?
    /// The compiled engine to use (found next to the executable when nil).
    var kit: ChapterKit?
    /// Run chapter programs in the bubblewrap sandbox (see `ProcessIsolation`).
    public var sandbox = true
    /// The resource limits of chapter programs (a chapter's `limits:` replaces them for it).
    public var limits = ResourceLimits()
    /// Replace an output folder that normbook did not write (never the project, its chapters
    /// or its cache, nor a file).
    public var force = false
    /// When another build holds the project, wait for it (else fail at once).
    public var waitForLock = true
    /// Work kept from earlier builds in this process (the live preview's): a rebuild reuses
    /// what it made from the same inputs. Nil: everything is made afresh.
    package var memo: RebuildMemo?
    /// What every chapter gets unless its front matter says otherwise (the project file's
    /// `seed`, `defaults` and `timeout`).
    var chapterDefaults = FrontMatter()

    /// Called once if the build has to wait for another build of the project (its pid).
    public var onWaitingForLock: (@Sendable (_ holder: Int32?) -> Void)?

    /// Creates options; relative paths are resolved against `projectRoot`.
    public init(
        projectRoot: URL, chapters: String = "chapters", output: String = "output", cache: String = ".normbook-cache",
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, allowFailures: Bool = false,
        title: String = NotebookIdentity.defaultTitle, theme: String? = nil
    ) {
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)
        }
        self.projectRoot = projectRoot
        self.chapters = resolve(chapters).standardizedFileURL
        self.output = resolve(output).standardizedFileURL
        self.cache = resolve(cache).standardizedFileURL
        self.jobs = max(1, jobs)
        self.allowFailures = allowFailures
        self.title = title
        self.theme = theme.map(resolve)
    }
}
