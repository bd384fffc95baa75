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
    /// The result store whose `figures/` holds previously drawn figures, by the digest of their
    /// specification (`ResultStoreLayout`); nil draws every figure.
    var figureStore: URL?
    /// Figures already drawn (by the shards of a merged build), by drawing key (`drawingKey`):
    /// used instead of drawing them again.
    var predrawn: [String: URL] = [:]
    /// Claim parts with a smaller margin are flagged as fragile.
    var fragileMargin = BuildOptions.defaultFragileMargin
    /// Figures, chapter bodies and pages made by earlier builds in this process, reused when
    /// made from equal inputs (the live preview's; see `RebuildMemo`).
    var memo: RebuildMemo?
    /// The report being replaced: files with the same bytes are linked to it (`ReportFileWriter`).
    var previousReport: URL?

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
        let files = ReportFileWriter(folder: folder, previous: previousReport)
        written += try AssetCopier.copy(into: files, templates: templates)

        let renderer = ChartRenderer()
        var outlines: [PageOutline] = []
        var search = SearchIndex()
        let navigation = results.map { PageNavigation(slug: $0.slug, title: $0.title, status: $0.status) }
        for (position, result) in results.enumerated() {
            let chapter = try chapterPage(result, position: position, templates: templates, renderer: renderer, into: files)
            written += chapter.figures
            outlines.append(chapter.outline)
            search.add(chapter.outline, chapter: result.title, pageHref: LinkPath.page(result.slug))
            written.append(try writePage(
                "\(result.slug).html", title: result.title, body: chapter.outline.html, results: results,
                navigation: navigation, current: position, sections: chapter.outline.sections, source: result.file,
                templates: templates, into: files))
        }
        try files.write(search.script(), to: "assets/search-index.js")
        written.append("assets/search-index.js")
        written.append(try writePage(
            "claims.html", title: "Claims ledger", body: templates.render(ledgerContext(results), template: "ledger"),
            results: results, navigation: navigation, current: nil, source: "chapters/", templates: templates,
            into: files))
        written.append(try writePage(
            "index.html", title: "Contents", body: templates.render(indexContext(results, outlines: outlines), template: "index"),
            results: results, navigation: navigation, current: nil, source: "chapters/", templates: templates,
            into: files))
        return written
    }

    /// A chapter's figures (written into `folder`) and its outlined body.
    private func chapterPage(
        _ result: ChapterResult, position: Int, templates: Templates, renderer: ChartRenderer, into files: ReportFileWriter
    ) throws -> (outline: PageOutline, figures: [String]) {
        var figureSizes: [Int: (Int, Int)] = [:]
        var written: [String] = []
        for figure in result.figures {
            let png: [UInt8]
            do {
                png = try memo?.value("figure:\(figure.image)", inputs: figure.chart) { try drawing(figure.chart, with: renderer) }
                    ?? drawing(figure.chart, with: renderer)
            } catch {
                throw NotebookError.invalidChapter([Diagnostic(
                    .error, at: SourceLocation(file: result.file, line: 1, column: 1),
                    "figure \(figure.number) cannot be drawn: \(error)")])
            }
            try files.write(Data(png), to: figure.image)
            written.append(figure.image)
            // The image is drawn at 2×; the page shows it at the chart's own size in points.
            figureSizes[figure.number] = (Int(figure.chart.width.rounded()), Int(figure.chart.height.rounded()))
        }
        let outline = {
            let body = templates.render(
                chapterContext(result, chapterNumber: position + 1, figureSizes: figureSizes, renderer: renderer),
                template: "chapter")
            return PageOutline(html: body, pageHref: LinkPath.page(result.slug))
        }
        // The body depends on the result, its place, the templates and the fragile margin; the
        // figure sizes come from the result's charts.
        let inputs = ChapterBodyInputs(result: result, position: position, templates: templates.sources, fragileMargin: fragileMargin)
        return (memo?.value("body:\(result.slug)", inputs: inputs, make: outline) ?? outline(), written)
    }

    /// The digest of a chart's specification and of the drawing code: equal keys, equal PNGs.
    static func drawingKey(_ chart: Chart) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return SHA256.hex(of: try encoder.encode(chart) + Data(Self.drawingVersion.utf8))
    }

    /// The PNG of a chart: one drawn already (`predrawn`), else from the figure store when it
    /// holds one for this exact specification, else drawn. Store entries are written atomically;
    /// one that is not a whole PNG is drawn again and replaced.
    private func drawing(_ chart: Chart, with renderer: ChartRenderer) throws -> [UInt8] {
        guard figureStore != nil || !predrawn.isEmpty else { return try renderer.png(chart) }
        let key = try Self.drawingKey(chart)
        if let image = predrawn[key], let data = FileManager.default.contents(atPath: image.path) { return Array(data) }
        guard let figureStore else { return try renderer.png(chart) }
        let cached = ResultStoreLayout(folder: figureStore).figureEntry(key)
        if let data = FileManager.default.contents(atPath: cached.path), Self.isWholePNG(data) {
            AtomicFile.touch(cached)
            return Array(data)
        }
        let png = try renderer.png(chart)
        try? AtomicFile.write(Data(png), to: cached)
        return png
    }

    /// Draws the figures of `results` into `folder` (`figures/…`, as `render` does) and returns
    /// each image's drawing key: what a shard build writes instead of pages.
    func drawFigures(of results: [ChapterResult], into folder: URL) throws -> [String: String] {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
        let renderer = ChartRenderer()
        var keys: [String: String] = [:]
        for result in results {
            for figure in result.figures {
                let png: [UInt8]
                do {
                    png = try drawing(figure.chart, with: renderer)
                    keys[figure.image] = try Self.drawingKey(figure.chart)
                } catch {
                    throw NotebookError.invalidChapter([Diagnostic(
                        .error, at: SourceLocation(file: result.file, line: 1, column: 1),
                        "figure \(figure.number) cannot be drawn: \(error)")])
                }
                try Data(png).write(to: folder.appendingPathComponent(figure.image))
            }
        }
        return keys
    }

    /// Whether `data` starts with the PNG signature and ends with the `IEND` chunk.
    static func isWholePNG(_ data: Data) -> Bool {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let end: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return data.count > signature.count + end.count && Array(data.prefix(8)) == signature && Array(data.suffix(12)) == end
    }

    /// Identifies the drawing code: the digest of the running executable, which changes
    /// whenever the chart renderer (linked into it) changes, so cached figures are redrawn.
    static let drawingVersion: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return FileManager.default.contents(atPath: exe).map(SHA256.hex(of:)) ?? "unknown"
    }()

    /// Wraps `body` in the layout and writes it as `name`; returns `name`.
    private func writePage(
        _ name: String, title: String, body: String, results: [ChapterResult], navigation: [PageNavigation], current: Int?,
        sections: [PageOutline.Section] = [], source: String, templates: Templates, into files: ReportFileWriter
    ) throws -> String {
        let page = {
            Data(templates.render(
                layoutContext(results, current: current, sections: sections, pageTitle: title, body: body, source: source),
                template: "layout").utf8)
        }
        // What `layoutContext` reads: the page's own parts and every chapter's link, title and status.
        let inputs = PageInputs(
            title: title, body: body, navigation: navigation, current: current, sections: sections, source: source,
            reportTitle: reportTitle, version: version, templates: templates.sources)
        try files.write(memo?.value("page:\(name)", inputs: inputs, make: page) ?? page(), to: name)
        return name
    }

    // MARK: - Template contexts

    private func layoutContext(
        _ results: [ChapterResult], current: Int?, sections: [PageOutline.Section], pageTitle: String, body: String,
        source: String
    ) -> [String: Any] {
        let chapters: [[String: Any]] = results.enumerated().map { i, r in
            var chapter: [String: Any] = [
                "href": LinkPath.page(r.slug), "number": String(i + 1), "title": r.title,
                "current": i == current, "status": r.status.rawValue, "failed": r.status == .failed,
            ]
            if i == current, !sections.isEmpty {
                chapter["toc"] = ["sections": sections.map { ["href": "#" + LinkPath.encoded($0.id), "title": $0.title, "level": $0.level] }]
            }
            return chapter
        }
        var context: [String: Any] = [
            "pageTitle": pageTitle, "reportTitle": reportTitle, "body": body, "chapters": chapters,
            "version": version, "source": source, "isIndex": source == "chapters/" && pageTitle == "Contents",
            "isLedger": pageTitle == "Claims ledger", "hasPager": current != nil,
        ]
        if let i = current {
            if i > 0 { context["previous"] = ["href": LinkPath.page(results[i - 1].slug), "title": results[i - 1].title] }
            if i + 1 < results.count { context["next"] = ["href": LinkPath.page(results[i + 1].slug), "title": results[i + 1].title] }
        }
        return context
    }

}

/// What a chapter's body is rendered from (the memo's inputs for it).
private struct ChapterBodyInputs: Equatable {
    var result: ChapterResult
    var position: Int
    var templates: [Data]
    var fragileMargin: Double
}

/// What the sidebar and pager show of a chapter.
private struct PageNavigation: Equatable {
    var slug: String
    var title: String
    var status: ChapterResult.Status
}

/// What a page is laid out from (the memo's inputs for it).
private struct PageInputs: Equatable {
    var title: String
    var body: String
    var navigation: [PageNavigation]
    var current: Int?
    var sections: [PageOutline.Section]
    var source: String
    var reportTitle: String
    var version: String
    var templates: [Data]
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
