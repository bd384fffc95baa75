@testable import Notebook
import ChartRendering
import Charts
import Foundation

/// A small report folder for the comparison tests: results JSON, an HTML page, a chart PNG and
/// an asset, with the values that the tests vary.
struct VerifyFixtureReport {
    var mean = 0.25
    var outputText = "mean 0.25 over 3 seeds\n"
    var verdict = "holds"
    var htmlNumber = "0.125"
    var chartY: [Double] = [1, 0.5, 0.25, 0.125]
    var asset = "body { margin: 0 }\n"

    /// The results JSON, shaped like a chapter's results file.
    func resultsJSON() throws -> Data {
        let document: [String: Any] = [
            "formatVersion": 1,
            "file": "chapters/01-norms.md",
            "provenance": ["seed": 20_261_121, "blas": "OpenBLAS, 1 thread"],
            "segments": [
                ["kind": "prose", "line": 1, "markdown": "# Norms\n"],
                ["kind": "prose", "line": 9, "markdown": "Text.\n"],
                ["kind": "prose", "line": 30, "markdown": "More.\n"],
                ["block": [
                    "line": 41,
                    "code": "print(mean)",
                    "outputs": [["text": ["_0": outputText]], ["value": mean]],
                ] as [String: Any]],
            ],
            "values": ["mean": mean, "ratio": "nan"],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    }

    /// The chapter page.
    func html() -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Norms</title></head>
        <body>
        <h1>Norms</h1>
        <p>The claim <b>000-d</b> \(verdict): the ratio is \(htmlNumber) at λ = 1e-3.</p>
        <img src="figures/01-norms-1.png" width="200" height="150">
        </body>
        </html>

        """
    }

    /// The chart PNG.
    func png() throws -> [UInt8] {
        var chart = Chart.line(title: "Decay", x: "step", y: "value",
                               series: [Series(name: "w", x: chartY.indices.map(Double.init), y: chartY)])
        chart.width = 200
        chart.height = 150
        return try ChartRenderer().png(chart)
    }

    /// Writes the report into `folder`.
    func write(to folder: URL) throws {
        let manager = FileManager.default
        for sub in ["_results", "figures", "assets/katex"] {
            try manager.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try resultsJSON().write(to: folder.appendingPathComponent("_results/01-norms.json"))
        try Data(html().utf8).write(to: folder.appendingPathComponent("01-norms.html"))
        try Data(png()).write(to: folder.appendingPathComponent("figures/01-norms-1.png"))
        try Data(asset.utf8).write(to: folder.appendingPathComponent("assets/katex/katex.css"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent(".DS_Store"))
    }
}

/// A fresh temporary folder, removed by `remove()`.
struct VerifyTemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A subfolder's URL (not created).
    func sub(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Deletes the folder.
    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Writes `expected` and `actual` reports and compares them.
    func compare(
        _ expected: VerifyFixtureReport, _ actual: VerifyFixtureReport,
        comparator: ReportComparatorFactory = .standard, differenceImages: URL? = nil
    ) throws -> [ReportDifference] {
        try expected.write(to: sub("expected"))
        try actual.write(to: sub("actual"))
        return try comparator.make().compare(expected: sub("expected"), actual: sub("actual"), differenceImages: differenceImages)
    }
}

/// Which comparator a test uses.
enum ReportComparatorFactory {
    case standard
    case limit(Int)

    func make() -> ReportComparator {
        switch self {
        case .standard: ReportComparator(tolerance: ComparisonTolerance())
        case .limit(let n): ReportComparator(tolerance: ComparisonTolerance(), differencesPerFile: n)
        }
    }
}
