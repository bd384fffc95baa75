#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Notebook

/// What one preview rebuild did, for the terminal's status line.
public struct RebuildReport: Sendable {
    /// The changed files that caused it, relative to the project root (empty for the first build).
    public var changed: [String]
    /// The chapters it built by name (nil: every chapter, from cache where up to date).
    public var chapters: [String]?
    /// The build's summary (nil when the build could not start: its error is in `problems`).
    public var summary: BuildSummary?
    /// The errors now shown over the pages (empty: none).
    public var problems: [PreviewProblem]
    /// The pages told to reload.
    public var reloadedPages: [String]
    /// Seconds compiling and running chapter programs (summed over chapters), rendering, and
    /// pushing the result to the pages; `total` from the first change seen to the push.
    public var compileSeconds = 0.0, runSeconds = 0.0, renderSeconds = 0.0, pushSeconds = 0.0, totalSeconds = 0.0
    /// Whether a newer edit made this build stale: it was stopped and its outcome discarded.
    public var superseded = false
}

/// Runs the preview's builds one at a time on its own thread: waits for changes, lets edits that
/// come together coalesce, builds what they touch through `ReportBuilder` (same pipeline, same
/// cache as `normbook build`), and tells the pages.
final class RebuildLoop: @unchecked Sendable {
    private let configuration: PreviewConfiguration
    private let hub: PreviewHub
    private let onRebuild: @Sendable (RebuildReport) -> Void
    /// Told of each chapter of the first build as it finishes (it may run every chapter).
    private let onFirstBuildChapter: @Sendable (BuildSummary.Chapter) -> Void
    private let condition = NSCondition()
    private var pending: [String: Date] = [:]
    private var building: (named: Set<String>?, stale: Bool)?
    /// Chapters that failed in the last build: named again in the next one.
    private var failing: Set<String> = []
    /// The chapter files of the last build (a new or removed chapter rebuilds everything).
    private var knownChapters: Set<String> = []
    /// Whether the pages shown hold failed chapters (only the first build writes such pages).
    private var shownHasFailures = false
    private var pageContents: [String: Data] = [:]
    /// What each build keeps for the next: a rebuild redoes only the parsing, decoding, drawing
    /// and rendering whose inputs changed.
    private let memo = RebuildMemo()

    /// How long to wait after a change for more to come (an editor's save is often a few writes).
    static let coalescing: TimeInterval = 0.02

    init(
        configuration: PreviewConfiguration, hub: PreviewHub, onRebuild: @escaping @Sendable (RebuildReport) -> Void,
        onFirstBuildChapter: @escaping @Sendable (BuildSummary.Chapter) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.hub = hub
        self.onRebuild = onRebuild
        self.onFirstBuildChapter = onFirstBuildChapter
    }

