import Foundation
import NotebookProtocol

/// One chapter through Parse → Plan → Execute → Results, its result coming from one of three
/// sources: a run (compile and execute), the cache (a stored result whose inputs and
/// environment are unchanged), or — with `--frozen` — the report's own stored result.
struct ChapterPipeline: Sendable {
    /// Where results come from.
    enum Source: Sendable {
        /// Run the chapter (reusing a cached result when `useCache` and it is up to date).
        case run(Runner, useCache: Bool)
        /// Take the result stored in this report folder; never compile or run.
        case frozen(report: URL)
        /// A chapter not named in `build FILE…`: its cached result when up to date, else the
        /// report's page as it is (even if its blocks changed since), else a run.
        case keep(Runner, report: URL)
        /// `normbook merge`: take the result from the shard output folder that holds it,
        /// checked like `frozen` (and against the other shards holding it); never compile or run.
        case merged(ShardSet)
    }

    /// What running a chapter needs.
    struct Runner: Sendable {
        var compiler: SwiftCompiler
        /// The environment key of this build.
        var environmentKey: String
        /// How chapter programs are confined, and the limits they run under (before the
        /// chapter's own `limits:`).
        var isolation: ProcessIsolation
        var limits: ResourceLimits
    }

    var source: Source
    var projectRoot: URL
    var cache: URL
    /// The result store (`BuildOptions.resultStore`).
    var resultStore: URL
    var provenance: Provenance
    /// `--allow-failures`: references to no label are warnings rather than errors.
    var allowFailures: Bool
    /// The project file's chapter defaults.
    var chapterDefaults = FrontMatter()
    /// Extra runs with other seeds for chapters that decide claims (0: none).
    var reseed = 0
    /// Work kept from earlier builds in this process (see `RebuildMemo`).
    var memo: RebuildMemo?
    /// The shard this build is (`build --shard I/N`): its chapters' work folders are its own,
    /// so shard builds of one project can run at once.
    var shard: Shard?

    /// A chapter's result and its line in the build summary.
    struct Outcome: Sendable {
        var result: ChapterResult
        var summary: BuildSummary.Chapter
        /// With `--frozen`: why the stored result cannot be used (missing or stale).
        var frozenProblem: Diagnostic?
    }

    func build(file: URL, displayPath: String) -> Outcome {
        var provenance = provenance
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            let diagnostic = Diagnostic(
                .error, at: SourceLocation(file: displayPath, line: 1, column: 1),
                "cannot read the chapter: \(error.localizedDescription)", hint: "check that it is UTF-8 text")
            let document = ChapterDocument(
                file: displayPath, slug: ChapterParser.slug(of: displayPath), frontMatter: FrontMatter(), segments: [],
                title: ChapterParser.slug(of: displayPath))
            return finish(ResultAssembler(document: document, provenance: provenance).assemble(.invalidSource([diagnostic])),
                compileSeconds: 0, runSeconds: 0)
        }

