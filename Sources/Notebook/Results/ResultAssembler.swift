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

    func assemble(_ stage: Stage) -> ChapterResult {
        let executed = document.executedBlocks
        var outputs = Array(repeating: [BlockOutput](), count: executed.count)
        var statuses = Array(repeating: BlockResult.Status.notRun, count: executed.count)
        var blockDiagnostics = Array(repeating: [Diagnostic](), count: executed.count)
        var chapterDiagnostics: [Diagnostic] = []
        var values: [String: Value] = [:]
        var inlineValues: [Int: Value] = [:]
        var records = Array(repeating: [ClaimRecord](), count: executed.count)

        func place(_ diagnostic: Diagnostic) {
            if let line = diagnostic.location?.line, diagnostic.location?.file == document.file,
                let k = executed.firstIndex(where: { line >= $0.fenceLine && line <= $0.firstLine + $0.source.count })
            {
                blockDiagnostics[k].append(diagnostic)
            } else {
                chapterDiagnostics.append(diagnostic)
            }
        }

        var displayDiagnostics: [Diagnostic] = []
        switch stage {
        case .invalidSource(let diagnostics):
            for d in diagnostics {
                // Option errors may sit on blocks that are not executed; keep them at the chapter.
                if let line = d.location?.line, executed.contains(where: { line >= $0.fenceLine && line <= $0.firstLine + $0.source.count }) {
                    place(d)
                } else {
                    displayDiagnostics.append(d)
                }
            }
            chapterDiagnostics += displayDiagnostics
            for k in executed.indices where blockDiagnostics[k].contains(where: { $0.severity == .error }) {
                statuses[k] = .failed
            }
        case .compileFailed(let outcome):
            outcome.diagnostics.forEach(place)
            for k in executed.indices where blockDiagnostics[k].contains(where: { $0.severity == .error }) {
                statuses[k] = .failed
            }
            if !statuses.contains(.failed) {
                chapterDiagnostics.append(Diagnostic(
                    .error, at: SourceLocation(file: document.file, line: 1, column: 1),
                    "the chapter's program did not compile:\n" + outcome.output,
                    hint: "this is likely a normbook bug; please report it with the chapter"))
            }
        case .ran(let run, let compileDiagnostics, let runLimits):
            compileDiagnostics.forEach(place)
            var figureNumber = 0
            var labelUses: [String: Int] = [:]
            let split = StreamSplitter.split(stdout: run.stdout, stderr: CrashReport.strippingReport(from: run.stderr))
            let events = Dictionary(run.events.map { ($0.sequence, $0) }, uniquingKeysWith: { a, _ in a })
            var finished = Set<Int>()
            var started = Set<Int>()
            for event in run.events {
                switch event.payload {
                case .cellStarted: started.insert(event.cell)
                case .cellFinished: finished.insert(event.cell)
                case .value(let name, let value): values[name] = value
                case .inline(let index, let value): inlineValues[index] = value
                default: break
                }
            }
            // Dictionaries iterate in a per-process random order: walk blocks in order so that
            // figure numbers are the same in every build.
            for cell in split.stdout.keys.sorted() where cell < executed.count {
                let items = split.stdout[cell] ?? []
                for item in items {
                    switch item {
                    case .text(let text):
                        outputs[cell].append(.text(text))
                    case .event(let sequence):
                        guard let event = events[sequence] else { continue }
                        switch event.payload {
                        case .chart(let chart):
                            figureNumber += 1
                            let block = executed[cell]
                            var label = block.options.label
                            if let base = label {
                                let use = labelUses[base, default: 0] + 1
                                labelUses[base] = use
                                if use > 1 { label = "\(base)-\(use)" }
                            }
                            outputs[cell].append(.figure(Figure(
                                number: figureNumber, label: label, caption: block.options.caption ?? chart.title,
                                chart: chart, image: "figures/\(document.slug)-\(figureNumber).png")))
                        case .table(let table):
                            outputs[cell].append(.table(table))
                        case .claim(let record):
                            records[cell].append(record)
                        default:
                            break
                        }
                    }
                }
            }
            for cell in split.stderr.keys.sorted() where cell < executed.count {
                guard let text = split.stderr[cell], !text.isEmpty else { continue }
                outputs[cell].append(.errorText(text))
            }
            for (cut, stream) in run.stdoutCuts.map({ ($0, "output") }) + run.stderrCuts.map({ ($0, "error output") })
            where cut.cell < executed.count {
                let block = executed[cut.cell]
                let dropped = ByteSize(bytes: UInt64(cut.droppedBytes))
                blockDiagnostics[cut.cell].append(Diagnostic(
                    .warning, at: SourceLocation(file: document.file, line: block.firstLine, column: block.indentation + 1),
                    cut.chapterLimit
                        ? "the chapter's printed \(stream) reached its limit of \(runLimits.chapterOutput) in this block; \(dropped) more were cut from the page"
                        : "this block printed \(dropped) of \(stream) beyond its limit of \(runLimits.blockOutput); the rest was cut from the page",
                    hint: cut.chapterLimit
                        ? "print less, or raise `limits: {chapter-output: 50 MB}` in the front matter (or --chapter-output)"
                        : "print less, or raise `limits: {block-output: 5 MB}` in the front matter (or --block-output)"))
            }
            for k in executed.indices {
                if finished.contains(k) { statuses[k] = .succeeded } else if started.contains(k) { statuses[k] = .failed }
            }
            if !run.succeeded {
                let failing = executed.indices.first { statuses[$0] == .failed } ?? max(0, (started.max() ?? 0))
                if failing < executed.count {
                    statuses[failing] = .failed
                    let block = executed[failing]
                    let blockStart = SourceLocation(file: document.file, line: block.firstLine, column: block.indentation + 1)
                    if let timeout = run.timeout {
                        blockDiagnostics[failing].append(Diagnostic(
                            .error, at: blockStart,
                            "the block ran longer than \(NumberFormatting.significant(timeout.seconds)) s and was stopped",
                            hint: "make it faster, or raise the limit with `//| timeout: SECONDS` (or `timeout:` in the front matter for the whole chapter)"))
                    } else if let limit = run.limitExceeded {
                        let crash = CrashReport.parse(stderr: run.stderr, chapterFile: ChapterProgram.escaped(document.file))
                        let location = crash?.location.map { SourceLocation(file: document.file, line: $0.line, column: $0.column) }
                        blockDiagnostics[failing].append(Diagnostic(
                            .error, at: location ?? blockStart, limit.message, hint: limit.hint))
                    } else if let crash = CrashReport.parse(
                        stderr: run.stderr, chapterFile: ChapterProgram.escaped(document.file))
                    {
                        // Debug information names the file as the compiler spelt it (`ChapterProgram.compiledFile`).
                        let location = crash.location.map { SourceLocation(file: document.file, line: $0.line, column: $0.column) }
                        blockDiagnostics[failing].append(Diagnostic(
                            .error, at: location ?? blockStart, "runtime trap: \(crash.message)",
                            hint: "the statement at this line stopped the program; later blocks were not run"))
                    } else {
                        blockDiagnostics[failing].append(Diagnostic(
                            .error, at: blockStart, "the program stopped in this block (\(run.terminationDescription))",
                            hint: "a chapter must run to its end; later blocks were not run"))
                    }
                }
            }
        }

        var claims = Array(repeating: [ClaimResult](), count: executed.count)
        for k in executed.indices where statuses[k] == .succeeded {
            let (found, problems) = Self.claims(of: executed[k], records: records[k], outputs: outputs[k], file: document.file)
            claims[k] = found
            blockDiagnostics[k] += problems
            if problems.contains(where: { $0.severity == .error }) { statuses[k] = .failed }
        }

        var segments: [ChapterResult.Segment] = []
        var inlineCount = 0
        for segment in document.segments {
            switch segment {
            case .prose(let text, let line):
                let inline = InlineExpression.find(in: text, firstLine: line).map { expression -> InlineValue in
                    defer { inlineCount += 1 }
                    return InlineValue(
                        expression: expression.expression, value: inlineValues[inlineCount],
                        volatile: expression.volatile ? true : nil)
                }
                segments.append(.prose(markdown: text, line: line, inline: inline))
            case .code(let block):
                if let k = block.index {
                    segments.append(.block(BlockResult(
                        index: k, language: block.language, code: block.displayedCode, line: block.fenceLine,
                        options: block.options, status: statuses[k], outputs: outputs[k], diagnostics: blockDiagnostics[k],
                        claims: claims[k])))
                } else {
                    segments.append(.block(BlockResult(
                        index: nil, language: block.language, code: block.displayedCode, line: block.fenceLine,
                        options: block.options, status: .displayOnly, outputs: [], diagnostics: [])))
                }
            }
        }
        let failed = statuses.contains(.failed) || chapterDiagnostics.contains { $0.severity == .error }
        return ChapterResult(
            file: document.file, slug: document.slug, title: document.title,
            status: failed ? .failed : .succeeded, segments: segments, diagnostics: chapterDiagnostics,
            values: values, provenance: provenance)
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
            results.append(ClaimResult(
                id: id, statement: record.statement, quote: ownsOptions ? block.options.quote : nil,
                source: ownsOptions ? block.options.source : nil, verdict: record.verdict, expected: expected,
                evidence: record.evidence, rationale: record.rationale, trials: record.trials, quorum: record.quorum,
                figures: figures))
            if expected == nil {
                diagnostics.append(Diagnostic(
                    .warning, at: at, "claim \(id) has no expected verdict",
                    hint: "add `//| expect: \(record.verdict)` once you have checked the experiment; verify fails without it"))
            } else if let expected, expected != record.verdict {
                diagnostics.append(Diagnostic(
                    .warning, at: at, "claim \(id): the computed verdict is '\(record.verdict)', the chapter expects '\(expected)'",
                    hint: "check the experiment; if the new verdict is right, change `//| expect:`"))
            }
        }
        if let id = block.options.claim, !results.contains(where: { $0.id == id }) {
            diagnostics.append(Diagnostic(
                .error, at: at, "the block declares claim \(id) but never decides it",
                hint: "call decide(\"statement\", evidence: […], verdict: …) or notTestable(…) in the block"))
        }
        return (results, diagnostics)
    }
}
