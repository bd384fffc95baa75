import Foundation

/// The whole pipeline: Parse → Plan → Execute → Results → Render → Write, for every chapter of
/// a folder, chapters in parallel.
public struct ReportBuilder: Sendable {
    /// The build's settings.
    public var options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) { self.options = options }

    /// Builds the report.
    ///
    /// - Parameter progress: called once per chapter as it finishes (from a worker thread,
    ///   one call at a time).
    /// - Throws: `NotebookError` when nothing can be built (no chapters, no compiler, no kit,
    ///   an unwritable output). A chapter's own failure is not thrown: it is in the summary.
    public func build(progress: @escaping @Sendable (BuildSummary.Chapter) -> Void = { _ in }) throws -> BuildSummary {
        let files = try chapterFiles()
        for file in options.onlyChapters ?? [] where !files.contains(where: { $0.standardizedFileURL.path == file.standardizedFileURL.path }) {
            throw NotebookError.unreadable(
                path: displayPath(of: file),
                reason: "it is not a chapter of this project (chapters are the *.md files of \(displayPath(of: options.chapters))/)")
        }
        if let theme = options.theme {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: theme.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw NotebookError.unreadable(
                    path: displayPath(of: theme), reason: "the theme folder does not exist (pass a folder of *.mustache, normbook.css or normbook.js files)")
            }
        }
        try outputGuard.check(options.output, shownAs: displayPath(of: options.output))
        try checkResultCache()
        if let singleFile = options.singleFile {
            try SingleFileOutput(chapters: options.chapters, cache: options.cache, output: options.output)
                .check(singleFile, shownAs: displayPath(of: singleFile))
        }
        let slugs = files.map { ChapterParser.slug(of: displayPath(of: $0)) }
        let shards = try options.mergeShards.map { folders in
            try ShardSet.load(folders, projectChapters: Array(zip(slugs, files.map(displayPath(of:)))).map { (slug: $0.0, file: $0.1) }, shown: displayPath(of:))
        }
        var building = files
        if let shard = options.shard {
            let times = ShardAssignment.times(inReport: options.shardTimes ?? options.output)
            let mine = Set(ShardAssignment.assign(slugs, count: shard.count, times: times)[shard.index - 1])
            building = zip(files, slugs).filter { mine.contains($0.1) }.map(\.0)
        }
        BuildLifecycle.shared.building(report: options.output)
        // Shard builds hold the project lock shared (so the shards of one project run at once,
        // while a whole build excludes them) and their own shard's lock exclusively.
        let layout = CacheLayout(folder: options.cache)
        let lock = try ProjectLock.acquire(layout.lock, wait: options.waitForLock, shared: options.shard != nil, onWaiting: options.onWaitingForLock)
        let shardLock = try options.shard.map { try ProjectLock.acquire(layout.lock($0), wait: options.waitForLock, onWaiting: options.onWaitingForLock) }
        defer { withExtendedLifetime((lock, shardLock)) {} }
        LeftoverCleaner.clean(besides: options.output)
        let source: ChapterPipeline.Source
        var provenance = Provenance(normbook: NotebookIdentity.version, compiler: "", blas: "OpenBLAS, 1 thread", seed: nil)
        var environmentKey = ""
        if let shards {
            source = .merged(shards)
        } else if options.frozen {
            source = .frozen(report: options.output)
        } else {
            let kit = try options.kit ?? ChapterKit.locate()
            let isolation = try ProcessIsolation.prepare(sandbox: options.sandbox)
            let compiler = try SwiftCompiler(kit: kit, isolation: isolation)
            let compilerVersion = compiler.version()
            provenance.compiler = compilerVersion
            environmentKey = EnvironmentKey.compute(compilerVersion: compilerVersion, kit: kit)
            source = .run(
                ChapterPipeline.Runner(
                    compiler: compiler, environmentKey: environmentKey,
                    isolation: isolation, limits: options.limits),
                useCache: options.useCache)
        }
        var configured = ChapterPipeline(
            source: source, projectRoot: options.projectRoot, cache: options.cache, resultStore: options.resultStore,
            provenance: provenance,
            allowFailures: options.allowFailures, chapterDefaults: options.chapterDefaults, reseed: options.reseed,
            memo: options.memo)
        configured.shard = options.shard
        let pipeline = configured
        var kept = pipeline
        if case .run(let runner, _) = source { kept.source = .keep(runner, report: options.output) }
        let others = kept
        let named = Set((options.onlyChapters ?? files).map(\.standardizedFileURL.path))
        let slots = ResultSlots(count: building.count)
        let semaphore = DispatchSemaphore(value: options.jobs)
        let group = DispatchGroup()
        let progressLock = NSLock()
        for (i, file) in building.enumerated() {
            semaphore.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { semaphore.signal(); group.leave() }
                let chosen = named.contains(file.standardizedFileURL.path) ? pipeline : others
                let outcome = chosen.build(file: file, displayPath: displayPath(of: file))
                slots.set(i, outcome)
                progressLock.lock()
                progress(outcome.summary)
                progressLock.unlock()
            }
        }
        group.wait()
        if BuildLifecycle.shared.isInterrupted { throw NotebookError.interrupted }
        let outcomes = slots.values
        let frozenProblems = outcomes.compactMap(\.frozenProblem)
        guard frozenProblems.isEmpty else { throw NotebookError.invalidChapter(frozenProblems) }
        let results = keepingPreviousVolatileContent(outcomes.map(\.result))
        if let shard = options.shard {
            let manifest = ShardManifest(
                shard: shard, normbook: NotebookIdentity.version, environmentKey: environmentKey, compiler: provenance.compiler,
                projectChapters: slugs, chapters: results.map(\.slug), figures: [:])
            return try writeShard(manifest, results: results, summaries: outcomes.map(\.summary))
        }
        return try write(results, summaries: outcomes.map(\.summary), predrawn: shards?.predrawn ?? [:])
    }

    /// Writes a shard's results, figures and manifest (no pages) into a staging folder and swaps
    /// it in (or sets it aside on failure).
    private func writeShard(_ manifest: ShardManifest, results: [ChapterResult], summaries: [BuildSummary.Chapter]) throws -> BuildSummary {
        let renderStart = Date()
        let (writer, staging) = try stage(results) { staging, previous in
            var manifest = manifest
            manifest.figures = try renderer(previous: previous).drawFigures(of: results, into: staging)
            try manifest.write(into: staging)
        }
        var summary = BuildSummary(
            chapters: summaries, renderSeconds: Date().timeIntervalSince(renderStart),
            reportFolder: options.output, failedReportFolder: nil)
        summary.results = results
        summary.shard = manifest.shard
        if summary.succeeded || options.allowFailures {
            summary.warnings += try writer.commit(staging)
        } else {
            let aside = CacheLayout(folder: options.cache).failedReport(manifest.shard)
            try writer.set(aside: staging, at: aside)
            summary.failedReportFolder = aside
        }
        return summary
    }

    /// A staging folder beside the output holding the results' JSON, then whatever `fill` writes
    /// (given the staging folder and the report it replaces, if normbook wrote one); discarded
    /// if anything throws.
    private func stage(
        _ results: [ChapterResult], _ fill: (_ staging: URL, _ previous: URL?) throws -> Void
    ) throws -> (ReportWriter, URL) {
        let writer = ReportWriter(destination: options.output)
        let staging = try writer.makeStaging()
        do {
            // Files the report already holds with the same bytes are linked, not written again.
            let previous = ReportMarker.isPresent(in: options.output) ? options.output : nil
            for result in results { try ResultsStore(memo: options.memo).write(result, toReport: staging, previous: previous) }
            try fill(staging, previous)
        } catch {
            writer.discard(staging)
            throw error
        }
        return (writer, staging)
    }

    /// The renderer the options ask for.
    private func renderer(previous: URL?, predrawn: [String: URL] = [:]) -> ReportRenderer {
        var renderer = ReportRenderer(reportTitle: options.title, version: NotebookIdentity.version, themeDirectory: options.theme)
        renderer.fragileMargin = options.fragileMargin
        // A build without the cache (verify) draws every figure.
        renderer.figureStore = options.useCache ? options.resultStore : nil
        renderer.memo = options.memo
        renderer.previousReport = previous
        renderer.predrawn = predrawn
        return renderer
    }

    /// Renders `results` into a staging folder and swaps it in (or sets it aside on failure).
    private func write(_ results: [ChapterResult], summaries: [BuildSummary.Chapter], predrawn: [String: URL] = [:]) throws -> BuildSummary {
        let renderStart = Date()
        let (writer, staging) = try stage(results) { staging, previous in
            try renderer(previous: previous, predrawn: predrawn).render(results, into: staging)
        }
        var summary = BuildSummary(
            chapters: summaries, renderSeconds: Date().timeIntervalSince(renderStart),
            reportFolder: options.output, failedReportFolder: nil)
        summary.results = results
        if summary.succeeded || options.allowFailures {
            summary.warnings += try writer.commit(staging)
            if let singleFile = options.singleFile {
                var page = SingleFilePage(folder: options.output, title: options.title, results: results)
                try SingleFileOutput.write(try page.html(), to: singleFile)
                for link in Set(page.unresolved).sorted() {
                    summary.warnings.append("\(displayPath(of: singleFile)): '\(link)' names no file of the report and is left as a link")
                }
                summary.singleFile = singleFile
            }
        } else {
            let aside = CacheLayout(folder: options.cache).failedReport
            try writer.set(aside: staging, at: aside)
            summary.failedReportFolder = aside
        }
        return summary
    }

    /// `results`, where a chapter's new result differs from the one in the current report only
    /// in volatile content (timings), replaced by the report's: the rebuilt report is then the
    /// same bytes, so a rebuild of an unchanged project leaves a committed report untouched.
    func keepingPreviousVolatileContent(_ results: [ChapterResult]) -> [ChapterResult] {
        guard ReportMarker.isPresent(in: options.output) else { return results }
        let store = ResultsStore(memo: options.memo)
        return results.map { result in
            let stored = options.output.appendingPathComponent("\(ResultsStore.folderName)/\(result.slug).json")
            guard let data = FileManager.default.contents(atPath: stored.path),
                let previous = try? store.decode(data, path: stored.path),
                previous != result, previous.agreesOutsideVolatileContent(with: result)
            else { return result }
            return previous
        }
    }

    /// What may be replaced by the report.
    var outputGuard: OutputGuard {
        OutputGuard(projectRoot: options.projectRoot, chapters: options.chapters, cache: options.cache, force: options.force)
    }

    /// The chapter files, sorted by name.
    func chapterFiles() throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.chapters.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotebookError.chaptersFolderMissing(path: displayPath(of: options.chapters))
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: options.chapters.path)) ?? []
        let chapters = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && $0.lowercased() != "readme.md" }.sorted()
        guard !chapters.isEmpty else { throw NotebookError.noChapters(path: displayPath(of: options.chapters)) }
        return chapters.map { options.chapters.appendingPathComponent($0) }
    }

    /// `file` relative to the project root when it lies inside it.
    func displayPath(of file: URL) -> String {
        let root = options.projectRoot.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        if path == root { return "." }
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }
}

/// Results written by worker threads, read after they all finish.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ChapterPipeline.Outcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: ChapterPipeline.Outcome) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }
    var values: [ChapterPipeline.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

extension ReportBuilder {
    /// Refuses a result store (`--result-cache`) inside the output or chapters folder.
    func checkResultCache() throws {
        try ResultStoreGuard(output: options.output, chapters: options.chapters, projectRoot: options.projectRoot)
            .check(options.resultStore, shownAs: displayPath(of: options.resultStore))
    }
}