        // Parse
        let parser = ChapterParser(unresolvedReferencesAreWarnings: allowFailures, projectDefaults: chapterDefaults)
        let (document, parseDiagnostics) = memo.map { memo in
            memo.value("parse:\(displayPath)", inputs: ParseInputs(text: text, parser: parser)) { parser.parse(text, file: displayPath) }
        } ?? parser.parse(text, file: displayPath)
        let (inputsKey, dataProblems) = InputsKey.compute(for: document, projectRoot: projectRoot, reseed: reseed)
        provenance.seed = document.frontMatter.seed
        provenance.inputsKey = inputsKey
        let assembler = ResultAssembler(document: document, provenance: provenance)
        var sourceProblems = parseDiagnostics + dataProblems
        let runner: Runner, useCache: Bool
        switch source {
        case .frozen(let report):
            return frozen(document, inputsKey: inputsKey, report: report, displayPath: displayPath)
        case .merged(let shards):
            return merged(document, inputsKey: inputsKey, shards: shards, displayPath: displayPath)
        case .run(let r, let cached):
            (runner, useCache) = (r, cached)
        case .keep(let r, let report):
            if let kept = kept(document, inputsKey: inputsKey, runner: r, report: report, displayPath: displayPath) {
                return kept
            }
            (runner, useCache) = (r, true)
        }
        var isolation = runner.isolation
        if document.frontMatter.sandbox == false && isolation.sandboxed {
            isolation.sandboxed = false
            sourceProblems.append(Diagnostic(
                .warning, at: SourceLocation(file: displayPath, line: 1, column: 1),
                "this chapter runs without the sandbox (`sandbox: false` in its front matter): it can write anywhere you can and use the network",
                hint: "remove `sandbox: false` unless the chapter really needs it"))
        }
        if sourceProblems.contains(where: { $0.severity == .error }) {
            return finish(assembler.assemble(.invalidSource(sourceProblems)), compileSeconds: 0, runSeconds: 0)
        }
        let resultCache = ResultCache(folder: resultStore, memo: memo)
        if useCache,
            let stored = resultCache.lookup(file: document.file, inputsKey: inputsKey, environmentKey: runner.environmentKey)
        {
            var outcome = finish(stored.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
            outcome.summary.reused = true
            return outcome
        }
        // Plan
        let program = ChapterProgram(document: document)
        let work = shard.map { CacheLayout(folder: cache).work(document.slug, shard: $0) } ?? CacheLayout(folder: cache).work(document.slug)
        // Execute: compile
        let compileStart = Date()
        let outcome: SwiftCompiler.Outcome
        do {
            outcome = try runner.compiler.compile(program, in: work)
        } catch {
            let diagnostic = Diagnostic(.error, at: nil, "could not compile \(displayPath): \(error)")
            return finish(assembler.assemble(.invalidSource([diagnostic])), compileSeconds: 0, runSeconds: 0)
        }
        let compileSeconds = Date().timeIntervalSince(compileStart)
        guard outcome.succeeded else {
            var failed = finish(assembler.assemble(.compileFailed(outcome)), compileSeconds: compileSeconds, runSeconds: 0)
            failed.summary.compiled = true
            return failed
        }
        // Execute: run
        let runStart = Date()
        let chapterRunner = ChapterRunner(
            isolation: isolation, limits: runner.limits.applying(document.frontMatter.limits),
            readOnly: [runner.compiler.kit.directory])
        let run: ChapterRunner.Run
        do {
            run = try chapterRunner.run(
                binary: work.appendingPathComponent("chapter"), workDirectory: work, projectRoot: projectRoot,
                seed: document.frontMatter.seed, blockTimeouts: document.executedBlocks.map(\.options.timeout),
                chapterTimeout: document.frontMatter.timeout ?? ChapterRunner.defaultChapterTimeout)
        } catch {
            let diagnostic = Diagnostic(.error, at: nil, "could not run \(displayPath): \(error)")
            return finish(assembler.assemble(.invalidSource([diagnostic])), compileSeconds: compileSeconds, runSeconds: 0)
        }
        // Results
        let warnings = outcome.diagnostics.filter { $0.severity != .error }
            + sourceProblems.filter { $0.severity != .error }
        var result = assembler.assemble(.ran(run, compileDiagnostics: warnings, limits: chapterRunner.limits))
        if reseed > 0, result.status == .succeeded, !result.claims.isEmpty {
            // The same program with other seeds: only the claims' verdicts are kept.
            let seeds = Reseeding.seeds(from: document.frontMatter.seed ?? 0, count: reseed)
            var verdicts: [[String: Verdict]] = []
            for seed in seeds {
                let again = try? chapterRunner.run(
                    binary: work.appendingPathComponent("chapter"), workDirectory: work, projectRoot: projectRoot,
                    seed: seed, blockTimeouts: document.executedBlocks.map(\.options.timeout),
                    chapterTimeout: document.frontMatter.timeout ?? ChapterRunner.defaultChapterTimeout)
                let other = again.map { assembler.assemble(.ran($0, compileDiagnostics: [], limits: chapterRunner.limits)) }
                verdicts.append(Dictionary(
                    (other?.claims ?? []).map { ($0.id, $0.verdict) }, uniquingKeysWith: { first, _ in first }))
            }
            result = result.attachingReseeding(seeds: seeds, verdicts: verdicts)
        }
        let runSeconds = Date().timeIntervalSince(runStart)
        // Volatile (ChapterResult+Volatile.swift); sharded builds balance by it.
        result.buildSeconds = ((compileSeconds + runSeconds) * 1000).rounded() / 1000
        resultCache.store(result, environmentKey: runner.environmentKey)
        var built = finish(result, compileSeconds: compileSeconds, runSeconds: runSeconds)
        built.summary.compiled = true
        built.summary.ran = true
        return built
    }

