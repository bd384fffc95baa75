import Foundation
import Testing

@testable import Notebook

/// Cross-references to tables, sections and equations, and the single-file report, through
/// the real binary on a fixture project (`Fixtures/xref-project`).
@Suite(.serialized)
struct CrossReferenceEndToEndTests {
    @Test func tablesSectionsAndEquationsAreNumberedAndLinked() throws {
        let project = try FixtureProject.copy("xref-project")
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try project.read("output/01-intro.html")
        for link in [
            ##"<a class="xref" href="#tbl-norms">Table 1</a>"##, ##"<a class="xref" href="#eq-two-norm">Equation (1)</a>"##,
            ##"<a class="xref" href="#eq-one-norm">Equation (2)</a>"##, ##"<a class="xref" href="#sec-norms">Section 1.1</a>"##,
            ##"<a class="xref" href="#fig-unit">Figure 1</a>"##, ##"<a class="xref" href="#sec-reading">Section 1.1.1</a>"##,
        ] {
            #expect(page.contains(link), "missing \(link)")
        }
        #expect(page.contains(##"<h2 id="sec-norms"><span class="section-number">1.1</span> Norms of a vector</h2>"##))
        #expect(page.contains(##"<table id="tbl-norms">"##))
        #expect(page.contains(##"<span class="table-number">Table 1.</span> Norms of <span class="math inline">x = (3, -4)</span>"##))
        #expect(page.contains(##"<div class="equation" id="eq-two-norm"><div class="math display">"##))
        #expect(!page.contains("{#"))
        // The second chapter numbers its sections under its own number.
        #expect(try project.read("output/02-more.html").contains(##"<a class="xref" href="#sec-norms">Section 2.1</a>"##))
    }

    @Test func aReferenceToNothingStopsTheChapterAtItsPlace() throws {
        let project = try FixtureProject.copy("xref-project")
        defer { try? FileManager.default.removeItem(at: project.root) }
        let chapter = project.root.appendingPathComponent("chapters/01-intro.md")
        let text = try String(contentsOf: chapter, encoding: .utf8)
        try Data((text + "\nAnd @eq-two-nrom.\n").utf8).write(to: chapter)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chapters/01-intro.md:\(line):5: error: @eq-two-nrom refers to no label in this chapter"))
        #expect(result.stderr.contains("did you mean @eq-two-norm?"))
    }

    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func theSingleFileHoldsEverythingAndOpensOfflineWithMathAndFigures() throws {
        let project = try FixtureProject.copy("xref-project")
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try CommandLine.run(["build", "--single-file", "report.html"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Single-file report written to report.html"))
        let html = try project.read("report.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n" + SingleFilePage.marker))
        // Nothing but data: URIs and anchors of the file itself.
        let values = html.matches(of: try Regex(#"(?:src|href)="([^"]*)""#)).map { String($0.output[1].substring ?? "") }
        #expect(values.count > 15)
        #expect(values.filter { !$0.hasPrefix("data:") && !$0.hasPrefix("#") } == [])
        #expect(html.matches(of: try Regex(#"url\((?!data:)"#)).isEmpty)
        let ids = Set(html.matches(of: try Regex(#" id="([^"]*)""#)).map { String($0.output[1].substring ?? "") })
        let anchors = Set(values.filter { $0.count > 1 && $0.hasPrefix("#") }.map { String($0.dropFirst()) })
        #expect(anchors.subtracting(ids).isEmpty, "anchors without a target: \(anchors.subtracting(ids).sorted())")
        // Both chapters' `sec-norms` and `fig-unit`, distinct.
        #expect(ids.isSuperset(of: ["chapter-01-intro--sec-norms", "chapter-02-more--sec-norms",
                                     "chapter-01-intro--fig-unit", "chapter-02-more--fig-unit"]))

        // Building again replaces it; a file normbook did not write is refused and kept.
        #expect(try CommandLine.run(["build", "--single-file", "report.html"], in: project.root).status == 0)
        try project.write("<!DOCTYPE html>\n<p>mine</p>\n", to: "mine.html")
        let refused = try CommandLine.run(["build", "--single-file", "mine.html"], in: project.root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("does not start with normbook's marker line"))
        #expect(try project.read("mine.html") == "<!DOCTYPE html>\n<p>mine</p>\n")
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium"))
    func theSingleFileRendersInAHeadlessBrowserWithoutNetwork() throws {
        let project = try FixtureProject.copy("xref-project")
        defer { try? FileManager.default.removeItem(at: project.root) }
        // From normbook.yml this time.
        try project.write("single-file: export/report.html\n", to: "normbook.yml")
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        let file = project.root.appendingPathComponent("export/report.html")
        #expect(FileManager.default.fileExists(atPath: file.path))

        let browser = Process()
        browser.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
        let profile = project.root.appendingPathComponent(".chromium-profile")
        browser.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000", "--dump-dom", file.absoluteString,
        ]
        let dom = project.root.appendingPathComponent("dom.html")
        _ = FileManager.default.createFile(atPath: dom.path, contents: nil)
        browser.standardOutput = try FileHandle(forWritingTo: dom)
        browser.standardError = FileHandle.nullDevice
        try browser.run()
        browser.waitUntilExit()
        let rendered = try String(contentsOf: dom, encoding: .utf8)
        // KaTeX (embedded) rendered the math: the display equations and the inline ones.
        #expect(rendered.components(separatedBy: "class=\"katex-display\"").count - 1 == 2)
        #expect(rendered.components(separatedBy: "class=\"katex\"").count - 1 >= 4)
        #expect(!rendered.contains("math-error"))
        #expect(rendered.contains("<span class=\"equation-number\">(2)</span>"))
        // Both figures, as embedded images; the code was coloured by the embedded Prism.
        #expect(rendered.components(separatedBy: "<img src=\"data:image/png;base64,").count - 1 == 2)
        #expect(rendered.contains("class=\"token keyword\""))
    }
}
