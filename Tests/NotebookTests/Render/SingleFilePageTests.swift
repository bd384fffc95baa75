import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

/// The single file assembled from a rendered report: every page as a section, every link inside
/// it, every file it loads embedded.
struct SingleFilePageTests {
    func prose(_ title: String) -> String { "# \(title)\n\nSee @fig-a and $x^2$." }

    @Test func theFileLoadsNothingAndLinksOnlyInsideItself() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-single-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = [
            sampleChapter(slug: "01-plain", title: "Plain", prose: prose("Plain"), claimID: "000-8"),
            sampleChapter(slug: "02 a#b", title: "Odd", prose: prose("Odd"), claimID: "000-6"),
        ]
        try ReportRenderer(reportTitle: "R & D", version: "0").render(results, into: folder)
        var page = SingleFilePage(folder: folder, title: "R & D", results: results)
        let html = String(decoding: try page.html(), as: UTF8.self)
        #expect(page.unresolved.isEmpty)
        #expect(html.hasPrefix("<!DOCTYPE html>\n" + SingleFilePage.marker + "\n"))
        #expect(html.contains("<title>R &amp; D</title>"))

        // Every src and href is a data: URI or an anchor of the file.
        let attributes = try Regex(#"(src|href)="([^"]*)""#)
        let values = html.matches(of: attributes).map { String($0.output[2].substring ?? "") }
        #expect(!values.isEmpty)
        #expect(values.filter { !$0.hasPrefix("data:") && !$0.hasPrefix("#") } == [])
        #expect(!html.contains("url(fonts/"))
        #expect(html.contains("src:url(data:font/woff2;base64,"))
        #expect(html.contains("<img src=\"data:image/png;base64,"))

        // Each anchor names an id of the file; labels used in two chapters stay distinct.
        let ids = Set(html.matches(of: try Regex(#" id="([^"]*)""#)).map { String($0.output[1].substring ?? "") })
        let anchors = values.filter { $0.hasPrefix("#") && $0.count > 1 }.map { String($0.dropFirst()) }
        #expect(Set(anchors).subtracting(ids).isEmpty)
        #expect(ids.isSuperset(of: ["contents", "claims", "chapter-01-plain", "chapter-02-a-b",
                                     "chapter-01-plain--fig-a", "chapter-02-a-b--fig-a"]))
        #expect(html.contains(##"<a class="xref" href="#chapter-02-a-b--fig-a">Figure 1</a>"##))
        // The ledger's links to claims on chapter pages point into the chapters' sections.
        #expect(html.contains(##"href="#chapter-02-a-b--claim-000-6""##))
    }
}
