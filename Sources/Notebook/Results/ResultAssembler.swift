import Foundation
import NotebookProtocol

/// Turns a parsed chapter and what happened to it (parse diagnostics, the compilation, the run)
/// into a `ChapterResult`: output attributed to blocks, figures numbered, failures placed at
/// their Markdown lines, and the blocks after a failure marked as not run.
struct ResultAssembler {
    var document: ChapterDocument
    var provenance: Provenance

    /// What stopped the chapter before it ran, if anything.
    enum Stage {
        /// The source has errors: nothing was compiled.
        case invalidSource([Diagnostic])
        /// The program did not compile.
        case compileFailed(SwiftCompiler.Outcome)
        /// The program ran (successfully or not).
        case ran(ChapterRunner.Run, compileDiagnostics: [Diagnostic], limits: ResourceLimits = ResourceLimits())
    }

    /// What is being assembled, block by block (indexed like `document.executedBlocks`).
    private struct Work {
        var outputs: [[BlockOutput]]
        var statuses: [BlockResult.Status]
        var diagnostics: [[Diagnostic]]
        var records: [[ClaimRecord]]
        var chapterDiagnostics: [Diagnostic] = []
        var values: [String: Value] = [:]
        var inlineValues: [Int: Value] = [:]

        init(blocks: Int) {
            outputs = Array(repeating: [], count: blocks)
            statuses = Array(repeating: .notRun, count: blocks)
            diagnostics = Array(repeating: [], count: blocks)
            records = Array(repeating: [], count: blocks)
        }

        /// Marks every block holding an error as failed.
        mutating func failBlocksWithErrors() {
            for k in statuses.indices where diagnostics[k].contains(where: { $0.severity == .error }) { statuses[k] = .failed }
        }
    }

    func assemble(_ stage: Stage) -> ChapterResult {
        var work = Work(blocks: document.executedBlocks.count)
        switch stage {
        case .invalidSource(let diagnostics):
            placeSourceProblems(diagnostics, in: &work)
        case .compileFailed(let outcome):
            placeCompileFailure(outcome, in: &work)
        case .ran(let run, let compileDiagnostics, let limits):
            compileDiagnostics.forEach { place($0, in: &work) }
            attribute(run, in: &work)
            warnAboutCuts(run, limits: limits, in: &work)
            markStatuses(run, in: &work)
            work.failBlocksWithErrors()
        }
        let claims = decideClaims(in: &work)
        let failed = work.statuses.contains(.failed) || work.chapterDiagnostics.contains { $0.severity == .error }
        return ChapterResult(
            file: document.file, slug: document.slug, title: document.title,
            status: failed ? .failed : .succeeded, segments: segments(work, claims: claims), diagnostics: work.chapterDiagnostics,
            values: work.values, provenance: provenance)
    }

    /// The executed block whose lines (fence to closing fence) hold `line`.
    private func block(at line: Int) -> Int? {
        document.executedBlocks.firstIndex { line >= $0.fenceLine && line <= $0.firstLine + $0.source.count }
    }

    /// Puts a diagnostic on the block it points into, else on the chapter.
    private func place(_ diagnostic: Diagnostic, in work: inout Work) {
        if let line = diagnostic.location?.line, diagnostic.location?.file == document.file, let k = block(at: line) {
            work.diagnostics[k].append(diagnostic)
        } else {
            work.chapterDiagnostics.append(diagnostic)
        }
    }

    /// The source has errors: each goes to its block (option errors on blocks that are not
    /// executed stay with the chapter), and those blocks fail.
    private func placeSourceProblems(_ diagnostics: [Diagnostic], in work: inout Work) {
        var elsewhere: [Diagnostic] = []
        for d in diagnostics {
            if let line = d.location?.line, block(at: line) != nil { place(d, in: &work) } else { elsewhere.append(d) }
        }
        work.chapterDiagnostics += elsewhere
        work.failBlocksWithErrors()
    }

