/// A claim decided by a chapter program: the English statement and its parts, each with its
/// named evidence and the rule that decides it. The program sends no verdict: the host
/// evaluates every part's rule and derives the claim's verdict from the parts.
///
/// The claim's id, quote, source and expected verdict come from the block's options; the host
/// joins them with this record.
public struct ClaimRecord: Codable, Sendable, Equatable {
    /// The claim id, when the code names it (otherwise the block's `claim` option).
    public var id: String?
    /// The claim in English, as tested.
    public var statement: String
    /// The atomic parts: one for a simple claim, several for a compound one. Empty when the
    /// claim is not testable.
    public var parts: [ClaimPartRecord]
    /// Why the claim cannot be tested by an experiment here (then `parts` is empty).
    public var notTestableReason: String?
    /// A sentence built from the numbers saying what the experiment showed, if given.
    public var rationale: String?

    /// Creates a record.
    public init(
        id: String?, statement: String, parts: [ClaimPartRecord], notTestableReason: String? = nil,
        rationale: String? = nil
    ) {
        self.id = id
        self.statement = statement
        self.parts = parts
        self.notTestableReason = notTestableReason
        self.rationale = rationale
    }
}

/// One atomic part of a claim: it holds or is refuted by its own rule.
public struct ClaimPartRecord: Codable, Sendable, Equatable {
    /// The part's short name, e.g. `vanishing` (shown as `000-b.vanishing`); nil for the only
    /// part of a simple claim.
    public var name: String?
    /// The part in English.
    public var statement: String
    /// The rule that decides it (for a quorum part, the rule each seed's evidence is judged by).
    public var rule: Rule
    /// The measured values the rule reads (and any others worth showing), in the order given.
    /// Empty for a quorum part, whose evidence is per trial.
    public var evidence: [Evidence]
    /// Per-seed evidence of a part decided over several seeds.
    public var trials: [Trial]?
    /// How many trials must satisfy the rule for the part to hold.
    public var quorum: Int?

    /// Creates a part.
    public init(
        name: String?, statement: String, rule: Rule, evidence: [Evidence], trials: [Trial]? = nil, quorum: Int? = nil
    ) {
        self.name = name
        self.statement = statement
        self.rule = rule
        self.evidence = evidence
        self.trials = trials
        self.quorum = quorum
    }
}

/// One named measured value supporting a verdict.
public struct Evidence: Codable, Sendable, Equatable {
    /// What was measured, e.g. "‖W‖₂ after retention".
    public var name: String
    /// The measured value.
    public var value: Value

    /// Creates evidence.
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// One seed's run of a part decided over several seeds.
public struct Trial: Codable, Sendable, Equatable {
    /// The seed the trial used.
    public var seed: UInt64
    /// The trial's measured values.
    public var evidence: [Evidence]

    /// Creates a trial.
    public init(seed: UInt64, evidence: [Evidence]) {
        self.seed = seed
        self.evidence = evidence
    }
}
