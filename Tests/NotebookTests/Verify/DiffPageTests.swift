import Foundation
import Testing

@testable import Notebook

@Suite("The reviewer's diff page")
struct DiffPageTests {
    static let chapters = [
        DiffPage.Chapter(file: "chapters/01-norms.md", slug: "01-norms", title: "Norms <and> \"friends\""),
        DiffPage.Chapter(file: "chapters/01-norms-extra.md", slug: "01-norms-extra", title: "Extra"),
    ]

    static func page(_ report: VerificationReport) -> String {
        DiffPage(report: report, tolerance: ComparisonTolerance(), chapters: chapters, committedName: "output").html()
    }

    @Test func theLineDiffMarksOnlyTheChangedWords() {
        let diff = TokenDiff(old: "mean 0.25 over 3 seeds", new: "mean 0.2503 over 4 seeds")
        #expect(diff.old == [
            .init(text: "mean ", changed: false), .init(text: "0.25", changed: true), .init(text: " over ", changed: false),
            .init(text: "3", changed: true), .init(text: " seeds", changed: false),
        ])
        #expect(diff.new.filter(\.changed).map(\.text) == ["0.2503", "4"])
        #expect(TokenDiff.tokens("x=-1.5e-3, h2") == ["x", "=", "-", "1.5e-3", ",", " ", "h2"])
        let same = TokenDiff(old: "no change", new: "no change")
        #expect(same.old == [.init(text: "no change", changed: false)] && same.new == same.old)
    }

    @Test func theLineDiffOfAPageShowsAnInsertedLineOnceAndMarksChangedWords() {
        let old = "<h1>T</h1>\n<p>mean 2.5</p>\n<p>same</p>\n<p>end 1.0</p>"
        let new = "<h1>T</h1>\n<div>warning</div>\n<p>mean 3.5</p>\n<p>same</p>\n<p>end 1.0000000001</p>"
        let diff = LineDiff(old: old, new: "\(new)", tolerance: ComparisonTolerance(), context: 1)
        let changed = diff.hunks.flatMap(\.rows).filter { $0.kind != .same }
        #expect(changed == [
            .init(kind: .removed, number: 2, text: "<p>mean 2.5</p>"),
            .init(kind: .added, number: 2, text: "<div>warning</div>"),
            .init(kind: .added, number: 3, text: "<p>mean 3.5</p>"),
        ])
        // A number within the tolerance is no change.
        #expect(!diff.hunks.flatMap(\.rows).contains { $0.text.contains("1.0000000001") && $0.kind != .same })
        var page = DiffPage(
            report: VerificationReport(cases: [], differences: [ReportDifference(kind: .text, file: "01-norms.html", location: "line 2")]),
            tolerance: ComparisonTolerance(), chapters: Self.chapters, committedName: "output")
        page.textDiffs = ["01-norms.html": diff]
        let html = page.html()
        #expect(html.contains("&lt;p&gt;mean <del>2.5</del>&lt;/p&gt;"))
        // The removed line is paired with the added line most like it; the other added line is unmarked.
        #expect(html.contains(#"<span class="ln">3</span>+ &lt;p&gt;mean <ins>3.5</ins>&lt;/p&gt;"#))
        #expect(html.contains(#"<span class="ln">2</span>+ &lt;div&gt;warning&lt;/div&gt;"#))
        #expect(DiffPage.pairing(["a 1"], ["x", "a 2", "y"]).map { [$0.0, $0.1] } == [[0, 1]])
        #expect(!html.contains("<p>"))
    }

    @Test func everyTextFromTheReportIsEscaped() {
        let report = VerificationReport(
            cases: [VerificationCase(
                suite: "chapters/01-norms.md", name: "claim a", failure: "claim a: computed verdict '<script>', expected 'holds'",
                details: ["x & y"])],
            differences: [ReportDifference(
                kind: .text, file: "01-norms.html", location: "line 3", expected: "\"<b>old</b>\"", actual: "\"<b>new</b> & more\"")])
        let html = Self.page(report)
        #expect(!html.contains("<script>") && !html.contains("<b>old</b>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("x &amp; y"))
        #expect(html.contains("Norms &lt;and&gt; &quot;friends&quot;"))
        #expect(html.contains("<del>old</del>") && html.contains("<ins>new</ins>"))
        #expect(html.contains("<ins> &amp; more</ins>"))
    }

    @Test func numbersShowOldNewRelativeChangeAndTheTolerance() {
        let report = VerificationReport(
            cases: [VerificationCase(suite: VerificationCase.reportFilesSuite, name: "_results/01-norms.json", failure: "differs")],
            differences: [ReportDifference(
                kind: .number, file: "_results/01-norms.json", location: "values.mean", expected: "0.25", actual: "0.2503",
                detail: "relative difference 1.2e-3 > 1e-6")])
        let html = Self.page(report)
        #expect(html.contains(
            #"<td class="old" data-label="old">0.25</td><td class="new" data-label="new">0.2503</td><td class="change" data-label="change">+0.120 %</td>"#))
        #expect(html.contains("relative 1e-6"))
        #expect(html.contains("Verification failed: 1 of 1 checks failed; 1 difference"))
        // Grouped under the chapter (the longest slug that names the file), by file.
        #expect(html.contains("<h3>Norms &lt;and&gt; &quot;friends&quot; <span class=\"file\">chapters/01-norms.md</span></h3>"))
        #expect(html.contains("<code>output/_results/01-norms.json</code>"))
        #expect(DiffPage.relativeChange("2", "1") == "−50.0 %")
        #expect(DiffPage.relativeChange("0", "1") == "—")
        #expect(DiffPage.relativeChange("nan", "1") == "—")
    }

    @Test func figuresShowTheirThreeImagesWithRelativeEncodedLinks() {
        let images = ReportDifference.Images(
            expected: "images/committed/figures/01-norms-extra-1.png", actual: "images/rebuilt/figures/01-norms-extra-1.png",
            difference: "images/difference/figures/01 #x.png")
        let report = VerificationReport(cases: [], differences: [ReportDifference(
            kind: .image, file: "figures/01-norms-extra-1.png", location: "400×300 px", expected: "RMS ≤ 1.00", actual: "RMS 9.12",
            detail: "RMS 9.12 > 1.00", images: images)])
        let html = Self.page(report)
        #expect(html.contains("<h3>Extra <span class=\"file\">chapters/01-norms-extra.md</span></h3>"))
        #expect(html.contains("src=\"images/committed/figures/01-norms-extra-1.png\""))
        #expect(html.contains("src=\"images/rebuilt/figures/01-norms-extra-1.png\""))
        #expect(html.contains("src=\"images/difference/figures/01%20%23x.png\""))
        #expect(html.contains("<figcaption>committed</figcaption>") && html.contains("<figcaption>difference</figcaption>"))
    }

    @Test func aPassingVerificationSaysSoAndThePageIsDeterministic() {
        let report = VerificationReport(cases: [VerificationCase(suite: "chapters/01-norms.md", name: "builds")])
        let html = Self.page(report)
        #expect(html.contains("Verification passed: all 1 checks passed"))
        #expect(!html.contains("Differences</h2>"))
        #expect(html == Self.page(report))
        #expect(!html.contains("<script") && !html.contains("http"))
    }

    @Test func theWriterReplacesOnlyItsOwnFolderAndKeepsTheImagesBesideThePage() throws {
        let temporary = try VerifyTemporaryFolder()
        defer { temporary.remove() }
        var changed = VerifyFixtureReport()
        changed.chartY = [1, 0.9, 0.1, 0.5]
        let differences = try temporary.compare(VerifyFixtureReport(), changed, differenceImages: temporary.sub("diff"))
        let report = VerificationReport(cases: [], differences: differences)
        let folder = temporary.sub("page")
        let writer = DiffPageWriter(folder: folder)
        try writer.check(shownAs: "page", protected: [], insideNot: [])
        let written = try writer.write(
            report, committed: temporary.sub("expected"), rebuilt: temporary.sub("actual"), differenceImages: temporary.sub("diff"),
            tolerance: ComparisonTolerance(), chapters: [], committedName: "output")
        let images = try #require(written.differences.first?.images)
        #expect(images.all == [
            "images/committed/figures/01-norms-1.png", "images/rebuilt/figures/01-norms-1.png",
            "images/difference/figures/01-norms-1.png",
        ])
        for path in images.all { #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path))
        // Rewritten: the marked folder may be replaced.
        try writer.check(shownAs: "page", protected: [], insideNot: [])

        // Paths rebased for a JSON file one folder up, and two folders elsewhere.
        #expect(written.rebasingImages(from: folder, to: temporary.url).differences.first?.images?.expected
            == "page/images/committed/figures/01-norms-1.png")
        #expect(written.rebasingImages(from: folder, to: temporary.sub("ci/reports")).differences.first?.images?.difference
            == "../../page/images/difference/figures/01-norms-1.png")

        // A folder of the user's is refused, and so is the report folder or one inside it.
        let mine = temporary.sub("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: mine.appendingPathComponent("notes.txt"))
        #expect(throws: NotebookError.self) { try DiffPageWriter(folder: mine).check(shownAs: "mine", protected: [], insideNot: []) }
        let output = temporary.sub("expected")
        #expect(throws: NotebookError.self) {
            try DiffPageWriter(folder: output).check(shownAs: "output", protected: [(output, "the report folder")], insideNot: [])
        }
        #expect(throws: NotebookError.self) {
            try DiffPageWriter(folder: output.appendingPathComponent("diff"))
                .check(shownAs: "output/diff", protected: [], insideNot: [(output, "the report folder")])
        }
        #expect(try String(contentsOf: mine.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
    }
}
