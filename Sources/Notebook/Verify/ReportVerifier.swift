import Foundation
import NotebookProtocol

/// `normbook verify`: rebuilds the whole report from scratch into a temporary folder (no cache),
/// checks every claim's verdict against its expectation, and compares the rebuilt report with
/// the committed one (numbers and text with a tolerance, images by pixels). With `record`, the
/// rebuilt report replaces the committed one instead.
public struct ReportVerifier: Sendable {
    /// The build to check; its `output` is the committed report.
    public var options: BuildOptions
    /// How close numbers and pixels must be.
    public var tolerance: ComparisonTolerance
    /// Replace the committed report with the rebuilt one instead of comparing.
    public var record: Bool
    /// With `options.shard`: also keep the shard's rebuilt output (results, figures, manifest)
    /// in this folder, ready for `normbook merge` — one from-scratch run both verifies and
    /// builds a shard (`verify --shard I/N --shard-output DIR`).
    public var shardOutput: URL?
    /// Where to write the reviewer's diff page (`index.html` and its images), also when the
    /// verification passes; nil writes none. Not with `record`.
    public var diffPage: URL?

    /// Creates a verifier.
    public init(options: BuildOptions, tolerance: ComparisonTolerance = ComparisonTolerance(), record: Bool = false) {
        self.options = options
        self.tolerance = tolerance
        self.record = record
    }

    /// What verification found.
    public struct Outcome: Sendable {
        /// Every check (chapter builds, claims, report files) and every difference.
        public var report: VerificationReport
        /// The rebuild's summary.
        public var build: BuildSummary
        /// Where the rebuilt report was kept for inspection (when it differs), if anywhere.
        public var keptReport: URL?
        /// Where difference images were written, if any image differs.
        public var differenceImages: URL?
        /// The diff page's folder, when one was written; the report's image paths are then
        /// relative to it (else to `differenceImages`).
        public var diffPage: URL?
        /// Things the user should know that did not fail the verification.
        public var warnings: [String] = []
    }

