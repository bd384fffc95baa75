import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

struct ReportLinkTests {
    @Test(arguments: [
        ("01-norms.html", "01-norms.html"),
        ("figures/01-norms-1.png", "figures/01-norms-1.png"),
        ("02 a#b?c%d\"e'.html", "02%20a%23b%3Fc%25d%22e%27.html"),
        ("a:b&c<d>.html", "a%3Ab%26c%3Cd%3E.html"),
        ("été.html", "%C3%A9t%C3%A9.html"),
    ])
    func pathsArePercentEncoded(path: String, link: String) {
        #expect(LinkPath.encoded(path) == link)
    }

    @Test func linksToPagesAndFiguresWithUnsafeNamesAreEncodedAndTheFilesKeepTheirNames() throws {
        let slug = "02 a#b?c%d\"e'ü"
        let encoded = "02%20a%23b%3Fc%25d%22e%27%C3%BC"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = [sampleChapter(slug: "01-plain", title: "Plain"), sampleChapter(slug: slug, title: "Odd")]
        let written = try ReportRenderer(reportTitle: "R", version: "0").render(results, into: folder)

        // On disk: the slug as it is.
        #expect(written.contains("\(slug).html") && written.contains("figures/\(slug)-1.png"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(slug).html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("figures/\(slug)-1.png").path))

        func page(_ name: String) throws -> String {
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        // Navigation, contents, previous/next, the ledger and the figure all use the encoded name.
        let odd = try page("\(slug).html")
        #expect(odd.contains("<a href=\"\(encoded).html\" aria-current=\"page\""))
        #expect(odd.contains("<img src=\"figures/\(encoded)-1.png\""))
        #expect(odd.contains("<a class=\"prev\" href=\"01-plain.html\" rel=\"prev\">"))
        #expect(try page("01-plain.html").contains("<a class=\"next\" href=\"\(encoded).html\" rel=\"next\">"))
        #expect(try page("index.html").contains("<a href=\"\(encoded).html\">Odd</a>"))
        #expect(try page("claims.html").contains("<a href=\"01-plain.html#claim-000-a\">"))
        #expect(try page("claims.html").contains("<a href=\"\(encoded).html#claim-000-a\">"))

        // No link attribute anywhere holds a character that would cut the URL short.
        for name in ["index.html", "claims.html", "01-plain.html", "\(slug).html"] {
            for attribute in try Self.linkAttributes(in: page(name)) {
                // Mustache would have written a quote as `&quot;`/`&#39;`, so `&` is checked too.
                #expect(!attribute.contains(where: { " ?\"'&<>".contains($0) }), "\(name): \(attribute)")
                #expect(attribute.filter { $0 == "#" }.count <= 1, "\(name): \(attribute)")
                #expect(!attribute.unicodeScalars.contains { !$0.isASCII }, "\(name): \(attribute)")
            }
        }
    }

    /// The values of `href="…"` and `src="…"` in `html`, as written (entities not decoded).
    static func linkAttributes(in html: String) -> [String] {
        var values: [String] = []
        for key in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: key) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                values.append(String(after[..<end]))
                rest = after[end...].dropFirst()
            }
        }
        return values
    }
}
