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
        try outputGuard.check(options.output, shownAs: displayPath(of: options.output))
        BuildLifecycle.shared.building(report: options.output)
        let lock = try ProjectLock.acquire(cache: options.cache, wait: options.waitForLock, onWaiting: options.onWaitingForLock)
        defer { withExtendedLifetime(lock) {} }
        LeftoverCleaner.clean(besides: options.output)
        if options.frozen { return try buildFrozen(files, progress: progress) }
        let kit = try options.kit ?? ChapterKit.locate()
        let isolation = try ProcessIsolation.prepare(sandbox: options.sandbox)
        let compiler = try SwiftCompiler(kit: kit, isolation: isolation)
        let compilerVersion = compiler.version()
        let provenance = Provenance(
            normbook: NotebookIdentity.version, compiler: compilerVersion, blas: "OpenBLAS, 1 thread", seed: nil)

        let pipeline = ChapterPipeline(
            compiler: compiler, projectRoot: options.projectRoot, cache: options.cache, provenance: provenance,
            environmentKey: EnvironmentKey.compute(compilerVersion: compilerVersion, kit: kit), useCache: options.useCache,
            isolation: isolation, limits: options.limits, allowFailures: options.allowFailures)
        let slots = ResultSlots(count: files.count)
        let semaphore = DispatchSemaphore(value: options.jobs)
        let group = DispatchGroup()
        let progressLock = NSLock()
        for (i, file) in files.enumerated() {
            semaphore.wait()
            group.enter()
            DispatchQueue.global().async {
                defer { semaphore.signal(); group.leave() }
                let outcome = pipeline.build(file: file, displayPath: displayPath(of: file))
                slots.set(i, outcome)
                progressLock.lock()
                progress(outcome.summary)
                progressLock.unlock()
            }
        }
        group.wait()
        if BuildLifecycle.shared.isInterrupted { throw NotebookError.interrupted }
        let outcomes = slots.values
        return try write(keepingPreviousVolatileContent(outcomes.map(\.result)), summaries: outcomes.map(\.summary))
    }

    /// Renders stored results without compiling or running: each chapter must have a stored
    /// result in the output folder whose inputs key matches the chapter as it is now.
    func buildFrozen(_ files: [URL], progress: @escaping @Sendable (BuildSummary.Chapter) -> Void) throws -> BuildSummary {
        var results: [ChapterResult] = []
        var problems: [Diagnostic] = []
        let store = ResultsStore()
        for file in files {
            let path = displayPath(of: file)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw NotebookError.unreadable(path: path, reason: "not UTF-8 text")
            }
            let (document, _) = ChapterParser(unresolvedReferencesAreWarnings: options.allowFailures).parse(text, file: path)
            let stored = options.output.appendingPathComponent("\(ResultsStore.folderName)/\(document.slug).json")
            let at = SourceLocation(file: path, line: 1, column: 1)
            guard let data = FileManager.default.contents(atPath: stored.path) else {
                problems.append(Diagnostic(.error, at: at, "no stored result for this chapter (\(displayPath(of: stored)))",
                    hint: "build without --frozen once to run it"))
                continue
            }
            let result = try store.decode(data, path: displayPath(of: stored))
            let (key, _) = InputsKey.compute(for: document, projectRoot: options.projectRoot)
            guard result.provenance.inputsKey == key else {
                problems.append(Diagnostic(.error, at: at,
                    "the stored result is stale: the chapter's blocks, options, inline expressions or data changed since it was built",
                    hint: "build without --frozen to run it again"))
                continue
            }
            results.append(result.refreshed(with: document))
        }
        guard problems.isEmpty else { throw NotebookError.invalidChapter(problems) }
        let summaries = results.map { r in
            BuildSummary.Chapter(
                file: r.file, slug: r.slug, status: r.status,
                blocksSucceeded: r.blocks.filter { $0.status == .succeeded }.count,
                blockCount: r.blocks.filter { $0.index != nil }.count, figureCount: r.figures.count,
                diagnostics: r.allDiagnostics, compileSeconds: 0, runSeconds: 0, reused: true)
        }
        summaries.forEach(progress)
        return try write(results, summaries: summaries)
    }

    /// Renders `results` into a staging folder and swaps it in (or sets it aside on failure).
    private func write(_ results: [ChapterResult], summaries: [BuildSummary.Chapter]) throws -> BuildSummary {
        let renderStart = Date()
        let writer = ReportWriter(destination: options.output)
        let staging = try writer.makeStaging()
        do {
            for result in results { try ResultsStore().write(result, toReport: staging) }
            var renderer = ReportRenderer(reportTitle: options.title, version: NotebookIdentity.version, themeDirectory: options.theme)
            renderer.figureCache = options.cache.appendingPathComponent("figures")
            try renderer.render(results, into: staging)
        } catch {
            writer.discard(staging)
            throw error
        }
        var summary = BuildSummary(
            chapters: summaries, renderSeconds: Date().timeIntervalSince(renderStart),
            reportFolder: options.output, failedReportFolder: nil)
        if summary.succeeded || options.allowFailures {
            summary.warnings += try writer.commit(staging)
        } else {
            let aside = options.cache.appendingPathComponent("failed-report")
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
        let store = ResultsStore()
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