    /// Runs the verification.
    public func verify(progress: @escaping @Sendable (BuildSummary.Chapter) -> Void = { _ in }) throws -> Outcome {
        let fm = FileManager.default
        let builder = ReportBuilder(options: options)
        _ = try builder.chapterFiles()
        if record, options.shard != nil {
            throw NotebookError.refusedOutput(
                path: builder.displayPath(of: options.output), reason: "a shard's verification checks only its chapters and cannot record the report",
                hint: "record with a whole verification (normbook verify --record), or build the shards and merge them")
        }
        if record { try builder.outputGuard.check(options.output, shownAs: builder.displayPath(of: options.output)) }
        if let shardOutput {
            if options.shard == nil {
                throw NotebookError.refusedOutput(
                    path: builder.displayPath(of: shardOutput), reason: "only a shard's verification writes a shard output",
                    hint: "pass --shard I/N too")
            }
            try builder.outputGuard.check(shardOutput, shownAs: builder.displayPath(of: shardOutput))
        }
        try builder.checkResultCache()
        let page = record ? nil : diffPage.map(DiffPageWriter.init(folder:))
        try page?.check(
            shownAs: builder.displayPath(of: diffPage ?? options.output),
            protected: [
                (options.projectRoot, "the project root"), (options.chapters, "the chapters folder"),
                (options.output, "the report folder"), (options.cache, "the cache folder"), (options.resultStore, "the result cache"),
            ],
            insideNot: [(options.output, "the report folder"), (options.chapters, "the chapters folder")])
        BuildLifecycle.shared.building(report: options.output)
        // Shard verifications of one project run at once: the project lock shared, their own
        // shard's lock exclusive, and their own scratch and kept folders.
        let layout = CacheLayout(folder: options.cache)
        let lock = try ProjectLock.acquire(layout.lock, wait: options.waitForLock, shared: options.shard != nil, onWaiting: options.onWaitingForLock)
        let shardLock = try options.shard.map { try ProjectLock.acquire(layout.lock($0), wait: options.waitForLock, onWaiting: options.onWaitingForLock) }
        defer { withExtendedLifetime((lock, shardLock)) {} }
        // The rebuild's scratch lives in the cache (removed at the end, on interruption, or by
        // the next verification if this one was killed).
        let scratch = options.shard.map(layout.verificationScratch) ?? layout.verificationScratch
        BuildLifecycle.removeOwnedFolder(atPath: scratch.path)
        BuildLifecycle.shared.registerTemporary(scratch)
        defer {
            BuildLifecycle.removeOwnedFolder(atPath: scratch.path)
            BuildLifecycle.shared.unregisterTemporary(scratch)
        }
        var rebuild = options
        rebuild.output = scratch.appendingPathComponent(options.shard == nil ? "report" : "shard")
        rebuild.shardTimes = options.shardTimes ?? options.output
        rebuild.cache = scratch.appendingPathComponent("cache")
        rebuild.useCache = false
        // Nothing is read from the result store, but a result store of its own (--result-cache)
        // receives the fresh results, so a build after a verification hits.
        rebuild.resultCache = options.resultCache ?? rebuild.cache
        rebuild.frozen = false
        rebuild.allowFailures = true
        rebuild.singleFile = nil  // verification checks the report folder; it writes nothing else
        let summary = try ReportBuilder(options: rebuild).build(progress: progress)
        let results = summary.results
        // A shard's chapters are compared within a whole report: the shard's rebuilt chapters
        // among the committed report's others (pages carry the sidebar and chapter numbers).
        let rebuiltReport = scratch.appendingPathComponent("report")
        if options.shard != nil {
            try Self.assemble(
                results, among: options.output, files: try builder.chapterFiles().map(builder.displayPath(of:)), options: options,
                drawnIn: rebuild.output, into: rebuiltReport)
        }
        var warnings = summary.warnings
        if let shardOutput, summary.succeeded {
            warnings += try ReportWriter(destination: shardOutput).replace(withCopyOf: rebuild.output)
        }

        var cases = Self.chapterCases(summary) + Self.claimCases(results)
        var notes = ClaimStabilityNote.reseeding(in: results)
        var differences: [ReportDifference] = []
        var kept: URL?
        var differenceImages: URL?
        if record {
            warnings += try ReportWriter(destination: options.output).replace(withCopyOf: rebuild.output)
        } else {
            guard fm.fileExists(atPath: options.output.path) else {
                throw NotebookError.unreadable(
                    path: options.output.path, reason: "there is no committed report to compare with; run `normbook verify --record` first")
            }
            let images = scratch.appendingPathComponent("differences")
            var comparator = ReportComparator(tolerance: tolerance)
            comparator.presenceOnly = results.reduce(into: VolatileContent.figureImages(inReport: options.output)) {
                $0.formUnion($1.volatileFigureImages)
            }
            differences = try comparator.compare(expected: options.output, actual: rebuiltReport, differenceImages: images)
            notes += ClaimStabilityNote.shrunkMargins(
                committed: Self.storedResults(in: options.output), rebuilt: results, fragileBelow: options.fragileMargin)
            var compared = try ReportComparator(tolerance: tolerance).relativeFiles(in: options.output)
            if options.shard != nil {
                // Only the files of the shard's chapters: the others are the committed ones.
                let files = Self.files(of: results, committed: Self.storedResults(in: options.output))
                differences = differences.filter { files.contains($0.file) }
                compared = compared.filter { files.contains($0) }
            }
            cases += VerificationCase.fileCases(differences: differences, comparedFiles: compared)
            if !differences.isEmpty {
                // Keep the rebuilt report (and the difference images) for inspection.
                let keep = options.shard.map(layout.verification) ?? layout.verification
                BuildLifecycle.removeOwnedFolder(atPath: keep.path)
                try? fm.createDirectory(at: options.cache, withIntermediateDirectories: true)
                if (try? fm.moveItem(at: scratch, to: keep)) != nil {
                    kept = keep.appendingPathComponent("report")
                    if fm.fileExists(atPath: keep.appendingPathComponent("differences").path) {
                        differenceImages = keep.appendingPathComponent("differences")
                    }
                }
            }
        }
        var report = VerificationReport(cases: cases, differences: differences, claimNotes: notes)
        if let shard = options.shard {
            report.shard = VerificationReport.ShardCoverage(
                shard: shard, chapters: summary.chapters.map(\.file), projectChapters: try builder.chapterFiles().map(builder.displayPath(of:)))
        }
        if let page, let diffPage {
            let chapters = results.map { DiffPage.Chapter(file: $0.file, slug: $0.slug, title: $0.title) }
            let rebuilt = kept ?? rebuild.output
            report = try page.write(
                report, committed: options.output, rebuilt: rebuilt,
                differenceImages: differenceImages ?? scratch.appendingPathComponent("differences"), tolerance: tolerance,
                chapters: chapters, committedName: builder.displayPath(of: options.output))
            return Outcome(
                report: report, build: summary, keptReport: kept, differenceImages: differenceImages, diffPage: diffPage,
                warnings: warnings)
        }
        if differenceImages == nil {
            // The images were not kept: no path may point into the removed scratch folder.
            for i in report.differences.indices { report.differences[i].images = nil }
        }
        return Outcome(report: report, build: summary, keptReport: kept, differenceImages: differenceImages, warnings: warnings)
    }

