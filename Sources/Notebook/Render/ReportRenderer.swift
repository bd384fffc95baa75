import ChartRendering
import Charts
import Foundation
import Mustache
import NotebookProtocol

/// Renders stored chapter results into a report folder: one HTML page per chapter, an index,
/// the figures as PNG, and the assets (stylesheet, script, KaTeX) so pages need no network.
///
/// Reads nothing but the results it is given and its templates: the same results give the same
/// bytes. All text from chapters reaches HTML through the templates' escaping or through
/// cmark-gfm in safe mode.
struct ReportRenderer: Sendable {
    /// The report's title, shown in the header and the index.
    var reportTitle: String
    /// normbook's version, printed in the footer.
    var version: String
    /// A folder whose `*.mustache` files replace the built-in templates of the same name.
    var themeDirectory: URL?
    /// A folder of previously drawn figures, by the digest of their specification; nil draws
    /// every figure.
    var figureCache: URL?

    /// Creates a renderer.
    init(reportTitle: String, version: String, themeDirectory: URL? = nil) {
        self.reportTitle = reportTitle
        self.version = version
        self.themeDirectory = themeDirectory
    }

    /// Writes the report for `results` into `folder` (which should be empty).
    /// - Returns: the paths written, relative to `folder`.
    @discardableResult
    func render(_ results: [ChapterResult], into folder: URL) throws -> [String] {
        let templates = try Templates.load(theme: themeDirectory)
        var written: [String] = []
        let fm = FileManager.default
        try fm.createDirectory(at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
        written += try AssetCopier.copy(into: folder, templates: templates)

        let renderer = ChartRenderer()
        for (position, result) in results.enumerated() {
            var figureSizes: [Int: (Int, Int)] = [:]
            for figure in result.figures {
                let png: [UInt8]
                do {
                    png = try drawing(figure.chart, with: renderer)
                } catch {
                    throw NotebookError.invalidChapter([Diagnostic(
                        .error, at: SourceLocation(file: result.file, line: 1, column: 1),
                        "figure \(figure.number) cannot be drawn: \(error)")])
                }
                try Data(png).write(to: folder.appendingPathComponent(figure.image))
                written.append(figure.image)
                // The image is drawn at 2×; the page shows it at the chart's own size in points.
                figureSizes[figure.number] = (Int(figure.chart.width.rounded()), Int(figure.chart.height.rounded()))
            }
            let body = templates.render(
                chapterContext(result, figureSizes: figureSizes, renderer: renderer), template: "chapter")
            written.append(try writePage(
                "\(result.slug).html", title: result.title, body: body, results: results, current: position,
                source: result.file, templates: templates, into: folder))
        }
        written.append(try writePage(
            "claims.html", title: "Claims ledger", body: templates.render(ledgerContext(results), template: "ledger"),
            results: results, current: nil, source: "chapters/", templates: templates, into: folder))
        written.append(try writePage(
            "index.html", title: "Contents", body: templates.render(indexContext(results), template: "index"),
            results: results, current: nil, source: "chapters/", templates: templates, into: folder))
        return written
    }

    /// The PNG of a chart, from the figure cache when it holds one for this exact specification.
    private func drawing(_ chart: Chart, with renderer: ChartRenderer) throws -> [UInt8] {
        guard let figureCache else { return try renderer.png(chart) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let key = SHA256.hex(of: try encoder.encode(chart) + Data(Self.drawingVersion.utf8))
        let cached = figureCache.appendingPathComponent("\(key).png")
        if let data = FileManager.default.contents(atPath: cached.path) { return Array(data) }
        let png = try renderer.png(chart)
        try? FileManager.default.createDirectory(at: figureCache, withIntermediateDirectories: true)
        try? Data(png).write(to: cached)
        return png
    }

    /// Identifies the drawing code: the digest of the running executable, which changes
    /// whenever the chart renderer (linked into it) changes, so cached figures are redrawn.
    static let drawingVersion: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return FileManager.default.contents(atPath: exe).map(SHA256.hex(of:)) ?? "unknown"
    }()

    /// Wraps `body` in the layout and writes it as `name`; returns `name`.
    private func writePage(
        _ name: String, title: String, body: String, results: [ChapterResult], current: Int?, source: String,
        templates: Templates, into folder: URL
    ) throws -> String {
        let page = templates.render(
            layoutContext(results, current: current, pageTitle: title, body: body, source: source), template: "layout")
        try Data(page.utf8).write(to: folder.appendingPathComponent(name))
        return name
    }

    // MARK: - Template contexts

    private func layoutContext(
        _ results: [ChapterResult], current: Int?, pageTitle: String, body: String, source: String
    ) -> [String: Any] {
        let chapters: [[String: Any]] = results.enumerated().map { i, r in
            ["href": LinkPath.page(r.slug), "number": String(i + 1), "title": r.title,
             "current": i == current, "status": r.status.rawValue]
        }
        var context: [String: Any] = [
            "pageTitle": pageTitle, "reportTitle": reportTitle, "body": body, "chapters": chapters,
            "version": version, "source": source,
        ]
        if let i = current {
            if i > 0 { context["previous"] = ["href": LinkPath.page(results[i - 1].slug), "title": results[i - 1].title] }
            if i + 1 < results.count { context["next"] = ["href": LinkPath.page(results[i + 1].slug), "title": results[i + 1].title] }
        }
        return context
    }

    private func indexContext(_ results: [ChapterResult]) -> [String: Any] {
        let failed = results.filter { $0.status == .failed }.count
        let claims = results.flatMap(\.claims)
        let present = Verdict.allCases.filter { v in claims.contains { $0.verdict == v } }
        let verdictSummary: [[String: Any]] = present.enumerated().map { i, v in
            ["count": claims.filter { $0.verdict == v }.count, "verdict": v.rawValue, "last": i == present.count - 1]
        }
        return [
            "claimCount": claims.isEmpty ? false : String(claims.count) as Any,
            "verdictSummary": verdictSummary,
            "reportTitle": reportTitle,
            "chapterCount": results.count,
            "figureCount": results.reduce(0) { $0 + $1.figures.count },
            "failedCount": failed > 0 ? String(failed) : false,
            "chapters": results.map { r -> [String: Any] in
                ["href": LinkPath.page(r.slug), "title": r.title, "status": r.status.rawValue,
                 "failed": r.status == .failed, "blockCount": r.blocks.filter { $0.index != nil }.count,
                 "figureCount": r.figures.count, "claimCount": r.claims.isEmpty ? false : String(r.claims.count) as Any]
            },
        ]
    }

    private func ledgerContext(_ results: [ChapterResult]) -> [String: Any] {
        let entries = results.flatMap { r in r.claims.map { (r, $0) } }.sorted { $0.1.id < $1.1.id }
        let verdicts = Verdict.allCases
        let documents = Array(Set(entries.map { $0.1.document })).sorted()
        return [
            "claimCount": entries.count,
            "verdictNames": verdicts.map(\.rawValue),
            "documents": documents.map { doc -> [String: Any] in
                let mine = entries.filter { $0.1.document == doc }
                return ["name": doc, "counts": verdicts.map { v in mine.filter { $0.1.verdict == v }.count }, "total": mine.count]
            },
            "totals": verdicts.map { v in entries.filter { $0.1.verdict == v }.count },
            "claims": entries.map { result, claim -> [String: Any] in
                var context: [String: Any] = [
                    "id": claim.id, "href": LinkPath.page(result.slug, anchor: claim.anchor), "statement": claim.statement,
                    "source": claim.source ?? "", "verdict": claim.verdict.rawValue,
                    "verdictClass": Self.cssClass(claim.verdict), "isExpected": claim.isExpected,
                ]
                if let expected = claim.expected { context["expected"] = expected.rawValue }
                return context
            },
        ]
    }

    static func cssClass(_ verdict: Verdict) -> String { verdict.rawValue.replacingOccurrences(of: " ", with: "-") }

    private func claimContext(_ claim: ClaimResult, figureAnchors: [Int: String], prose: ProseRenderer) -> [String: Any] {
        let trialColumns = claim.trials?.first?.evidence.map(\.name) ?? []
        var context: [String: Any] = [
            "id": claim.id, "anchor": claim.anchor, "statement": claim.statement, "verdict": claim.verdict.rawValue,
            "verdictClass": Self.cssClass(claim.verdict), "unexpected": claim.expected != nil && !claim.isExpected,
            "missingExpectation": claim.expected == nil,
            "hasEvidence": !claim.evidence.isEmpty,
            "evidence": claim.evidence.map { ["name": $0.name, "value": $0.value.formatted, "kind": $0.value.kind] },
            "hasTrials": !(claim.trials ?? []).isEmpty, "trialCount": claim.trials?.count ?? 0,
            "quorum": claim.quorum.map(String.init) ?? "", "trialColumns": trialColumns,
            "trials": (claim.trials ?? []).map { trial -> [String: Any] in
                ["seed": String(trial.seed), "verdict": trial.verdict.rawValue, "verdictClass": Self.cssClass(trial.verdict),
                 "values": trial.evidence.map { ["value": $0.value.formatted, "kind": $0.value.kind] }]
            },
            "hasFigures": !claim.figures.isEmpty,
            "figures": claim.figures.map { ["number": $0, "anchor": figureAnchors[$0] ?? "figure-\($0)"] },
        ]
        if let expected = claim.expected { context["expected"] = expected.rawValue }
        if let quote = claim.quote { context["quoteHTML"] = prose.inlineHTML(quote) }
        if let source = claim.source { context["source"] = source }
        if let rationale = claim.rationale { context["rationale"] = rationale }
        return context
    }

    private func chapterContext(_ result: ChapterResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer) -> [String: Any] {
        var labels: [String: Int] = [:]
        for figure in result.figures { if let label = figure.label { labels[label] = figure.number } }
        let prose = ProseRenderer(figures: labels)
        let segments: [[String: Any]] = result.segments.map { segment in
            switch segment {
            case .prose(let markdown, _, let inline):
                return ["prose": ["html": prose.html(markdown, inline: inline)]]
            case .block(let block):
                return ["block": blockContext(block, figureSizes: figureSizes, renderer: renderer, prose: prose)]
            }
        }
        return [
            "status": result.status.rawValue, "failed": result.status == .failed,
            "diagnostics": result.diagnostics.map(diagnosticContext), "segments": segments,
        ]
    }

    private func blockContext(
        _ block: BlockResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer, prose: ProseRenderer
    ) -> [String: Any] {
        var figureAnchors: [Int: String] = [:]
        let outputs: [[String: Any]] = block.outputs.map { output in
            switch output {
            case .text(let text): return ["text": text]
            case .errorText(let text): return ["errorText": text]
            case .figure(let figure):
                let size = figureSizes[figure.number] ?? (640, 400)
                let anchor = figure.label ?? "figure-\(figure.number)"
                figureAnchors[figure.number] = anchor
                let context: [String: Any] = [
                    // `image` is the link to the figure (the file keeps its name).
                    "number": figure.number, "captionHTML": prose.inlineHTML(figure.caption ?? ""),
                    "image": LinkPath.encoded(figure.image),
                    "alt": renderer.altText(figure.chart), "width": size.0, "height": size.1, "anchor": anchor,
                ]
                return ["figure": context]
            case .table(let table):
                var context: [String: Any] = [
                    "columns": table.columns,
                    "rows": table.rows.map { row in
                        ["cells": row.map { value -> [String: Any] in ["text": value.formatted, "kind": value.kind] }]
                    },
                ]
                if let caption = table.caption { context["caption"] = caption }
                return ["table": context]
            }
        }
        var context: [String: Any] = [
            "status": block.status.rawValue, "language": block.language.isEmpty ? "text" : block.language,
            "code": block.code, "line": block.line, "echo": block.options.echo || block.status == .failed,
            "notRun": block.status == .notRun, "showOutput": block.options.output, "volatile": block.options.volatile,
            "diagnostics": block.diagnostics.map(diagnosticContext), "outputs": outputs,
            "claims": block.claims.map { claimContext($0, figureAnchors: figureAnchors, prose: prose) },
        ]
        if let label = block.options.label, !label.hasPrefix("fig-") { context["anchor"] = label }
        return context
    }

    private func diagnosticContext(_ d: Diagnostic) -> [String: Any] {
        var context: [String: Any] = [
            "severity": d.severity.rawValue, "location": d.location?.description ?? "", "message": d.message,
        ]
        if let hint = d.hint { context["hint"] = hint }
        return context
    }
}

extension Value {
    /// The CSS class of a table cell holding this value.
    var kind: String {
        switch self {
        case .number: return "number"
        case .integer: return "integer"
        case .bool: return "bool"
        case .text: return "text"
        }
    }
}
