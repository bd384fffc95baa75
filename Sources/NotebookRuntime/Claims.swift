import NotebookProtocol

@_exported import enum NotebookProtocol.Verdict
@_exported import struct NotebookProtocol.Evidence
@_exported import struct NotebookProtocol.Trial

/// Decides the current block's claim (its `//| claim:` option) from measured evidence.
///
/// The verdict must be computed from the evidence, e.g.
/// ```swift
/// decide("Weight retention increases the norm",
///        evidence: ["‖W‖ before": before, "‖W‖ after": after],
///        verdict: .holds(if: after > before))
/// ```
/// - Parameters:
///   - statement: the claim in English, as tested.
///   - evidence: the measured values the verdict is computed from, in the order to show them.
///   - verdict: the verdict computed from the evidence, e.g. `.holds(if: after > before)`.
///   - rationale: a sentence built from the numbers saying why the verdict follows.
///   - id: the claim id when the block decides more than one claim, or has no `claim` option.
/// - Returns: the verdict, so code can go on using it.
@discardableResult
public func decide(
    _ statement: String, evidence: KeyValuePairs<String, Value>, verdict: Verdict, because rationale: String? = nil,
    id: String? = nil
) -> Verdict {
    EventChannel.shared.send(.claim(ClaimRecord(
        id: id, statement: statement, verdict: verdict, evidence: evidence.map { Evidence($0.key, $0.value) },
        rationale: rationale)))
    return verdict
}

/// Decides a stochastic claim over several seeds: `trial` runs the experiment for one seed and
/// returns that seed's verdict and evidence; the claim holds (or is refuted) when at least
/// `quorum` trials agree, and is `partly` otherwise.
@discardableResult
public func decide(
    _ statement: String, seeds: [UInt64], quorum: Int, because rationale: String? = nil, id: String? = nil,
    trial: (UInt64) -> (verdict: Verdict, evidence: KeyValuePairs<String, Value>)
) -> Verdict {
    precondition(quorum >= 1 && quorum <= seeds.count, "quorum must be between 1 and the number of seeds")
    let trials = seeds.map { seed -> Trial in
        let outcome = trial(seed)
        return Trial(seed: seed, verdict: outcome.verdict, evidence: outcome.evidence.map { Evidence($0.key, $0.value) })
    }
    let verdict = Verdict.quorum(trials.map(\.verdict), quorum)
    let counts: [Evidence] = [
        Evidence("seeds", .integer(seeds.count)),
        Evidence("trials that hold", .integer(trials.filter { $0.verdict == .holds }.count)),
        Evidence("trials refuted", .integer(trials.filter { $0.verdict == .refuted }.count)),
    ]
    EventChannel.shared.send(.claim(ClaimRecord(
        id: id, statement: statement, verdict: verdict, evidence: counts, rationale: rationale, trials: trials,
        quorum: quorum)))
    return verdict
}

/// Marks the current block's claim as not testable, with the reason.
public func notTestable(_ statement: String, because reason: String, id: String? = nil) {
    EventChannel.shared.send(.claim(ClaimRecord(
        id: id, statement: statement, verdict: .notTestable, evidence: [], rationale: reason)))
}

/// Called by generated code to evaluate the `index`-th inline expression of the chapter's prose.
/// Not for chapter authors.
public func _normbookInline<T>(_ index: Int, _ body: () -> T) {
    let value = body()
    let converted: Value
    switch value {
    case let v as Value: converted = v
    case let x as Double: converted = .number(x)
    case let x as Float: converted = .number(Double(x))
    case let i as Int: converted = .integer(i)
    case let b as Bool: converted = .bool(b)
    case let s as String: converted = .text(s)
    default: converted = .text(String(describing: value))
    }
    EventChannel.shared.send(.inline(index: index, value: converted))
}
