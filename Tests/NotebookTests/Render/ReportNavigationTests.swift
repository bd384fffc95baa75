import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

/// The sidebar, previous/next, contents summaries, search index and build-time code colours.
struct ReportNavigationTests {
    @Test func headingsGetUniqueAnchorsAndBecomeSections() {
        let html = """
            <section class="prose"><h1>Title</h1>
            <p>First <a href="#fig-a">Figure 1</a> paragraph.</p>
            <h2>Weight decay &amp; L2</h2><p>Text one.</p></section>
            <div id="weight-decay-l2"></div><pre class="code"><code>let hidden = 1</code></pre>
            <section class="prose"><h3>Été</h3><p>Text two.</p><h2>Weight decay &amp; L2</h2><h2 id="kept">Kept</h2></section>
            """
        let outline = PageOutline(html: html, pageHref: "02-a.html")
        #expect(outline.sections == [
            .init(id: "weight-decay-l2-2", title: "Weight decay & L2", level: 2),
            .init(id: "été", title: "Été", level: 3),
            .init(id: "weight-decay-l2-3", title: "Weight decay & L2", level: 2),
            .init(id: "kept", title: "Kept", level: 2),
        ])
        #expect(outline.html.contains(#"<h2 id="weight-decay-l2-2">Weight decay &amp; L2</h2>"#))
        #expect(outline.html.contains(#"<h1>Title</h1>"#))
        // The summary is the first paragraph, its in-page links pointed at the chapter's page.
        #expect(outline.summaryHTML == #"<p>First <a href="02-a.html#fig-a">Figure 1</a> paragraph.</p>"#)
        // Search text: per section, without code.
        #expect(outline.texts.map(\.section?.id) == [nil, "weight-decay-l2-2", "été", "weight-decay-l2-3", "kept"])
        #expect(outline.texts[0].text == "Title First Figure 1 paragraph.")
        #expect(outline.texts[1].text == "Weight decay & L2 Text one.")
        #expect(!outline.texts.contains { $0.text.contains("hidden") })
    }

    @Test func theSearchIndexIsTheSameBytesForTheSameReport() throws {
        func index() throws -> Data {
            var search = SearchIndex()
            let outline = PageOutline(html: "<section class=\"prose\"><h1>T</h1><p>a/b</p><h2>S é</h2><p>x</p></section>", pageHref: "c.html")
            search.add(outline, chapter: "Chapter", pageHref: "c.html")
            return try search.script()
        }
        let script = String(decoding: try index(), as: UTF8.self)
        #expect(try index() == index())
        #expect(script == """
            window.normbookSearch = [{"chapter":"Chapter","href":"c.html","section":"","text":"T a/b"},\
            {"chapter":"Chapter","href":"c.html#s-%C3%A9","section":"S é","text":"S é x"}];

            """)
    }

    @Test func prismAndItsLicenceAreCopiedAndEveryPageLoadsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-prism-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let written = try AssetCopier.copy(into: folder, templates: Templates.load(theme: nil))
        #expect(written.contains("assets/prism/prism.js") && written.contains("assets/prism/LICENSE"))
        let bundle = try String(contentsOf: folder.appendingPathComponent("assets/prism/prism.js"), encoding: .utf8)
        // The core first, then the Swift grammar (which extends clike).
        let core = try #require(bundle.range(of: "Prism"))
        let swift = try #require(bundle.range(of: "languages.swift"))
        #expect(core.lowerBound < swift.lowerBound)
        let layout = try String(contentsOf: InstallLayout.templatesFolder().appendingPathComponent("layout.mustache"), encoding: .utf8)
        #expect(layout.contains(#"<script defer src="assets/prism/prism.js"></script>"#))
    }

    func chapter(_ slug: String, title: String, prose: String, claims: [ClaimResult] = []) -> ChapterResult {
        let block = BlockResult(
            index: 0, language: "swift", code: "let x = 1", line: 3, options: BlockOptions(), status: .succeeded,
            outputs: [], diagnostics: [], claims: claims)
        return ChapterResult(
            file: "chapters/\(slug).md", slug: slug, title: title, status: .succeeded,
            segments: [.prose(markdown: prose, line: 1, inline: []), .block(block)], diagnostics: [], values: [:],
            provenance: Provenance(normbook: "0", compiler: "swift", blas: "OpenBLAS", seed: 1))
    }

    @Test func pagesCarryTheSidebarPagerContentsSummariesAndSearch() throws {
        let claim = { (id: String, verdict: Verdict) in
            ClaimResult(
                id: id, statement: "s", quote: "权重保留", source: nil, verdict: verdict, expected: verdict, parts: [],
                notTestableReason: nil, rationale: nil, figures: [])
        }
        let results = [
            chapter("01-a", title: "Alpha", prose: "# Alpha\n\nAlpha's summary.\n\n## First part\n\n### Detail\n",
                    claims: [claim("000-a", .holds), claim("000-b", .refuted), claim("000-c", .holds)]),
            chapter("02-b", title: "Beta", prose: "# Beta\n\nBeta's summary.\n"),
        ]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-nav-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ReportRenderer(reportTitle: "R", version: "0").render(results, into: folder)
        func page(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }

        let alpha = try page("01-a.html")
        #expect(alpha.contains(#"<a href="01-a.html" aria-current="page"><span class="number">1</span> Alpha</a>"#))
        #expect(alpha.contains(##"<li class="level-2"><a href="#first-part">First part</a></li>"##))
        #expect(alpha.contains(##"<li class="level-3"><a href="#detail">Detail</a></li>"##))
        #expect(alpha.contains(#"<h2 id="first-part">First part</h2>"#))
        #expect(alpha.contains(#"<a class="next" href="02-b.html" rel="next"><span>Next</span>Beta →</a>"#))
        #expect(!alpha.contains(#"class="prev""#))
        #expect(alpha.contains(#"<a href="claims.html">Claims ledger</a>"#) && alpha.contains(#"<a href="index.html">Contents</a>"#))
        #expect(alpha.contains(#"<code class="language-swift">let"#))  // coloured in the browser by Prism
        #expect(alpha.contains(#"<blockquote class="quote" lang="zh">"#))
        // Only the current chapter lists its sections.
        let beta = try page("02-b.html")
        #expect(!beta.contains("first-part"))
        #expect(beta.contains(#"<a class="prev" href="01-a.html" rel="prev"><span>Previous</span>← Alpha</a>"#))

        let index = try page("index.html")
        #expect(index.contains(#"<a href="index.html" aria-current="page">Contents</a>"#))
        #expect(index.contains(#"<div class="chapter-summary"><p>Alpha’s summary.</p></div>"#)
            || index.contains(#"<div class="chapter-summary"><p>Alpha's summary.</p></div>"#))
        #expect(index.contains(#"<span class="verdict-count verdict-holds">2 holds</span> <span class="verdict-count verdict-refuted">1 refuted</span>"#))
        #expect(!index.contains("pager"))

        // The CSS names a CJK face for the quotes; the search script and its licence are shipped.
        let css = try page("assets/normbook.css")
        #expect(css.contains("\"Noto Serif CJK SC\""))
        #expect(css.contains("prefers-color-scheme: dark") && css.contains("@media print"))
        for asset in ["assets/lunr/lunr.min.js", "assets/lunr/LICENSE", "assets/search-index.js"] {
            #expect(written.contains(asset), "\(asset)")
        }
        #expect(!written.contains { $0.contains("highlight") })
        let search = try page("assets/search-index.js")
        #expect(search.contains(#""href":"01-a.html#first-part""#) && search.contains("Beta's summary") || search.contains("Beta’s summary"))
    }
}