    /// Renders `results` (a shard's rebuilt chapters) with the committed report's results of the
    /// other chapters into `folder`, in chapter order (`files`: the project's chapter files).
    ///
    /// The shard's figures are the images its rebuild drew (in `shardFolder`, the rebuilt shard
    /// output); the other chapters' are the committed images (they are not compared), so no
    /// figure is drawn twice.
    static func assemble(
        _ results: [ChapterResult], among committed: URL, files: [String], options: BuildOptions, drawnIn shardFolder: URL,
        into folder: URL
    ) throws {
        let rebuilt = Dictionary(results.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let stored = Dictionary(storedResults(in: committed).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        let all = files.compactMap { rebuilt[$0] ?? stored[$0] }
        var predrawn: [String: URL] = [:]
        for result in all where rebuilt[result.file] == nil {
            for figure in result.figures {
                let image = committed.appendingPathComponent(figure.image)
                if let key = try? ReportRenderer.drawingKey(figure.chart), FileManager.default.fileExists(atPath: image.path) {
                    predrawn[key] = image
                }
            }
        }
        let shardKeys = Set(results.flatMap(\.figures).compactMap { try? ReportRenderer.drawingKey($0.chart) })
        for key in shardKeys { predrawn[key] = nil }  // a shard's figure is always its rebuild's
        for figure in results.flatMap(\.figures) {
            let image = shardFolder.appendingPathComponent(figure.image)
            if let key = try? ReportRenderer.drawingKey(figure.chart), FileManager.default.fileExists(atPath: image.path) {
                predrawn[key] = image
            }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw NotebookError.unwritable(path: folder.path, reason: error.localizedDescription)
        }
        try ReportMarker.write(into: folder)
        for result in all { try ResultsStore().write(result, toReport: folder) }
        var renderer = ReportRenderer(reportTitle: options.title, version: NotebookIdentity.version, themeDirectory: options.theme)
        renderer.fragileMargin = options.fragileMargin
        renderer.predrawn = predrawn
        try renderer.render(all, into: folder)
    }

    /// The report files that belong to these chapters: their results, pages and figures (as
    /// rebuilt and as committed).
    static func files(of results: [ChapterResult], committed: [ChapterResult]) -> Set<String> {
        let slugs = Set(results.map(\.slug))
        var files: Set<String> = []
        for result in results + committed.filter({ slugs.contains($0.slug) }) {
            files.insert("\(ResultsStore.folderName)/\(result.slug).json")
            files.insert("\(result.slug).html")
            for figure in result.figures { files.insert(figure.image) }
        }
        return files
    }

    /// The results stored in a report folder (those that can be read).
    static func storedResults(in report: URL) -> [ChapterResult] {
        let folder = report.appendingPathComponent(ResultsStore.folderName)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                .flatMap { try? ResultsStore().decode($0, path: name) }
        }
    }

    /// One case per chapter: it must build.
    static func chapterCases(_ summary: BuildSummary) -> [VerificationCase] {
        summary.chapters.map { chapter in
            VerificationCase(
                suite: chapter.file, name: "builds",
                failure: chapter.status == .succeeded ? nil : "the chapter did not build",
                details: chapter.diagnostics.filter { $0.severity == .error }.map(\.description))
        }
    }

    /// One case per claim: its computed verdict must be the expected one.
    static func claimCases(_ results: [ChapterResult]) -> [VerificationCase] {
        results.flatMap { result in
            result.claims.map { claim in
                let evidence = claim.parts.map {
                    "\($0.id): rule \($0.rule); \($0.decision.explanation) → \($0.decision.verdict)"
                }
                let failure: String?
                if let expected = claim.expected {
                    failure = expected == claim.verdict
                        ? nil : "claim \(claim.id): computed verdict '\(claim.verdict)', expected '\(expected)'"
                } else {
                    failure = "claim \(claim.id) has no expected verdict (add `//| expect: \(claim.verdict)` after checking it)"
                }
                return VerificationCase(
                    suite: result.file, name: "claim \(claim.id): \(claim.statement)", failure: failure,
                    details: evidence + (claim.rationale.map { [$0] } ?? []))
            }
        }
    }
}
