import ChartRendering
import Charts
import Foundation
import Mustache
import NotebookProtocol

/// The claims ledger and the claim cards on chapter pages.
extension ReportRenderer {
    func ledgerContext(_ results: [ChapterResult]) -> [String: Any] {
        let entries = results.flatMap { r in r.claims.map { (r, $0) } }.sorted { $0.1.id < $1.1.id }
        let verdicts = Verdict.allCases
        let documents = Array(Set(entries.map { $0.1.document })).sorted()
        return [
            "claimCount": entries.count,
            "verdictNames": verdicts.map(\.rawValue),
            "documents": documents.map { doc -> [String: Any] in
                let mine = entries.filter { $0.1.document == doc }
                return ["name": doc, "counts": verdicts.map { v in mine.filter { $0.1.verdict == v }.count }, "total": mine.count]
            },
            "totals": verdicts.map { v in entries.filter { $0.1.verdict == v }.count },
            "claims": entries.map { result, claim -> [String: Any] in
                var context: [String: Any] = [
                    "id": claim.id, "href": LinkPath.page(result.slug, anchor: claim.anchor), "statement": claim.statement,
                    "source": claim.source ?? "", "verdict": claim.verdict.rawValue,
                    "verdictClass": Self.cssClass(claim.verdict), "isExpected": claim.isExpected,
                ]
                if let expected = claim.expected { context["expected"] = expected.rawValue }
                return context
            },
        ]
    }

    static func cssClass(_ verdict: Verdict) -> String { verdict.rawValue.replacingOccurrences(of: " ", with: "-") }

    func claimContext(_ claim: ClaimResult, figureAnchors: [Int: String], prose: ProseRenderer) -> [String: Any] {
        let trialColumns = claim.trials?.first?.evidence.map(\.name) ?? []
        var context: [String: Any] = [
            "id": claim.id, "anchor": claim.anchor, "statement": claim.statement, "verdict": claim.verdict.rawValue,
            "verdictClass": Self.cssClass(claim.verdict), "unexpected": claim.expected != nil && !claim.isExpected,
            "missingExpectation": claim.expected == nil,
            "hasEvidence": !claim.evidence.isEmpty,
            "evidence": claim.evidence.map { ["name": $0.name, "value": $0.value.formatted, "kind": $0.value.kind] },
            "hasTrials": !(claim.trials ?? []).isEmpty, "trialCount": claim.trials?.count ?? 0,
            "quorum": claim.quorum.map(String.init) ?? "", "trialColumns": trialColumns,
            "trials": (claim.trials ?? []).map { trial -> [String: Any] in
                ["seed": String(trial.seed), "verdict": trial.verdict.rawValue, "verdictClass": Self.cssClass(trial.verdict),
                 "values": trial.evidence.map { ["value": $0.value.formatted, "kind": $0.value.kind] }]
            },
            "hasFigures": !claim.figures.isEmpty,
            "figures": claim.figures.map { ["number": $0, "anchor": figureAnchors[$0] ?? "figure-\($0)"] },
        ]
        if let expected = claim.expected { context["expected"] = expected.rawValue }
        if let quote = claim.quote { context["quoteHTML"] = prose.inlineHTML(quote) }
        if let source = claim.source { context["source"] = source }
        if let rationale = claim.rationale { context["rationale"] = rationale }
        return context
    }
}