    /// The program did not compile: errors go to their blocks (errors in an inline value of the
    /// prose stay with the chapter, at their line); a failure that points nowhere in the
    /// chapter is a normbook bug and says so.
    private func placeCompileFailure(_ outcome: SwiftCompiler.Outcome, in work: inout Work) {
        outcome.diagnostics.forEach { place($0, in: &work) }
        work.failBlocksWithErrors()
        if !work.statuses.contains(.failed) && !outcome.diagnostics.contains(where: { $0.severity == .error }) {
            work.chapterDiagnostics.append(Diagnostic(
                .error, at: SourceLocation(file: document.file, line: 1, column: 1),
                "the chapter's program did not compile:\n" + outcome.output,
                hint: "this is likely a normbook bug; please report it with the chapter"))
        }
    }

    /// Gives each block what it printed and showed, in order; numbers figures across the chapter.
    private func attribute(_ run: ChapterRunner.Run, in work: inout Work) {
        let executed = document.executedBlocks
        let split = StreamSplitter.split(stdout: run.stdout, stderr: CrashReport.strippingReport(from: run.stderr))
        let events = Dictionary(run.events.map { ($0.sequence, $0) }, uniquingKeysWith: { a, _ in a })
        for event in run.events {
            switch event.payload {
            case .value(let name, let value): work.values[name] = value
            case .inline(let index, let value): work.inlineValues[index] = value
            default: break
            }
        }
        var figureNumber = 0
        var labelUses: [String: Int] = [:]
        // Dictionaries iterate in a per-process random order: walk blocks in order so that
        // figure numbers are the same in every build.
        for cell in split.stdout.keys.sorted() where cell < executed.count {
            for item in split.stdout[cell] ?? [] {
                switch item {
                case .text(let text):
                    work.outputs[cell].append(.text(text))
                case .event(let sequence):
                    guard let event = events[sequence] else { continue }
                    switch event.payload {
                    case .chart(let chart):
                        let block = executed[cell]
                        do {
                            try chart.validate()
                        } catch {
                            // Drawn later by normbook itself: a chart that cannot be drawn fails its
                            // block here, not the whole build at rendering.
                            work.diagnostics[cell].append(Diagnostic(
                                .error, at: SourceLocation(file: document.file, line: block.firstLine, column: block.indentation + 1),
                                "this block shows a chart that cannot be drawn: \(error)",
                                hint: "fix the chart's data or options (Chart.validate() says the same in the chapter)"))
                            continue
                        }
                        figureNumber += 1
                        // A table's label and caption (`tbl-…`) are not its block's charts'.
                        let isTableBlock = block.options.label.map { CrossReference.kind(of: $0) == .table } ?? false
                        var label = isTableBlock ? nil : block.options.label
                        if let base = label {
                            let use = labelUses[base, default: 0] + 1
                            labelUses[base] = use
                            if use > 1 { label = "\(base)-\(use)" }
                        }
                        work.outputs[cell].append(.figure(Figure(
                            number: figureNumber, label: label, caption: (isTableBlock ? nil : block.options.caption) ?? chart.title,
                            chart: chart, image: "figures/\(document.slug)-\(figureNumber).png")))
                    case .table(let table):
                        work.outputs[cell].append(.table(table))
                    case .claim(let record):
                        work.records[cell].append(record)
                    default:
                        break
                    }
                }
            }
        }
        for cell in split.stderr.keys.sorted() where cell < executed.count {
            guard let text = split.stderr[cell], !text.isEmpty else { continue }
            work.outputs[cell].append(.errorText(text))
        }
    }

