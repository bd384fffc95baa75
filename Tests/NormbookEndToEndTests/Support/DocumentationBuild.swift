import ChartRendering
import Charts
import Foundation

@testable import Notebook

/// One build, through the real pipeline, of a temporary project holding every page of the DocC
/// catalogues as a chapter (see `DocumentationArticle.chapter`) and every example chapter the
/// pages show; `DocumentationSamplesTests` shares it.
struct DocumentationBuild: Sendable {
    /// The temporary project (its report is kept for inspection).
    var project: FixtureProject
    /// The pages.
    var articles: [DocumentationArticle]
    /// Chapter file name → Markdown.
    var chapterFiles: [String: String]
    /// Chapter file name → the page it comes from.
    var origin: [String: String]
    /// What the build did.
    var summary: BuildSummary

    /// Built once, on first use.
    static let shared = Result { try DocumentationBuild() }

    /// The pictures are drawn at 1 pixel per point: a default 640 × 400 pt chart is 640 px wide.
    static func picture(_ chart: Chart) throws -> [UInt8] { try ChartRenderer(scale: 1).png(chart) }

    /// Data files the samples read, copied from the repository into the same place.
    static let dataFiles = ["chapters/data/iris.csv"]

    init() throws {
        articles = try DocumentationArticle.all()
        var chapters: [String: String] = [:]
        var origin: [String: String] = [:]
        for article in articles {
            chapters[article.chapterName] = article.chapter
            origin[article.chapterName] = article.path
            for (k, example) in article.exampleChapters.enumerated() {
                let name = "\(article.module)-\(article.name)-example\(k + 1).md"
                chapters[name] = example
                origin[name] = "\(article.path) (example chapter \(k + 1))"
            }
        }
        chapterFiles = chapters
        self.origin = origin
        project = try FixtureProject.make(chapters)
        for path in Self.dataFiles {
            try project.write(
                String(contentsOf: DocumentationArticle.repositoryRoot.appendingPathComponent(path), encoding: .utf8), to: path)
        }
        summary = try ReportBuilder(options: project.options(allowFailures: true)).build()
    }
}
