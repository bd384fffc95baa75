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
public struct ReportRenderer: Sendable {
    /// The report's title, shown in the header and the index.
    public var reportTitle: String
    /// normbook's version, printed in the footer.
    public var version: String
    /// A folder whose `*.mustache` files replace the built-in templates of the same name.
    public var themeDirectory: URL?

    /// Creates a renderer.
    public init(reportTitle: String, version: String, themeDirectory: URL? = nil) {
        self.reportTitle = reportTitle
        self.version = version
        self.themeDirectory = themeDirectory
    }

    /// Writes the report for `results` into `folder` (which should be empty).
    /// - Returns: the paths written, relative to `folder`.
    @discardableResult
    public func render(_ results: [ChapterResult], into folder: URL) throws -> [String] {
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
                    png = try renderer.png(figure.chart)
                } catch {
                    throw NotebookError.invalidChapter([Diagnostic(
                        .error, at: SourceLocation(file: result.file, line: 1, column: 1),
                        "figure \(figure.number) cannot be drawn: \(error)")])
                }
                try Data(png).write(to: folder.appendingPathComponent(figure.image))
                written.append(figure.image)
                figureSizes[figure.number] = PNGSize.of(png).map { ($0.width / 2, $0.height / 2) } ?? (640, 400)
            }
            let body = templates.render(
                chapterContext(result, figureSizes: figureSizes, renderer: renderer), template: "chapter")
            let page = templates.render(
                layoutContext(results, current: position, pageTitle: result.title, body: body, source: result.file),
                template: "layout")
            try Data(page.utf8).write(to: folder.appendingPathComponent("\(result.slug).html"))
            written.append("\(result.slug).html")
        }
        let index = templates.render(indexContext(results), template: "index")
        let page = templates.render(
            layoutContext(results, current: nil, pageTitle: "Contents", body: index, source: "chapters/"),
            template: "layout")
        try Data(page.utf8).write(to: folder.appendingPathComponent("index.html"))
        written.append("index.html")
        return written
    }

    // MARK: - Template contexts

    private func layoutContext(
        _ results: [ChapterResult], current: Int?, pageTitle: String, body: String, source: String
    ) -> [String: Any] {
        let chapters: [[String: Any]] = results.enumerated().map { i, r in
            ["href": "\(r.slug).html", "number": String(i + 1), "title": r.title,
             "current": i == current, "status": r.status.rawValue]
        }
        var context: [String: Any] = [
            "pageTitle": pageTitle, "reportTitle": reportTitle, "body": body, "chapters": chapters,
            "version": version, "source": source,
        ]
        if let i = current {
            if i > 0 { context["previous"] = ["href": "\(results[i - 1].slug).html", "title": results[i - 1].title] }
            if i + 1 < results.count { context["next"] = ["href": "\(results[i + 1].slug).html", "title": results[i + 1].title] }
        }
        return context
    }

    private func indexContext(_ results: [ChapterResult]) -> [String: Any] {
        let failed = results.filter { $0.status == .failed }.count
        return [
            "reportTitle": reportTitle,
            "chapterCount": results.count,
            "figureCount": results.reduce(0) { $0 + $1.figures.count },
            "failedCount": failed > 0 ? String(failed) : false,
            "chapters": results.map { r -> [String: Any] in
                ["href": "\(r.slug).html", "title": r.title, "status": r.status.rawValue,
                 "failed": r.status == .failed, "blockCount": r.blocks.filter { $0.index != nil }.count,
                 "figureCount": r.figures.count]
            },
        ]
    }

    private func chapterContext(_ result: ChapterResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer) -> [String: Any] {
        var labels: [String: Int] = [:]
        for figure in result.figures { if let label = figure.label { labels[label] = figure.number } }
        let prose = ProseRenderer(figures: labels)
        let segments: [[String: Any]] = result.segments.map { segment in
            switch segment {
            case .prose(let markdown, _):
                return ["prose": ["html": prose.html(markdown)]]
            case .block(let block):
                return ["block": blockContext(block, figureSizes: figureSizes, renderer: renderer)]
            }
        }
        return [
            "status": result.status.rawValue, "failed": result.status == .failed,
            "diagnostics": result.diagnostics.map(diagnosticContext), "segments": segments,
        ]
    }

    private func blockContext(_ block: BlockResult, figureSizes: [Int: (Int, Int)], renderer: ChartRenderer) -> [String: Any] {
        let outputs: [[String: Any]] = block.outputs.map { output in
            switch output {
            case .text(let text): return ["text": text]
            case .errorText(let text): return ["errorText": text]
            case .figure(let figure):
                let size = figureSizes[figure.number] ?? (640, 400)
                var context: [String: Any] = [
                    "number": figure.number, "caption": figure.caption ?? "", "image": figure.image,
                    "alt": renderer.altText(figure.chart), "width": size.0, "height": size.1,
                ]
                if let label = figure.label { context["label"] = label }
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
            "notRun": block.status == .notRun, "showOutput": block.options.output,
            "diagnostics": block.diagnostics.map(diagnosticContext), "outputs": outputs,
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
