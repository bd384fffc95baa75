import ChartRendering
import Charts
import Foundation
import Mustache
import NotebookProtocol

/// A chapter page: prose, blocks with their outputs, figures and diagnostics.
extension ReportRenderer {
    /// - Parameter chapterNumber: the chapter's position in the report, from 1 (sections are numbered under it).
    func chapterContext(
        _ result: ChapterResult, chapterNumber: Int = 1, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer
    ) -> [String: Any] {
        let numbering = ChapterNumbering(result, chapterNumber: chapterNumber)
        let prose = ProseRenderer(numbering: numbering)
        let segments: [[String: Any]] = result.segments.enumerated().map { position, segment in
            switch segment {
            case .prose(let markdown, _, let inline, let math, let references, let headings):
                return ["prose": ["html": prose.html(
                    markdown, inline: inline, math: math, references: references, headings: headings,
                    headingNumbers: numbering.headingNumbers[position] ?? [])]]
            case .block(let block):
                return ["block": blockContext(
                    block, figureSizes: figureSizes, renderer: renderer, prose: prose,
                    tables: numbering.blockTables[position] ?? [])]
            }
        }
        return [
            "status": result.status.rawValue, "failed": result.status == .failed,
            "diagnostics": result.diagnostics.map(diagnosticContext), "segments": segments,
        ]
    }

    /// - Parameter tables: the labels and numbers of the block's tables, in order (a block labelled `tbl-…`).
    func blockContext(
        _ block: BlockResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer, prose: ProseRenderer,
        tables: [(label: String, number: Int)] = []
    ) -> [String: Any] {
        var figureAnchors: [Int: String] = [:]
        var tableCount = 0
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
                // A numbered table takes the block's caption (`//| caption:`), else its own.
                let numbered = tableCount < tables.count ? tables[tableCount] : nil
                tableCount += 1
                let caption = numbered == nil ? table.caption : (block.options.caption ?? table.caption)
                // Every key the template reads is set, so that none is looked up in the block's context.
                context["anchor"] = numbered.map { $0.label as Any } ?? false
                context["number"] = numbered.map { $0.number as Any } ?? false
                context["captionHTML"] = caption.map { prose.inlineHTML($0) } ?? ""
                context["hasCaption"] = caption != nil || numbered != nil
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
        // Figures and tables carry their own labels as ids.
        if let label = block.options.label, !label.hasPrefix("fig-"), !(label.hasPrefix("tbl-") && !tables.isEmpty) {
            context["anchor"] = label
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
