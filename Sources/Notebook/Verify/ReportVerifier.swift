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
        if record { try builder.outputGuard.check(options.output, shownAs: builder.displayPath(of: options.output)) }
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
        let lock = try ProjectLock.acquire(CacheLayout(folder: options.cache).lock, wait: options.waitForLock, onWaiting: options.onWaitingForLock)
        defer { withExtendedLifetime(lock) {} }
        // The rebuild's scratch lives in the cache (removed at the end, on interruption, or by
        // the next verification if this one was killed).
        let scratch = CacheLayout(folder: options.cache).verificationScratch
        BuildLifecycle.removeOwnedFolder(atPath: scratch.path)
        BuildLifecycle.shared.registerTemporary(scratch)
        defer {
            BuildLifecycle.removeOwnedFolder(atPath: scratch.path)
            BuildLifecycle.shared.unregisterTemporary(scratch)
        }
        var rebuild = options
        rebuild.output = scratch.appendingPathComponent("report")
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

        var cases = Self.chapterCases(summary) + Self.claimCases(results)
        var notes = ClaimStabilityNote.reseeding(in: results)
        var differences: [ReportDifference] = []
        var kept: URL?
        var differenceImages: URL?
        var warnings = summary.warnings
        if record {
            let writer = ReportWriter(destination: options.output)
            let staging = try writer.makeStaging()
            writer.discard(staging)
            BuildLifecycle.shared.registerTemporary(staging)
            do {
                try fm.copyItem(at: rebuild.output, to: staging)
            } catch {
                throw NotebookError.unwritable(path: staging.path, reason: error.localizedDescription)
            }
            warnings += try writer.commit(staging)
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
            differences = try comparator.compare(expected: options.output, actual: rebuild.output, differenceImages: images)
            notes += ClaimStabilityNote.shrunkMargins(
                committed: Self.storedResults(in: options.output), rebuilt: results, fragileBelow: options.fragileMargin)
            let compared = try ReportComparator(tolerance: tolerance).relativeFiles(in: options.output)
            cases += VerificationCase.fileCases(differences: differences, comparedFiles: compared)
            if !differences.isEmpty {
                // Keep the rebuilt report (and the difference images) for inspection.
                let keep = CacheLayout(folder: options.cache).verification
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