    /// Starts the loop's thread; the first build runs at once.
    func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "normbook-rebuild"
        thread.start()
    }

    /// Files changed (absolute paths). A build under way that they make stale is stopped.
    func changed(_ paths: [String]) {
        let relevant = paths.filter(isRelevant)
        guard !relevant.isEmpty else { return }
        condition.lock()
        let now = Date()
        for path in relevant where pending[path] == nil { pending[path] = now }
        if var current = building, !current.stale, makesStale(relevant, current.named) {
            current.stale = true
            building = current
            BuildLifecycle.shared.stopRunningChildren()
        }
        condition.signal()
        condition.unlock()
    }

    private func isRelevant(_ path: String) -> Bool {
        let output = configuration.output.standardizedFileURL.path
        let cache = configuration.cache.standardizedFileURL.path
        return !(path.hasPrefix(output + "/") || path.hasPrefix(cache + "/"))
    }

    /// A change makes a build stale when it touches a chapter the build runs, or anything else
    /// (data, the project file, the theme) while it builds every chapter.
    private func makesStale(_ paths: [String], _ named: Set<String>?) -> Bool {
        paths.contains { path in
            guard isChapter(path) else { return true }
            return named.map { $0.contains(path) } ?? true
        }
    }

    /// Whether `path` is a chapter file (`*.md` directly in the chapters folder, not `_…` or a README).
    func isChapter(_ path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        return url.deletingLastPathComponent().standardizedFileURL.path == configuration.chapters.standardizedFileURL.path
            && name.hasSuffix(".md") && !name.hasPrefix("_") && name.lowercased() != "readme.md"
    }

    private func loop() {
        rebuild(changes: [:])
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            condition.unlock()
            Thread.sleep(forTimeInterval: Self.coalescing)
            condition.lock()
            let changes = pending
            pending.removeAll()
            condition.unlock()
            rebuild(changes: changes)
        }
    }

    private func relative(_ path: String) -> String {
        let root = configuration.projectRoot.standardizedFileURL.path
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    private func rebuild(changes: [String: Date]) {
        let started = changes.values.min() ?? Date()
        // A file that is gone and was no chapter is an editor's or sed's temporary file, written
        // and renamed over a chapter (whose own change is in the list).
        let changedPaths = changes.keys.filter { path in
            isChapter(path) || FileManager.default.fileExists(atPath: path)
                || URL(fileURLWithPath: path).lastPathComponent == ProjectFile.fileName
        }.sorted()
        if changedPaths.isEmpty && !changes.isEmpty { return }
        var report = RebuildReport(changed: changedPaths.map(relative), chapters: nil, summary: nil, problems: [], reloadedPages: [])
        if !changedPaths.isEmpty { hub.publish(.building(changed: report.changed)) }

        var options: BuildOptions
        do {
            options = try configuration.makeOptions()
        } catch {
            finish(&report, problems: Self.problems(for: error, projectRoot: configuration.projectRoot), started: started)
            return
        }
        options.output = configuration.output
        // The preview follows edits: the extra runs with other seeds (`reseed`), which only mark
        // how stable verdicts are, are left to `build` and `verify`, so a block edit runs its
        // chapter once.
        options.reseed = 0
        options.memo = memo
        let currentChapters = Set(chapterFiles(in: options.chapters))
        // Only chapter files changed (none added or removed): build those and the failing ones;
        // every other chapter keeps its cached result. Anything else: every chapter, from cache.
        let onlyChapters = !changedPaths.isEmpty && changedPaths.allSatisfy(isChapter)
            && currentChapters == knownChapters && hasPreview
        var named: Set<String>? = nil
        if onlyChapters {
            named = Set(changedPaths).union(failing).intersection(currentChapters)
            options.onlyChapters = named?.sorted().map { URL(fileURLWithPath: $0) }
            report.chapters = named?.sorted().map(relative)
        }
        // The pages keep the last render that built: a failed build is set aside, unless the
        // pages shown already hold failures (or there are none yet).
        options.allowFailures = !hasPreview || shownHasFailures

        condition.lock()
        building = (named, false)
        condition.unlock()
        let summary: BuildSummary
        do {
            let first = changes.isEmpty
            let tell = onFirstBuildChapter
            summary = try ReportBuilder(options: options).build(progress: { chapter in
                if first { tell(chapter) }
            })
        } catch {
            let stale = endBuilding()
            if stale { report.superseded = true; onRebuild(report); return }
            finish(&report, problems: Self.problems(for: error, projectRoot: configuration.projectRoot), started: started)
            return
        }
        if endBuilding() {
            report.superseded = true
            report.summary = summary
            onRebuild(report)
            return
        }
        knownChapters = currentChapters
        report.summary = summary
        report.compileSeconds = summary.chapters.map(\.compileSeconds).reduce(0, +)
        report.runSeconds = summary.chapters.map(\.runSeconds).reduce(0, +)
        report.renderSeconds = summary.renderSeconds
        let root = configuration.projectRoot.standardizedFileURL.path
        failing = Set(summary.chapters.filter { $0.status == .failed }.map { file in
            file.file.hasPrefix("/") ? file.file : root + "/" + file.file
        })
        let written = summary.failedReportFolder == nil
        if written { shownHasFailures = !summary.succeeded }
        var problems: [PreviewProblem] = []
        for chapter in summary.chapters {
            let errors = chapter.diagnostics.filter { $0.severity == .error }
            problems += errors.map { PreviewProblem($0, projectRoot: configuration.projectRoot) }
            if chapter.status == .failed && errors.isEmpty {
                problems.append(PreviewProblem(location: chapter.file, message: "the chapter failed"))
            }
        }
        finish(&report, problems: problems, started: started, written: written)
    }

    /// Tells the pages and the terminal.
    private func finish(_ report: inout RebuildReport, problems: [PreviewProblem], started: Date, written: Bool = false) {
        let pushStart = Date()
        if written {
            report.reloadedPages = changedPages()
            if !report.reloadedPages.isEmpty { hub.publish(.reload(pages: report.reloadedPages)) }
        }
        hub.publish(.problems(problems))
        report.problems = problems
        let end = Date()
        report.pushSeconds = end.timeIntervalSince(pushStart)
        report.totalSeconds = end.timeIntervalSince(started)
        onRebuild(report)
    }

    private func endBuilding() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let stale = building?.stale ?? false
        building = nil
        return stale
    }

    private var hasPreview: Bool {
        FileManager.default.fileExists(atPath: configuration.output.appendingPathComponent("index.html").path)
    }

    /// The HTML pages of the preview whose bytes changed since the last push (a report's pages
    /// are a few hundred kilobytes in all: they are kept, not hashed).
    private func changedPages() -> [String] {
        let folder = configuration.output
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".html") }
        var contents: [String: Data] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
            contents[name] = data
        }
        let changed = contents.keys.filter { pageContents[$0] != contents[$0] }.sorted()
        pageContents = contents
        return changed
    }

    private func chapterFiles(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.map { folder.standardizedFileURL.path + "/" + $0 }.filter(isChapter)
    }

    /// The problems shown for an error that stopped a build before it ran.
    static func problems(for error: any Error, projectRoot: URL) -> [PreviewProblem] {
        if case .invalidChapter(let diagnostics) = error as? NotebookError {
            return diagnostics.filter { $0.severity == .error }.map { PreviewProblem($0, projectRoot: projectRoot) }
        }
        return [PreviewProblem(location: nil, message: "\(error)")]
    }
}
