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
        let parts = entries.flatMap { $0.1.parts }
        let fragile = entries.filter { isFragile($0.1) }
        return [
            "claimCount": entries.count,
            "partCount": parts.count,
            "partsHolding": parts.filter { $0.decision.verdict == .holds }.count,
            "partsRefuted": parts.filter { $0.decision.verdict == .refuted }.count,
            "fragileCount": fragile.count,
            "fragileMargin": Margin.relative(fragileMargin).formatted,
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
                    "parts": claim.parts.isEmpty
                        ? "—" : "\(claim.parts.filter { $0.decision.verdict == .holds }.count) of \(claim.parts.count) hold",
                    "margin": smallestMargin(claim)?.formatted ?? "—", "fragile": isFragile(claim),
                    "flips": claim.flipsUnderReseeding,
                ]
                if let expected = claim.expected { context["expected"] = expected.rawValue }
                return context
            },
        ]
    }

    static func cssClass(_ verdict: Verdict) -> String { verdict.rawValue.replacingOccurrences(of: " ", with: "-") }

    /// Whether a part's margin is below the project's fragile level.
    func isFragile(_ part: ClaimPartResult) -> Bool { part.decision.margin?.isFragile(below: fragileMargin) ?? false }

    /// Whether any part of the claim is fragile, or its verdict changes under another seed.
    func isFragile(_ claim: ClaimResult) -> Bool { claim.parts.contains(where: isFragile) || claim.flipsUnderReseeding }

    /// The margin the ledger shows: the smallest relative margin of the parts, else the smallest
    /// seed margin.
    func smallestMargin(_ claim: ClaimResult) -> Margin? {
        let relative = claim.margins.compactMap { if case .relative(let x) = $0 { return x } else { return nil } }
        if let x = relative.min() { return .relative(x) }
        let seeds = claim.margins.compactMap { if case .seeds(let n) = $0 { return n } else { return nil } }
        return seeds.min().map(Margin.seeds)
    }

    func claimContext(_ claim: ClaimResult, figureAnchors: [Int: String], prose: ProseRenderer) -> [String: Any] {
        var context: [String: Any] = [
            "id": claim.id, "anchor": claim.anchor, "statement": claim.statement, "verdict": claim.verdict.rawValue,
            "verdictClass": Self.cssClass(claim.verdict), "unexpected": claim.expected != nil && !claim.isExpected,
            "missingExpectation": claim.expected == nil,
            "isCompound": claim.isCompound,
            "parts": claim.parts.map { partContext($0, compound: claim.isCompound) },
            "hasFigures": !claim.figures.isEmpty,
            "figures": claim.figures.map { ["number": $0, "anchor": figureAnchors[$0] ?? "figure-\($0)"] },
        ]
        if let expected = claim.expected { context["expected"] = expected.rawValue }
        if let quote = claim.quote { context["quoteHTML"] = prose.inlineHTML(quote) }
        if let source = claim.source { context["source"] = source }
        if let rationale = claim.rationale { context["rationale"] = rationale }
        if let reason = claim.notTestableReason { context["notTestableReason"] = reason }
        if let reseed = claim.reseed, !reseed.seeds.isEmpty {
            let verdicts = reseed.verdicts.map { $0?.rawValue ?? "not decided" }
            context["reseed"] = [
                "count": reseed.seeds.count, "verdicts": verdicts.joined(separator: ", "),
                "flips": claim.flipsUnderReseeding,
            ] as [String: Any]
        }
        return context
    }

    private func partContext(_ part: ClaimPartResult, compound: Bool) -> [String: Any] {
        let trialColumns = part.trials?.first?.evidence.map(\.name) ?? []
        var context: [String: Any] = [
            "id": part.id, "statement": part.statement, "compound": compound,
            "verdict": part.decision.verdict.rawValue, "verdictClass": Self.cssClass(part.decision.verdict),
            "rule": part.rule.description, "explanation": part.decision.explanation,
            "fragile": isFragile(part),
            "hasEvidence": !part.evidence.isEmpty,
            "evidence": part.evidence.map { ["name": $0.name, "value": $0.value.formatted, "kind": $0.value.kind] },
            "hasTrials": !(part.trials ?? []).isEmpty, "trialCount": part.trials?.count ?? 0,
            "quorum": part.quorum.map(String.init) ?? "", "trialColumns": trialColumns,
            "trials": zip(part.trials ?? [], part.decision.trials ?? []).map { trial, satisfied -> [String: Any] in
                ["seed": String(trial.seed), "satisfied": satisfied ? "yes" : "no", "satisfiedClass": satisfied ? "holds" : "refuted",
                 "values": trial.evidence.map { ["value": $0.value.formatted, "kind": $0.value.kind] }]
            },
        ]
        if let margin = part.decision.margin { context["margin"] = margin.formatted }
        return context
    }
}
