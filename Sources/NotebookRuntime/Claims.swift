import NotebookProtocol

@_exported import enum NotebookProtocol.Verdict

/// One atomic part of a compound claim, decided by its own rule: pass several to
/// `decide(_:parts:because:id:)`.
///
/// ```swift
/// decide("An L2 penalty avoids vanishing and exploding gradients", parts: [
///     .part("vanishing", "it keeps a sigmoid net's gradients from vanishing",
///           evidence: ["ratio, λ = 0": r0, "ratio, λ = 0.01": r1], rule: Ev("ratio, λ = 0.01") > Ev("ratio, λ = 0")),
///     .part("exploding", …),
/// ])
/// ```
public struct ClaimPart {
    let record: ClaimPartRecord

    /// A part decided by `rule` over `evidence`.
    /// - Parameters:
    ///   - name: a short name, shown after the claim's id (`000-b.vanishing`).
    ///   - statement: the part in English.
    ///   - evidence: the measured values, by name.
    ///   - rule: the condition over the evidence that decides the part.
    public static func part(
        _ name: String, _ statement: String, evidence: KeyValuePairs<String, Value>, rule: Rule
    ) -> ClaimPart {
        ClaimPart(record: ClaimPartRecord(
            name: name, statement: statement, rule: rule, evidence: evidence.map { Evidence($0.key, $0.value) }))
    }

    /// A part decided over seeds: `trial` measures the evidence for one seed; the part holds
    /// when at least `quorum` seeds' evidence satisfies `rule`. `evidence` holds values shared
    /// by every seed (e.g. a threshold measured once).
    /// - Parameters:
    ///   - name: a short name, shown after the claim's id.
    ///   - statement: the part in English.
    ///   - seeds: the seeds to run `trial` with.
    ///   - quorum: how many seeds must satisfy `rule`.
    ///   - rule: the condition each seed's evidence is judged by.
    ///   - evidence: values shared by every seed.
    ///   - trial: measures one seed's evidence.
    public static func part(
        _ name: String, _ statement: String, seeds: [UInt64], atLeast quorum: Int, rule: Rule,
        evidence: KeyValuePairs<String, Value> = [:], trial: (UInt64) -> KeyValuePairs<String, Value>
    ) -> ClaimPart {
        ClaimPart(record: ClaimPartRecord(
            name: name, statement: statement, rule: rule, evidence: evidence.map { Evidence($0.key, $0.value) },
            trials: seeds.map { seed in Trial(seed: seed, evidence: trial(seed).map { Evidence($0.key, $0.value) }) },
            quorum: quorum))
    }
}

/// Decides the current block's claim (its `//| claim:` option) by a rule over measured
/// evidence. The host evaluates the rule, shows it with the numbers, and derives the verdict:
/// chapter code never states a verdict.
///
/// ```swift
/// decide("Weight retention increases the norm",
///        evidence: ["‖W‖ before": .number(before), "‖W‖ after": .number(after)],
///        rule: Ev("‖W‖ after") > Ev("‖W‖ before"))
/// ```
/// - Parameters:
///   - statement: the claim in English, as tested.
///   - evidence: the measured values, by name, in the order the card shows them.
///   - rule: the condition over the evidence that decides the claim.
///   - rationale: a sentence built from the numbers saying what they show.
///   - id: the claim id when the block decides more than one claim, or has no `claim` option.
/// - Returns: the verdict the host will compute (the same evaluation), for the chapter's prose.
@discardableResult
public func decide(
    _ statement: String, evidence: KeyValuePairs<String, Value>, rule: Rule, because rationale: String? = nil,
    id: String? = nil
) -> Verdict {
    send(ClaimRecord(
        id: id, statement: statement,
        parts: [ClaimPartRecord(name: nil, statement: statement, rule: rule, evidence: evidence.map { Evidence($0.key, $0.value) })],
        rationale: rationale))
}

/// Decides a stochastic claim over several seeds: `trial` measures the evidence for one seed;
/// the claim holds when at least `quorum` seeds' evidence satisfies `rule`, and is refuted
/// otherwise.
/// - Parameters:
///   - statement: the claim in English, as tested.
///   - seeds: the seeds to run `trial` with.
///   - quorum: how many seeds must satisfy `rule` for the claim to hold.
///   - rule: the condition each seed's evidence is judged by.
///   - evidence: values shared by every seed, which the rule may also read.
///   - rationale: a sentence built from the numbers saying what they show.
///   - id: the claim id when the block decides more than one claim, or has no `claim` option.
///   - trial: measures one seed's evidence.
/// - Returns: the verdict the host will compute, for the chapter's prose.
@discardableResult
public func decide(
    _ statement: String, seeds: [UInt64], atLeast quorum: Int, rule: Rule, evidence: KeyValuePairs<String, Value> = [:],
    because rationale: String? = nil, id: String? = nil, trial: (UInt64) -> KeyValuePairs<String, Value>
) -> Verdict {
    let only = ClaimPart.part("", statement, seeds: seeds, atLeast: quorum, rule: rule, evidence: evidence, trial: trial)
    var record = only.record
    record.name = nil
    return send(ClaimRecord(id: id, statement: statement, parts: [record], rationale: rationale))
}

/// Decides a compound claim from its atomic parts: it holds when every part holds, is refuted
/// when none does, and is `partly` otherwise.
/// - Parameters:
///   - statement: the claim in English, as tested.
///   - parts: its atomic parts, each with its own evidence and rule.
///   - rationale: a sentence built from the numbers saying what they show.
///   - id: the claim id when the block decides more than one claim, or has no `claim` option.
/// - Returns: the verdict the host will compute, for the chapter's prose.
@discardableResult
public func decide(
    _ statement: String, parts: [ClaimPart], because rationale: String? = nil, id: String? = nil
) -> Verdict {
    precondition(!parts.isEmpty, "decide(_:parts:) needs at least one part")
    return send(ClaimRecord(id: id, statement: statement, parts: parts.map(\.record), rationale: rationale))
}

/// Marks the current block's claim as not testable, with the reason (a definition, a forecast,
/// the behaviour of a framework that cannot be installed here).
/// - Parameters:
///   - statement: the claim in English.
///   - reason: why no experiment here can decide it.
///   - id: the claim id when the block decides more than one claim, or has no `claim` option.
/// - Returns: `.notTestable`, for the chapter's prose.
@discardableResult
public func notTestable(_ statement: String, because reason: String, id: String? = nil) -> Verdict {
    EventChannel.shared.send(.claim(ClaimRecord(id: id, statement: statement, parts: [], notTestableReason: reason)))
    return .notTestable
}

/// Sends the record and returns the verdict it will get (the host reports a rule error at the
/// block; here such a claim counts as refuted).
private func send(_ record: ClaimRecord) -> Verdict {
    EventChannel.shared.send(.claim(record))
    return (try? ClaimDecision(record).verdict) ?? .refuted
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
