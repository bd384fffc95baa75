import ChartRendering
import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

/// Numbers of tables, sections and equations, and how references to them read in the pages.
struct NumberingTests {
    let text = """
        # Title

        See @tbl-a, @tbl-a-2, @sec-one, @sec-deep, @sec-title and @eq-e.

        ## One {#sec-one}

        ### Deep {#sec-deep}

        $$x$$ {#eq-d}

        $$y$$

        $$
        z
        $$ {#eq-e}

        ## Two
        """

    /// The parsed chapter with a block labelled `tbl-a` showing two tables after its first prose.
    func result(caption: String? = "Block caption") throws -> ChapterResult {
        let (document, diagnostics) = ChapterParser().parse(text.replacingOccurrences(of: "# Title", with: "# Title {#sec-title}"), file: "chapters/03-x.md")
        #expect(diagnostics.map(\.message).allSatisfy { $0.hasPrefix("@tbl-a") })  // the block is added below
        var options = BlockOptions()
        options.label = "tbl-a"
        options.caption = caption
        let block = BlockResult(
            index: 0, language: "swift", code: "", line: 40, options: options, status: .succeeded,
            outputs: [
                .table(Table(caption: "own", columns: ["c"], rows: [[.integer(1)]])),
                .table(Table(columns: ["c"], rows: [[.integer(2)]])),
            ], diagnostics: [])
        var next = 0
        var segments: [ChapterResult.Segment] = []
        for case .prose(let prose) in document.segments { segments.append(.prose(prose, next: &next) { _, _ in nil }) }
        segments.insert(.block(block), at: 1)
        return ChapterResult(
            file: document.file, slug: document.slug, title: document.title, status: .succeeded, segments: segments,
            diagnostics: [], values: [:], provenance: Provenance(normbook: "0", compiler: "s", blas: "b", seed: 0))
    }

    @Test func sectionsAreNumberedUnderTheChapterTablesAndEquationsInOrder() throws {
        let numbering = ChapterNumbering(try result(), chapterNumber: 3)
        #expect(numbering.text(of: "sec-one") == "Section 3.1")
        #expect(numbering.text(of: "sec-deep") == "Section 3.1.1")
        #expect(numbering.text(of: "sec-title") == "Chapter 3")
        #expect(numbering.text(of: "tbl-a") == "Table 1")
        #expect(numbering.text(of: "tbl-a-2") == "Table 2")
        #expect(numbering.text(of: "eq-d") == "Equation (1)")
        #expect(numbering.text(of: "eq-e") == "Equation (2)")
        #expect(numbering.text(of: "eq-nothing") == nil)
        #expect(numbering.headingNumbers.values.flatMap { $0 } == [nil, "3.1", "3.1.1", "3.2"])
    }

    @Test func thePageLinksReferencesNumbersHeadingsTablesAndEquations() throws {
        let html = ReportRenderer(reportTitle: "R", version: "0").chapterContext(
            try result(), chapterNumber: 3, figureSizes: [:], renderer: .init())
        let page = try #require(renderedPage(html))
        #expect(page.contains(##"<a class="xref" href="#tbl-a">Table 1</a>, <a class="xref" href="#tbl-a-2">Table 2</a>"##))
        #expect(page.contains(##"<a class="xref" href="#sec-one">Section 3.1</a>"##))
        #expect(page.contains(##"<a class="xref" href="#sec-title">Chapter 3</a>"##))
        #expect(page.contains(##"<a class="xref" href="#eq-e">Equation (2)</a>"##))
        #expect(page.contains(##"<h1 id="sec-title">Title</h1>"##))
        #expect(page.contains(##"<h2 id="sec-one"><span class="section-number">3.1</span> One</h2>"##))
        #expect(page.contains(##"<h3 id="sec-deep"><span class="section-number">3.1.1</span> Deep</h3>"##))
        #expect(page.contains(##"<h2><span class="section-number">3.2</span> Two</h2>"##))
        #expect(!page.contains("{#"))
        #expect(page.contains(##"<div class="equation" id="eq-d"><div class="math display">x</div><span class="equation-number">(1)</span></div>"##))
        #expect(page.contains(##"<div class="math display">y</div>"##))
        #expect(page.contains(##"<table id="tbl-a">"##))
        #expect(page.contains(##"<caption><span class="table-number">Table 1.</span> Block caption</caption>"##))
        #expect(page.contains(##"<table id="tbl-a-2">"##))
        #expect(page.contains(##"<caption><span class="table-number">Table 2.</span> Block caption</caption>"##))
    }

    @Test func withoutABlockCaptionANumberedTableKeepsItsOwn() throws {
        let html = ReportRenderer(reportTitle: "R", version: "0").chapterContext(
            try result(caption: nil), chapterNumber: 1, figureSizes: [:], renderer: .init())
        let page = try #require(renderedPage(html))
        #expect(page.contains(##"<caption><span class="table-number">Table 1.</span> own</caption>"##))
        #expect(page.contains(##"<caption><span class="table-number">Table 2.</span> </caption>"##))
    }

    @Test func anUnlabelledTableIsNotNumberedAndTakesNoIdFromItsBlock() throws {
        var options = BlockOptions()
        options.label = "setup"
        let block = BlockResult(
            index: 0, language: "swift", code: "", line: 1, options: options, status: .succeeded,
            outputs: [.table(Table(columns: ["c"], rows: [[.integer(1)]]))], diagnostics: [])
        let result = ChapterResult(
            file: "chapters/x.md", slug: "x", title: "x", status: .succeeded, segments: [.block(block)],
            diagnostics: [], values: [:], provenance: Provenance(normbook: "0", compiler: "s", blas: "b", seed: 0))
        let page = try #require(renderedPage(ReportRenderer(reportTitle: "R", version: "0").chapterContext(
            result, figureSizes: [:], renderer: .init())))
        #expect(page.contains("<div class=\"table-wrap\"><table>\n"))
        #expect(page.contains(##"id="setup""##))
        #expect(!page.contains("<caption>"))
    }

    func renderedPage(_ context: [String: Any]) -> String? {
        (try? Templates.load(theme: nil))?.render(context, template: "chapter")
    }
}
