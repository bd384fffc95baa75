import ChartRendering
import Charts
import Foundation
import Mustache
import NotebookProtocol

/// A chapter page: prose, blocks with their outputs, figures and diagnostics.
extension ReportRenderer {
    func chapterContext(
        _ result: ChapterResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer,
        highlighted: [CodeHighlighter.Block: String] = [:]
    ) -> [String: Any] {
        var labels: [String: Int] = [:]
        for figure in result.figures { if let label = figure.label { labels[label] = figure.number } }
        let prose = ProseRenderer(figures: labels)
        let segments: [[String: Any]] = result.segments.map { segment in
            switch segment {
            case .prose(let markdown, _, let inline, let math, let references):
                return ["prose": ["html": prose.html(markdown, inline: inline, math: math, references: references)]]
            case .block(let block):
                return ["block": blockContext(
                    block, figureSizes: figureSizes, renderer: renderer, prose: prose, highlighted: highlighted)]
            }
        }
        return [
            "status": result.status.rawValue, "failed": result.status == .failed,
            "diagnostics": result.diagnostics.map(diagnosticContext), "segments": segments,
        ]
    }

    func blockContext(
        _ block: BlockResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer, prose: ProseRenderer,
        highlighted: [CodeHighlighter.Block: String] = [:]
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
        // Pygments' output: the code's text, HTML-escaped, inside class-only spans.
        if let html = highlighted[CodeHighlighter.Block(language: context["language"] as? String ?? "text", code: block.code)] {
            context["codeHTML"] = html
        }
        return context
    }

    func diagnosticContext(_ d: Diagnostic) -> [String: Any] {
        var context: [String: Any] = [
            "severity": d.severity.rawValue, "location": d.location?.description ?? "", "message": d.message,
        ]
        if let hint = d.hint { context["hint"] = hint }
        return context
    }
}
