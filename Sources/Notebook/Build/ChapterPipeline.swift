import Foundation

/// One chapter through Parse → Plan → Execute → Results.
struct ChapterPipeline: Sendable {
    var compiler: SwiftCompiler
    var projectRoot: URL
    var cache: URL
    var provenance: Provenance
    /// The environment key of this build, and whether stored results may be reused.
    var environmentKey: String
    var useCache: Bool
    /// How chapter programs are confined, and the limits they run under (before the chapter's
    /// own `limits:`).
    var isolation: ProcessIsolation
    var limits: ResourceLimits
    /// `--allow-failures`: references to no label are warnings rather than errors.
    var allowFailures: Bool

    /// A chapter's result and its line in the build summary.
    struct Outcome: Sendable {
        var result: ChapterResult
        var summary: BuildSummary.Chapter
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
        let (document, parseDiagnostics) = ChapterParser(unresolvedReferencesAreWarnings: allowFailures).parse(text, file: displayPath)
        let (inputsKey, dataProblems) = InputsKey.compute(for: document, projectRoot: projectRoot)
        provenance.seed = document.frontMatter.seed
        provenance.inputsKey = inputsKey
        let assembler = ResultAssembler(document: document, provenance: provenance)
        var sourceProblems = parseDiagnostics + dataProblems
        var isolation = isolation
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
        let resultCache = ResultCache(folder: cache)
        if useCache, let stored = resultCache.lookup(slug: document.slug, inputsKey: inputsKey, environmentKey: environmentKey) {
            var outcome = finish(stored.refreshed(with: document), compileSeconds: 0, runSeconds: 0)
            outcome.summary.reused = true
            return outcome
        }
        // Plan
        let program = ChapterProgram(document: document)
        let work = cache.appendingPathComponent("work/\(document.slug)")
        // Execute: compile
        let compileStart = Date()
        let outcome: SwiftCompiler.Outcome
        do {
            outcome = try compiler.compile(program, in: work)
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
        let runner = ChapterRunner(
            isolation: isolation, limits: limits.applying(document.frontMatter.limits), readOnly: [compiler.kit.directory])
        let run: ChapterRunner.Run
        do {
            run = try runner.run(
                binary: work.appendingPathComponent("chapter"), workDirectory: work, projectRoot: projectRoot,
                seed: document.frontMatter.seed, blockTimeouts: document.executedBlocks.map(\.options.timeout),
                chapterTimeout: document.frontMatter.timeout ?? ChapterRunner.defaultChapterTimeout)
        } catch {
            let diagnostic = Diagnostic(.error, at: nil, "could not run \(displayPath): \(error)")
            return finish(assembler.assemble(.invalidSource([diagnostic])), compileSeconds: compileSeconds, runSeconds: 0)
        }
        let runSeconds = Date().timeIntervalSince(runStart)
        // Results
        let warnings = outcome.diagnostics.filter { $0.severity != .error }
            + sourceProblems.filter { $0.severity != .error }
        let result = assembler.assemble(.ran(run, compileDiagnostics: warnings, limits: runner.limits))
        resultCache.store(result, environmentKey: environmentKey)
        var built = finish(result, compileSeconds: compileSeconds, runSeconds: runSeconds)
        built.summary.compiled = true
        built.summary.ran = true
        return built
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
