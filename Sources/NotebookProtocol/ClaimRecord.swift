/// A claim decided by a chapter program: the English statement, the named evidence, the
/// computed verdict and, for stochastic claims, the trials per seed and the quorum.
///
/// The claim's id, quote, source and expected verdict come from the block's options; the host
/// joins them with this record.
public struct ClaimRecord: Codable, Sendable, Equatable {
    /// The claim id, when the code names it (otherwise the block's `claim` option).
    public var id: String?
    /// The claim in English, as tested.
    public var statement: String
    /// The computed verdict.
    public var verdict: Verdict
    /// Named measured values, in the order given.
    public var evidence: [Evidence]
    /// Why the verdict follows from the evidence (generated from the numbers), if given.
    public var rationale: String?
    /// Per-seed trials of a stochastic claim.
    public var trials: [Trial]?
    /// How many trials must agree for holds/refuted.
    public var quorum: Int?

    /// Creates a record.
    public init(
        id: String?, statement: String, verdict: Verdict, evidence: [Evidence], rationale: String? = nil,
        trials: [Trial]? = nil, quorum: Int? = nil
    ) {
        self.id = id
        self.statement = statement
        self.verdict = verdict
        self.evidence = evidence
        self.rationale = rationale
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

/// One seed's run of a stochastic claim.
public struct Trial: Codable, Sendable, Equatable {
    /// The seed the trial used.
    public var seed: UInt64
    /// The trial's verdict.
    public var verdict: Verdict
    /// The trial's measured values.
    public var evidence: [Evidence]

    /// Creates a trial.
    public init(seed: UInt64, verdict: Verdict, evidence: [Evidence]) {
        self.seed = seed
        self.verdict = verdict
        self.evidence = evidence
    }
}