    /// A warning at each block whose printed output was cut at a limit.
    private func warnAboutCuts(_ run: ChapterRunner.Run, limits: ResourceLimits, in work: inout Work) {
        let executed = document.executedBlocks
        for (cut, stream) in run.stdoutCuts.map({ ($0, "output") }) + run.stderrCuts.map({ ($0, "error output") })
        where cut.cell < executed.count {
            let block = executed[cut.cell]
            let dropped = ByteSize(bytes: UInt64(cut.droppedBytes))
            work.diagnostics[cut.cell].append(Diagnostic(
                .warning, at: SourceLocation(file: document.file, line: block.firstLine, column: block.indentation + 1),
                cut.chapterLimit
                    ? "the chapter's printed \(stream) reached its limit of \(limits.chapterOutput) in this block; \(dropped) more were cut from the page"
                    : "this block printed \(dropped) of \(stream) beyond its limit of \(limits.blockOutput); the rest was cut from the page",
                hint: cut.chapterLimit
                    ? "print less, or raise `limits: {chapter-output: 50 MB}` in the front matter (or --chapter-output)"
                    : "print less, or raise `limits: {block-output: 5 MB}` in the front matter (or --block-output)"))
        }
    }

    /// Blocks that finished succeeded; the block where the program stopped failed, with why.
    private func markStatuses(_ run: ChapterRunner.Run, in work: inout Work) {
        let executed = document.executedBlocks
        var finished = Set<Int>(), started = Set<Int>()
        for event in run.events {
            switch event.payload {
            case .cellStarted: started.insert(event.cell)
            case .cellFinished: finished.insert(event.cell)
            default: break
            }
        }
        for k in executed.indices {
            if finished.contains(k) { work.statuses[k] = .succeeded } else if started.contains(k) { work.statuses[k] = .failed }
        }
        guard !run.succeeded else { return }
        let failing = executed.indices.first { work.statuses[$0] == .failed } ?? max(0, (started.max() ?? 0))
        guard failing < executed.count else { return }
        work.statuses[failing] = .failed
        work.diagnostics[failing].append(whyItStopped(run, block: executed[failing]))
    }

    /// The diagnostic for a program that stopped in `block`: a timeout, a resource limit, a
    /// trap at its line, or another abnormal end.
    private func whyItStopped(_ run: ChapterRunner.Run, block: CodeBlock) -> Diagnostic {
        let blockStart = SourceLocation(file: document.file, line: block.firstLine, column: block.indentation + 1)
        // Debug information names the file as the compiler spelt it (`ChapterProgram.compiledFile`).
        let crash = CrashReport.parse(stderr: run.stderr, chapterFile: ChapterProgram.escaped(document.file))
        let crashAt = crash?.location.map { SourceLocation(file: document.file, line: $0.line, column: $0.column) }
        if let timeout = run.timeout {
            return Diagnostic(
                .error, at: blockStart,
                "the block ran longer than \(NumberFormatting.significant(timeout.seconds)) s and was stopped",
                hint: "make it faster, or raise the limit with `//| timeout: SECONDS` (or `timeout:` in the front matter for the whole chapter)")
        }
        if let limit = run.limitExceeded {
            return Diagnostic(.error, at: crashAt ?? blockStart, limit.message, hint: limit.hint)
        }
        if let crash {
            return Diagnostic(
                .error, at: crashAt ?? blockStart, "runtime trap: \(crash.message)",
                hint: "the statement at this line stopped the program; later blocks were not run")
        }
        return Diagnostic(
            .error, at: blockStart, "the program stopped in this block (\(run.terminationDescription))",
            hint: "a chapter must run to its end; later blocks were not run")
    }

    /// The claims of the blocks that succeeded (a block whose claims are wrong fails).
    private func decideClaims(in work: inout Work) -> [[ClaimResult]] {
        let executed = document.executedBlocks
        var claims = Array(repeating: [ClaimResult](), count: executed.count)
        for k in executed.indices where work.statuses[k] == .succeeded {
            let (found, problems) = Self.claims(
                of: executed[k], records: work.records[k], outputs: work.outputs[k], file: document.file)
            claims[k] = found
            work.diagnostics[k] += problems
            if problems.contains(where: { $0.severity == .error }) { work.statuses[k] = .failed }
        }
        return claims
    }

