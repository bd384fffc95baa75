import Foundation
import Testing

@testable import Notebook

/// `normbook verify --json` and its reviewer's diff page, for a deliberately changed number and
/// figure.
@Suite(.serialized)
struct DiffPageEndToEndTests {
    static let chapter = """
        # Figures and numbers

        ```swift
        //| data: chapters/data/values.csv
        //| claim: 900-m
        //| expect: holds
        let text = try! String(contentsOfFile: "chapters/data/values.csv", encoding: .utf8)
        let ys = text.split(separator: "\\n").compactMap { Double($0) }
        let mean = ys.reduce(0, +) / Double(ys.count)
        print("mean", mean)
        show(Chart.line(title: "Values", x: "i", y: "y", series: [Series(name: "y", x: ys.indices.map(Double.init), y: ys)]))
        decide("The mean is below three", evidence: ["mean": .number(mean)], rule: Ev("mean") < 3)
        ```

        """

    /// Every `src="…"` and `href="…"` of `html`.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:src|href)="([^"]*)""#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test func theDiffPageShowsAChangedNumberAndFigureAndEveryLinkResolvesInsideItsFolder() throws {
        let project = try FixtureProject.make(["01-values.md": Self.chapter])
        try project.write("1\n2\n3\n4\n", to: "chapters/data/values.csv")
        let recorded = try CommandLine.run(["verify", "--record"], in: project.root)
        #expect(recorded.status == 0, "\(recorded.stderr)")

        // Passing: the page is written all the same, and says so.
        let passing = try CommandLine.run(["verify", "--json", "ci/verify.json"], in: project.root)
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(try project.read("ci/verify-diff/index.html").contains("Verification passed"))

        try project.write("1\n2\n3\n8\n", to: "chapters/data/values.csv")
        let failing = try CommandLine.run(["verify", "--json", "ci/verify.json"], in: project.root)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("Diff page: ci/verify-diff/index.html"))
        let folder = project.root.appendingPathComponent("ci/verify-diff")
        let html = try project.read("ci/verify-diff/index.html")

        // The number, old and new, with its relative change; the claim whose verdict flipped.
        #expect(html.contains(#"<td class="old" data-label="old">2.5</td><td class="new" data-label="new">3.5</td><td class="change" data-label="change">+40.0 %</td>"#))
        #expect(html.contains("claim 900-m: computed verdict &#39;refuted&#39;, expected &#39;holds&#39;"))
        #expect(html.contains("<del>2.5</del>") && html.contains("<ins>3.5</ins>"))
        // The figure: committed, rebuilt and difference images.
        for kind in ["committed", "rebuilt", "difference"] {
            #expect(html.contains("src=\"images/\(kind)/figures/01-values-1.png\""))
        }
        #expect(!html.contains(project.root.path) && !html.contains("file:"))

        // Every link resolves to a file inside the folder.
        let links = Self.links(in: html)
        #expect(links.count >= 6)
        for link in links {
            let path = try #require(link.removingPercentEncoding)
            let target = folder.appendingPathComponent(path).standardizedFileURL
            #expect(target.path.hasPrefix(folder.path + "/"), "\(link)")
            #expect(FileManager.default.fileExists(atPath: target.path), "\(link)")
        }

        // The JSON's image paths, relative to its folder, exist.
        let report = try VerificationReport.decode(from: Data(contentsOf: project.root.appendingPathComponent("ci/verify.json")))
        let images = report.differences.compactMap(\.images)
        #expect(images.count == 1)
        for path in images.flatMap(\.all) {
            #expect(path.hasPrefix("verify-diff/images/"))
            #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("ci").appendingPathComponent(path).path), "\(path)")
        }
        #expect(report.differences.allSatisfy { !($0.detail ?? "").contains("/tmp") && !($0.detail ?? "").contains(".normbook-cache") })

        // A folder normbook did not write is never replaced.
        try project.write("mine\n", to: "mine/notes.txt")
        let refused = try CommandLine.run(["verify", "--diff-page", "mine"], in: project.root)
        #expect(refused.status == 2 && refused.stderr.contains(DiffPageWriter.markerName), "\(refused.stderr)")
        #expect(try project.read("mine/notes.txt") == "mine\n")
    }
}

extension DiffPageEndToEndTests {
    @Test func withoutADiffPageTheJSONsDifferenceImagePathsPointToTheKeptImages() throws {
        let project = try FixtureProject.make(["01-values.md": Self.chapter])
        try project.write("1\n2\n3\n4\n", to: "chapters/data/values.csv")
        #expect(try CommandLine.run(["verify", "--record"], in: project.root).status == 0)
        try project.write("1\n2\n3\n8\n", to: "chapters/data/values.csv")
        let failing = try CommandLine.run(["verify", "--json", "reports/verify.json", "--no-diff-page"], in: project.root)
        #expect(failing.status == 1)
        #expect(!project.exists("reports/verify-diff"))
        let report = try VerificationReport.decode(from: Data(contentsOf: project.root.appendingPathComponent("reports/verify.json")))
        let difference = try #require(report.differences.compactMap(\.images).first?.difference)
        #expect(difference == "../.normbook-cache/verify/differences/figures/01-values-1.png")
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("reports").appendingPathComponent(difference).path))
    }
}
