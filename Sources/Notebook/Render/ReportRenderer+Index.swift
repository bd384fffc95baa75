import ChartRendering
import Charts
import Foundation
import Mustache
import NotebookProtocol

/// The contents page: chapters with their summaries and verdict counts.
extension ReportRenderer {
    /// `outlines` are the chapters' page outlines, in the order of `results` (for summaries).
    func indexContext(_ results: [ChapterResult], outlines: [PageOutline] = []) -> [String: Any] {
        let failed = results.filter { $0.status == .failed }.count
        let claims = results.flatMap(\.claims)
        let present = Verdict.allCases.filter { v in claims.contains { $0.verdict == v } }
        let verdictSummary: [[String: Any]] = present.enumerated().map { i, v in
            ["count": claims.filter { $0.verdict == v }.count, "verdict": v.rawValue, "last": i == present.count - 1]
        }
        return [
            "claimCount": claims.isEmpty ? false : String(claims.count) as Any,
            "verdictSummary": verdictSummary,
            "reportTitle": reportTitle,
            "chapterCount": results.count,
            "figureCount": results.reduce(0) { $0 + $1.figures.count },
            "failedCount": failed > 0 ? String(failed) : false,
            "chapters": results.enumerated().map { i, r -> [String: Any] in
                let verdicts = Verdict.allCases.filter { v in r.claims.contains { $0.verdict == v } }
                var chapter: [String: Any] = [
                    "href": LinkPath.page(r.slug), "number": String(i + 1), "title": r.title, "status": r.status.rawValue,
                    "failed": r.status == .failed, "blockCount": r.blocks.filter { $0.index != nil }.count,
                    "figureCount": r.figures.count, "claimCount": r.claims.isEmpty ? false : String(r.claims.count) as Any,
                    "verdicts": verdicts.map { v in
                        ["count": r.claims.filter { $0.verdict == v }.count, "verdict": v.rawValue,
                         "verdictClass": Self.cssClass(v)] as [String: Any]
                    },
                ]
                if i < outlines.count, let summary = outlines[i].summaryHTML { chapter["summaryHTML"] = summary }
                return chapter
            },
        ]
    }
}
