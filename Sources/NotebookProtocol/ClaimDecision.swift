/// How far a part's outcome is from changing: the relative change of the numbers its rule
/// compares, or, for a part decided over seeds, how many seeds would have to come out the
/// other way.
public enum Margin: Codable, Sendable, Equatable, Hashable {
    case relative(Double)
    case seeds(Int)

    /// Whether the margin is below `relative` (or one seed would change the outcome).
    public func isFragile(below relative: Double) -> Bool {
        switch self {
        case .relative(let x): return x < relative
        case .seeds(let n): return n <= 1
        }
    }

    /// "3.2 %" or "2 seeds".
    public var formatted: String {
        switch self {
        case .relative(let x):
            let percent = x * 100
            if percent >= 10 { return NumberFormatting.fixed(percent, decimals: 0) + " %" }
            if percent >= 0.1 { return NumberFormatting.fixed(percent, decimals: 1) + " %" }
            return NumberFormatting.significant(percent, digits: 2) + " %"
        case .seeds(let n): return n == 1 ? "1 seed" : "\(n) seeds"
        }
    }
}

/// The verdict on one part, with what produced it.
public struct PartDecision: Codable, Sendable, Equatable {
    /// `holds` or `refuted`: a part is never decided as `partly`.
    public var verdict: Verdict
    /// The rule with its numbers, e.g. "after 12.3 > before 15.1 → false", or for a part over
    /// seeds, "4 of 5 seeds satisfy the rule (quorum 4) → true".
    public var explanation: String
    /// How far the outcome is from changing (nil when no number decides it).
    public var margin: Margin?
    /// For a part over seeds: whether each seed's evidence satisfied the rule, in seed order.
    public var trials: [Bool]?

    public init(verdict: Verdict, explanation: String, margin: Margin?, trials: [Bool]? = nil) {
        self.verdict = verdict
        self.explanation = explanation
        self.margin = margin
        self.trials = trials
    }
}

/// A claim's verdict, derived from its parts.
public struct ClaimDecision: Sendable, Equatable {
    /// `holds` when every part holds, `refuted` when none does, `partly` otherwise;
    /// `notTestable` for a claim with a reason and no parts.
    public var verdict: Verdict
    /// The parts' decisions, in the record's order.
    public var parts: [PartDecision]

    /// Decides `record` by evaluating every part's rule.
    public init(_ record: ClaimRecord) throws(RuleError) {
        if record.notTestableReason != nil && record.parts.isEmpty {
            verdict = .notTestable
            parts = []
            return
        }
        var decided: [PartDecision] = []
        for part in record.parts { decided.append(try Self.decide(part)) }
        parts = decided
        verdict = Self.derive(decided.map(\.verdict))
    }

    /// The parent's verdict from its parts' verdicts.
    public static func derive(_ parts: [Verdict]) -> Verdict {
        let holding = parts.filter { $0 == .holds }.count
        if parts.isEmpty { return .notTestable }
        if holding == parts.count { return .holds }
        if holding == 0 { return .refuted }
        return .partly
    }

    static func decide(_ part: ClaimPartRecord) throws(RuleError) -> PartDecision {
        guard let trials = part.trials, let quorum = part.quorum else {
            let outcome = try RuleEvaluator(evidence: part.evidence).evaluate(part.rule)
            return PartDecision(
                verdict: outcome.holds ? .holds : .refuted, explanation: "\(outcome.explanation) → \(outcome.holds)",
                margin: outcome.margin.map(Margin.relative))
        }
        guard quorum >= 1, quorum <= trials.count else { throw RuleError.badQuorum(quorum: quorum, seeds: trials.count) }
        var satisfied: [Bool] = []
        for trial in trials {
            satisfied.append(try RuleEvaluator(evidence: trial.evidence + part.evidence).evaluate(part.rule).holds)
        }
        let count = satisfied.filter { $0 }.count
        let holds = count >= quorum
        return PartDecision(
            verdict: holds ? .holds : .refuted,
            explanation: "\(count) of \(trials.count) seeds satisfy the rule (quorum \(quorum)) → \(holds)",
            margin: .seeds(holds ? count - quorum + 1 : quorum - count), trials: satisfied)
    }
}