    /// A chapter left out of `build FILE…`: its cached result if up to date, else the report's
    /// stored result — refreshed with the current prose if up to date, as it was otherwise (with
    /// a warning) — else nil (nothing stored: it is run).
    private func kept(
        _ document: ChapterDocument, inputsKey: String, runner: Runner, report: URL, displayPath: String
    ) -> Outcome? {
        if let cached = ResultCache(folder: resultStore, memo: memo).lookup(file: document.file, inputsKey: inputsKey, environmentKey: runner.environmentKey) {
            var outcome = finish(cached.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
            outcome.summary.reused = true
            return outcome
        }
        let stored = report.appendingPathComponent("\(ResultsStore.folderName)/\(document.slug).json")
        guard let data = FileManager.default.contents(atPath: stored.path), let result = try? ResultsStore(memo: memo).decode(data, path: stored.path)
        else { return nil }
        var outcome: Outcome
        if result.provenance.inputsKey == inputsKey {
            outcome = finish(result.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
        } else {
            outcome = finish(result, compileSeconds: 0, runSeconds: 0)
            outcome.summary.diagnostics.append(Diagnostic(
                .warning, at: SourceLocation(file: displayPath, line: 1, column: 1),
                "not rebuilt: its page is the previous build's, but the chapter's blocks changed since",
                hint: "build it by name too, or build the whole project"))
        }
        outcome.summary.reused = true
        return outcome
    }

    /// The result stored in the report for this chapter, if it is up to date.
    private func frozen(_ document: ChapterDocument, inputsKey: String, report: URL, displayPath: String) -> Outcome {
        let at = SourceLocation(file: displayPath, line: 1, column: 1)
        let stored = report.appendingPathComponent("\(ResultsStore.folderName)/\(document.slug).json")
        let storedName = stored.path.hasPrefix(projectRoot.path + "/") ? String(stored.path.dropFirst(projectRoot.path.count + 1)) : stored.path
        let problem: Diagnostic
        if let data = FileManager.default.contents(atPath: stored.path) {
            do {
                let result = try ResultsStore(memo: memo).decode(data, path: storedName)
                if result.provenance.inputsKey == inputsKey {
                    var outcome = finish(result.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
                    outcome.summary.reused = true
                    return outcome
                }
                problem = Diagnostic(.error, at: at,
                    "the stored result is stale: the chapter's blocks, options, inline expressions or data changed since it was built",
                    hint: "build without --frozen to run it again")
            } catch {
                problem = Diagnostic(.error, at: at, "\(error)", hint: "build without --frozen to run it again")
            }
        } else {
            problem = Diagnostic(.error, at: at, "no stored result for this chapter (\(storedName))",
                hint: "build without --frozen once to run it")
        }
        var outcome = finish(
            ResultAssembler(document: document, provenance: provenance).assemble(.invalidSource([problem])),
            compileSeconds: 0, runSeconds: 0)
        outcome.frozenProblem = problem
        return outcome
    }

    /// The chapter's result from the shard folders holding it: up to date with the chapter's
    /// sources, and the same (outside volatile content) in every folder that holds it.
    private func merged(_ document: ChapterDocument, inputsKey: String, shards: ShardSet, displayPath: String) -> Outcome {
        let at = SourceLocation(file: displayPath, line: 1, column: 1)
        var found: [(ShardSet.Member, ChapterResult)] = []
        var problem: Diagnostic?
        search: for member in shards.holders(of: document.slug) {
            let stored = member.folder.appendingPathComponent("\(ResultsStore.folderName)/\(document.slug).json")
            let storedName = "\(member.shown)/\(ResultsStore.folderName)/\(document.slug).json"
            do {
                guard let data = FileManager.default.contents(atPath: stored.path) else {
                    throw NotebookError.unreadable(path: storedName, reason: "no such file")
                }
                let result = try ResultsStore().decode(data, path: storedName)
                guard result.provenance.inputsKey == inputsKey else {
                    problem = Diagnostic(.error, at: at,
                        "shard folder \(member.shown) (shard \(member.manifest.shard)) was built from a different version of this chapter: its blocks, options, inline expressions or data files differ from the sources here",
                        hint: "build the shards again from the same commit as the merge")
                    break search
                }
                if let (first, earlier) = found.first, !earlier.agreesOutsideVolatileContent(with: result) {
                    problem = Diagnostic(.error, at: at,
                        "shard folders \(first.shown) and \(member.shown) both hold this chapter, with different results",
                        hint: "merge the folders of one split (every shard of one --shard I/N run), each chapter in one of them")
                    break search
                }
                found.append((member, result))
            } catch {
                problem = Diagnostic(.error, at: at, "\(error)", hint: "build shard \(member.manifest.shard) again")
                break search
            }
        }
        if problem == nil, let (_, result) = found.first {
            var outcome = finish(result.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
            outcome.summary.reused = true
            return outcome
        }
        let reason = problem ?? Diagnostic(.error, at: at, "no shard folder holds this chapter's result", hint: ShardSet.hint)
        var outcome = finish(
            ResultAssembler(document: document, provenance: provenance).assemble(.invalidSource([reason])),
            compileSeconds: 0, runSeconds: 0)
        outcome.frozenProblem = reason
        // The merge stops with this problem (printed once, then): not on the chapter's line too.
        outcome.summary.diagnostics.removeAll { $0 == reason }
        return outcome
    }

    private func finish(_ result: ChapterResult, compileSeconds: Double, runSeconds: Double) -> Outcome {
        let executed = result.blocks.filter { $0.index != nil }
        return Outcome(
            result: result,
            summary: BuildSummary.Chapter(
                file: result.file, slug: result.slug, status: result.status,
                blocksSucceeded: executed.filter { $0.status == .succeeded }.count, blockCount: executed.count,
                figureCount: result.figures.count, diagnostics: result.allDiagnostics,
                compileSeconds: compileSeconds, runSeconds: runSeconds))
    }
}

/// Everything a chapter's parse depends on besides its path (the memo's name for it).
private struct ParseInputs: Equatable {
    var text: String
    var parser: ChapterParser
}
