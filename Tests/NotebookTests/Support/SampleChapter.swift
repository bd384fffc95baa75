import Charts
import Foundation
import NotebookProtocol

@testable import Notebook

/// A chapter result as the renderer gets it: prose (with its math and references found), then a
/// block that shows one line chart (`fig-a`, drawn from `points`) and decides one claim about it.
func sampleChapter(
    slug: String, title: String, prose: String? = nil, points: [Double] = [1, 2], claimID: String = "000-a"
) -> ChapterResult {
    let prose = prose ?? "# \(title)"
    let chart = Chart.line(title: "t", x: "x", y: "y", series: [Series(name: "s", x: points.indices.map(Double.init), y: points)])
    let claim = ClaimResult(
        id: claimID, statement: "s", quote: nil, source: nil, verdict: .holds, expected: .holds, parts: [],
        notTestableReason: nil, rationale: nil, figures: [1])
    let block = BlockResult(
        index: 0, language: "swift", code: "show(chart)", line: 3, options: BlockOptions(), status: .succeeded,
        outputs: [.figure(Figure(number: 1, label: "fig-a", caption: "c", chart: chart, image: "figures/\(slug)-1.png"))],
        diagnostics: [], claims: [claim])
    return ChapterResult(
        file: "chapters/\(slug).md", slug: slug, title: title, status: .succeeded,
        segments: [
            .prose(markdown: prose, line: 1, inline: [], math: MathSpan.find(in: prose), references: CrossReference.find(in: prose)),
            .block(block),
        ],
        diagnostics: [], values: [:], provenance: Provenance(normbook: "0", compiler: "swift", blas: "OpenBLAS", seed: 1))
}
