import ChartRendering
import Charts
import Foundation
import Testing

@testable import Notebook

/// The code samples of the DocC catalogues (`Sources/{Regularization,Charts,NotebookRuntime}/*.docc`)
/// are built through the real pipeline: every page becomes one chapter of a temporary project
/// whose blocks are the page's ` ```swift ` fences, in order and at their own line numbers (so a
/// failure points at the page's line), and every ` ````markdown ` fence holding a whole chapter
/// builds as a chapter too. Every chart a sample shows is pictured after it (`![alt](name.png)`,
/// from the catalogue's `Resources/`), drawn from exactly that sample.
///
/// After changing a chart sample, regenerate the pictures with `scripts/docs-figures`, which runs
/// this suite with `NORMBOOK_RECORD_DOC_FIGURES=1`.
@Suite struct DocumentationSamplesTests {
    @Test func everySampleBuildsAndRunsAsAChapter() throws {
        let build = try DocumentationBuild.shared.get()
        #expect(!build.articles.isEmpty)
        for article in build.articles {
            for fence in article.swiftFences {
                #expect(fence.indentation == 0 && fence.isClosed,
                        "\(article.path):\(fence.openingLine): a ```swift sample must start at column 1 and be closed, or it is not built")
            }
        }
        for file in build.chapterFiles.keys.sorted() {
            let chapter = try #require(build.summary.chapters.first { $0.file == "chapters/\(file)" }, "\(file) was not built")
            let origin = build.origin[file] ?? file
            // A page's chapter keeps the page's line numbers, so its diagnostics can point at the page.
            let isPage = build.articles.contains { $0.chapterName == file }
            let diagnostics = chapter.diagnostics.map(\.description).joined(separator: "\n")
                .replacingOccurrences(of: "chapters/\(file):", with: isPage ? "\(origin):" : "chapters/\(file):")
            #expect(chapter.status == .succeeded && chapter.blocksSucceeded == chapter.blockCount && chapter.diagnostics.isEmpty,
                    """
                    \(origin): \(chapter.blocksSucceeded) of \(chapter.blockCount) blocks ran, \(chapter.diagnostics.count) diagnostics \
                    (the chapter's page: \(build.project.root.path)/output/\(chapter.slug).html)
                    \(diagnostics)
                    """)
        }
        for article in build.articles {
            let chapter = build.summary.chapters.first { $0.file == "chapters/\(article.chapterName)" }
            #expect(chapter?.blockCount == article.swiftFences.count, "\(article.path): not every ```swift fence ran as a block")
        }
    }

    /// Every chart a sample shows is pictured right after the sample, and the picture is what the
    /// sample draws.
    @Test func picturesAreWhatTheirSamplesDraw() throws {
        let build = try DocumentationBuild.shared.get()
        let record = ProcessInfo.processInfo.environment["NORMBOOK_RECORD_DOC_FIGURES"] == "1"
        for article in build.articles {
            let result = try #require(build.summary.results.first { $0.file == "chapters/\(article.chapterName)" })
            let resources = DocumentationArticle.catalogue(article.module).appendingPathComponent("Resources")
            for fence in article.swiftFences {
                let pictures = article.pictures(after: fence)
                let block = result.blocks.first { $0.line == fence.openingLine }
                let charts = (block?.outputs ?? []).compactMap { output -> Chart? in
                    if case .figure(let figure) = output { return figure.chart } else { return nil }
                }
                #expect(charts.count == pictures.count,
                        "\(article.path):\(fence.openingLine): the sample shows \(charts.count) charts and is followed by \(pictures.count) pictures")
                for (chart, name) in zip(charts, pictures) {
                    let drawn = try DocumentationBuild.picture(chart)
                    let file = resources.appendingPathComponent(name)
                    if record {
                        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
                        try Data(drawn).write(to: file)
                        continue
                    }
                    let committed = try #require(FileManager.default.contents(atPath: file.path),
                                                 "\(article.path): \(name) is missing; run scripts/docs-figures")
                    let rms = try PixelImage(png: Array(committed)).rmsDifference(PixelImage(png: drawn))
                    #expect(rms.map { $0 <= 1 } == true,
                            "\(article.path): \(name) is not what the sample at line \(fence.openingLine) draws (RMS \(rms.map { "\($0)" } ?? "size differs")); run scripts/docs-figures")
                }
            }
        }
    }

    @Test func everyPictureIsShownSmallAndDrawnBySomeSample() throws {
        let articles = try DocumentationArticle.all()
        var total = 0
        for module in DocumentationArticle.modules {
            let resources = DocumentationArticle.catalogue(module).appendingPathComponent("Resources")
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: resources.path)) ?? []).filter { $0.hasSuffix(".png") }
            let shown = Set(articles.filter { $0.module == module }.flatMap(\.allPictures))
            let drawn = Set(articles.filter { $0.module == module }.flatMap { a in a.swiftFences.flatMap(a.pictures(after:)) })
            #expect(shown == drawn, "\(module): pictures shown outside a sample's recipe: \(shown.subtracting(drawn).sorted())")
            #expect(Set(files) == shown, "\(module).docc/Resources: unused \(Set(files).subtracting(shown).sorted()), missing \(shown.subtracting(files).sorted())")
            for name in files {
                let data = try Data(contentsOf: resources.appendingPathComponent(name))
                total += data.count
                let image = try PixelImage(png: Array(data))
                #expect(image.width <= 700 && data.count <= 150_000, "\(name): \(image.width) px wide, \(data.count) bytes")
            }
        }
        #expect(total <= 1_500_000, "the catalogues' pictures take \(total) bytes")
    }
}