    /// The chapter in order: prose with its inline values, blocks with what became of them.
    private func segments(_ work: Work, claims: [[ClaimResult]]) -> [ChapterResult.Segment] {
        var segments: [ChapterResult.Segment] = []
        var inlineCount = 0
        for segment in document.segments {
            switch segment {
            case .prose(let prose):
                segments.append(.prose(prose, next: &inlineCount) { k, _ in work.inlineValues[k] })
            case .code(let block):
                if let k = block.index {
                    segments.append(.block(BlockResult(
                        index: k, language: block.language, code: block.displayedCode, line: block.fenceLine,
                        options: block.options, status: work.statuses[k], outputs: work.outputs[k],
                        diagnostics: work.diagnostics[k], claims: claims[k])))
                } else {
                    segments.append(.block(BlockResult(
                        index: nil, language: block.language, code: block.displayedCode, line: block.fenceLine,
                        options: block.options, status: .displayOnly, outputs: [], diagnostics: [])))
                }
            }
        }
        return segments
    }

    /// Joins a block's claim records with its options, and says what is wrong with them.
    static func claims(
        of block: CodeBlock, records: [ClaimRecord], outputs: [BlockOutput], file: String
    ) -> ([ClaimResult], [Diagnostic]) {
        let at = SourceLocation(file: file, line: block.fenceLine, column: block.indentation + 1)
        var diagnostics: [Diagnostic] = []
        let figures = outputs.compactMap { if case .figure(let f) = $0 { return f.number } else { return nil } }
        var results: [ClaimResult] = []
        for record in records {
            guard let id = record.id ?? block.options.claim else {
                diagnostics.append(Diagnostic(
                    .error, at: at, "decide(…) was called in a block that names no claim",
                    hint: "add `//| claim: ID` (and `//| expect: VERDICT`) to the block, or pass `id:` to decide"))
                continue
            }
            let ownsOptions = id == block.options.claim
            let expected = ownsOptions ? block.options.expect.flatMap(Verdict.init(rawValue:)) : nil
            let decision: ClaimDecision
            do {
                decision = try ClaimDecision(record)
            } catch {
                diagnostics.append(Diagnostic(
                    .error, at: at, "claim \(id): \(error)",
                    hint: "a rule may read only the evidence passed with it, by its exact name, and compare numbers"))
                continue
            }
            let parts = zip(record.parts, decision.parts).map { part, decided in
                ClaimPartResult(
                    id: part.name.map { "\(id).\($0)" } ?? id, statement: part.statement, rule: part.rule,
                    evidence: part.evidence, trials: part.trials, quorum: part.quorum, decision: decided)
            }
            results.append(ClaimResult(
                id: id, statement: record.statement, quote: ownsOptions ? block.options.quote : nil,
                source: ownsOptions ? block.options.source : nil, verdict: decision.verdict, expected: expected,
                parts: parts, notTestableReason: record.notTestableReason, rationale: record.rationale, figures: figures))
            if expected == nil {
                diagnostics.append(Diagnostic(
                    .warning, at: at, "claim \(id) has no expected verdict",
                    hint: "add `//| expect: \(decision.verdict)` once you have checked the experiment; verify fails without it"))
            } else if let expected, expected != decision.verdict {
                diagnostics.append(Diagnostic(
                    .warning, at: at, "claim \(id): the computed verdict is '\(decision.verdict)', the chapter expects '\(expected)'",
                    hint: "check the experiment; if the new verdict is right, change `//| expect:`"))
            }
        }
        if let id = block.options.claim, !results.contains(where: { $0.id == id }) {
            diagnostics.append(Diagnostic(
                .error, at: at, "the block declares claim \(id) but never decides it",
                hint: "call decide(\"statement\", evidence: […], rule: Ev(\"…\") > …) or notTestable(…) in the block"))
        }
        return (results, diagnostics)
    }
}
