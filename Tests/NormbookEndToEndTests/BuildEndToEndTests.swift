import Foundation
import Testing
import ChartRendering

@testable import Notebook

/// Builds a fixture project holding a good chapter, a chapter with a compile error and one
/// with a runtime trap, through the real pipeline (swiftc, the chapter kit, Cairo, cmark-gfm).
@Suite(.serialized)
struct BuildEndToEndTests {
    @Test func failingChaptersAreReportedAtTheirMarkdownLocations() throws {
        let project = try FixtureProject.copy("failing-project")
        let summary = try ReportBuilder(options: project.options(allowFailures: true)).build()

        let bySlug = Dictionary(uniqueKeysWithValues: summary.chapters.map { ($0.slug, $0) })
        #expect(bySlug["01-good"]?.status == .succeeded)
        #expect(bySlug["02-compile-error"]?.status == .failed)
        #expect(bySlug["03-trap"]?.status == .failed)

        // The compile error: line 10, column 18 of the Markdown file (the string literal).
        let compile = try #require(bySlug["02-compile-error"]?.diagnostics.first { $0.severity == .error })
        #expect(compile.location == SourceLocation(file: "chapters/02-compile-error.md", line: 10, column: 18))
        #expect(compile.message.contains("String"))

        // The trap: `values[i]` on line 10.
        let trap = try #require(bySlug["03-trap"]?.diagnostics.first { $0.severity == .error })
        #expect(trap.location?.file == "chapters/03-trap.md")
        #expect(trap.location?.line == 10)
        #expect(trap.message.contains("Index out of range"))
        #expect(bySlug["03-trap"]?.blocksSucceeded == 1)
    }

    @Test func aCompileErrorInAnInlineValueIsReportedAtItsLineAndNotAsANormbookBug() throws {
        let project = try FixtureProject.make(["01-inline.md": "# T\n\n```swift\nlet a = 1\n```\n\nValue: `{swift} missingHelper(a)` here.\n"])
        let summary = try ReportBuilder(options: project.options(allowFailures: true)).build()
        let chapter = try #require(summary.chapters.first)
        #expect(chapter.status == .failed)
        let errors = chapter.diagnostics.filter { $0.severity == .error }
        #expect(errors.first?.location == SourceLocation(file: "chapters/01-inline.md", line: 7, column: 17))
        #expect(errors.first?.message.contains("missingHelper") == true)
        #expect(!errors.contains { ($0.hint ?? "").contains("normbook bug") })
    }

    @Test func pagesShowOutputsFiguresErrorsAndNotRunBlocks() throws {
        let project = try FixtureProject.copy("failing-project")
        _ = try ReportBuilder(options: project.options(allowFailures: true)).build()
        let output = project.root.appendingPathComponent("output")

        let good = try project.read("output/01-good.html")
        #expect(good.contains("block zero says hello"))
        #expect(good.contains(#"<img src="figures/01-good-1.png""#))
        #expect(good.contains(#"<figure id="fig-squares">"#))
        #expect(good.contains(##"<a class="xref" href="#fig-squares">Figure 1</a>"##))
        #expect(good.contains(#"<span class="math inline">W_{i,j}</span>"#))
        #expect(good.contains(#"<span class="math inline">x_*</span>"#))
        #expect(good.contains("<td class=\"number\">5</td>"))
        #expect(good.contains("seed 7"))
        #expect(good.contains(#"<img src="figures/01-good-2.png" alt="Line chart titled &quot;Norm of (3, t)&quot;"#))
        // Printed text keeps its place around the chart.
        let hello = try #require(good.range(of: "<pre class=\"output\">block zero says hello"))
        let figure = try #require(good.range(of: "figures/01-good-1.png"))
        let after = try #require(good.range(of: "<pre class=\"output\">after the chart"))
        #expect(hello.lowerBound < figure.lowerBound && figure.lowerBound < after.lowerBound)

        let png = try Data(contentsOf: output.appendingPathComponent("figures/01-good-1.png"))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let size = try PixelImage(png: Array(png))
        #expect(size.width >= 1000 && size.height >= 600)  // 2× device scale

        let compile = try project.read("output/02-compile-error.html")
        #expect(compile.contains("chapters/02-compile-error.md:10:18"))
        #expect(compile.contains("Not run: an earlier block of this chapter failed."))

        let trap = try project.read("output/03-trap.html")
        #expect(trap.contains("before the trap"))
        #expect(trap.contains("chapters/03-trap.md:10:"))
        #expect(trap.contains("runtime trap: Fatal error: Index out of range"))
        #expect(!trap.contains("never run</pre>"))

        let index = try project.read("output/index.html")
        for slug in ["01-good", "02-compile-error", "03-trap"] { #expect(index.contains("href=\"\(slug).html\"")) }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/katex/katex.min.js").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("_results/03-trap.json").path))
    }

    @Test func aFailedBuildLeavesThePreviousReportIntact() throws {
        let project = try FixtureProject.copy("failing-project")
        let output = project.root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("previous report".utf8).write(to: output.appendingPathComponent("index.html"))
        try ReportMarker.write(into: output)  // a report normbook wrote

        let summary = try ReportBuilder(options: project.options(allowFailures: false)).build()

        #expect(!summary.succeeded)
        #expect(try project.read("output/index.html") == "previous report")
        let aside = try #require(summary.failedReportFolder)
        #expect(FileManager.default.fileExists(atPath: aside.appendingPathComponent("02-compile-error.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func buildingTwiceGivesTheSameBytes() throws {
        let project = try FixtureProject.copy("failing-project")
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("chapters/02-compile-error.md"))
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("chapters/03-trap.md"))
        let first = try ReportBuilder(options: project.options(allowFailures: false)).build()
        #expect(first.succeeded)
        let files = ["index.html", "01-good.html", "_results/01-good.json", "figures/01-good-1.png", "figures/01-good-2.png"]
        let before = try files.map { try Data(contentsOf: project.root.appendingPathComponent("output/\($0)")) }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".normbook-cache"))
        _ = try ReportBuilder(options: project.options(allowFailures: false)).build()
        let after = try files.map { try Data(contentsOf: project.root.appendingPathComponent("output/\($0)")) }
        for (name, (a, b)) in zip(files, zip(before, after)) { #expect(a == b, "\(name) differs between builds") }
        // No absolute paths leak into the report.
        let json = try project.read("output/_results/01-good.json")
        #expect(!json.contains(project.root.path))
    }

    @Test func theCommandLineExitsNonZeroAndPrintsLocations() throws {
        let project = try FixtureProject.copy("failing-project")
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chapters/02-compile-error.md:10:18: error:"))
        #expect(result.stderr.contains("chapters/03-trap.md:10:"))
        #expect(result.stdout.contains("✓ chapters/01-good.md"))
        #expect(result.stdout.contains("✗ chapters/03-trap.md"))

        let missing = try CommandLine.run(["build", "--chapters", "nowhere"], in: project.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("the chapters folder 'nowhere' does not exist"))
    }
}
