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
    /// Claim parts with a smaller margin are flagged as fragile.
    var fragileMargin = BuildOptions.defaultFragileMargin

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
        var outlines: [PageOutline] = []
        var search = SearchIndex()
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
                chapterContext(result, chapterNumber: position + 1, figureSizes: figureSizes, renderer: renderer),
                template: "chapter")
            let outline = PageOutline(html: body, pageHref: LinkPath.page(result.slug))
            outlines.append(outline)
            search.add(outline, chapter: result.title, pageHref: LinkPath.page(result.slug))
            written.append(try writePage(
                "\(result.slug).html", title: result.title, body: outline.html, results: results, current: position,
                sections: outline.sections, source: result.file, templates: templates, into: folder))
        }
        try search.script().write(to: folder.appendingPathComponent("assets/search-index.js"))
        written.append("assets/search-index.js")
        written.append(try writePage(
            "claims.html", title: "Claims ledger", body: templates.render(ledgerContext(results), template: "ledger"),
            results: results, current: nil, source: "chapters/", templates: templates, into: folder))
        written.append(try writePage(
            "index.html", title: "Contents", body: templates.render(indexContext(results, outlines: outlines), template: "index"),
            results: results, current: nil, source: "chapters/", templates: templates, into: folder))
        return written
    }

    /// The PNG of a chart, from the figure store when it holds one for this exact specification.
    /// Entries are written atomically; one that is not a whole PNG is drawn again and replaced.
    private func drawing(_ chart: Chart, with renderer: ChartRenderer) throws -> [UInt8] {
        guard let figureStore else { return try renderer.png(chart) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let key = SHA256.hex(of: try encoder.encode(chart) + Data(Self.drawingVersion.utf8))
        let cached = ResultStoreLayout(folder: figureStore).figureEntry(key)
        if let data = FileManager.default.contents(atPath: cached.path), Self.isWholePNG(data) {
            AtomicFile.touch(cached)
            return Array(data)
        }
        let png = try renderer.png(chart)
        try? AtomicFile.write(Data(png), to: cached)
        return png
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
        _ name: String, title: String, body: String, results: [ChapterResult], current: Int?,
        sections: [PageOutline.Section] = [], source: String, templates: Templates, into folder: URL
    ) throws -> String {
        let page = templates.render(
            layoutContext(results, current: current, sections: sections, pageTitle: title, body: body, source: source),
            template: "layout")
        try Data(page.utf8).write(to: folder.appendingPathComponent(name))
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
