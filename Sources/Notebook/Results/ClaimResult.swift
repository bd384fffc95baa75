import NotebookProtocol

/// A claim as the report shows it: what the source says (quote, source), what was tested
/// (statement), what was measured (evidence, trials), the computed verdict and the verdict the
/// chapter expects.
public struct ClaimResult: Codable, Sendable, Equatable {
    /// The claim id, e.g. `000-d` (the source document's number, then a letter).
    public var id: String
    /// The claim in English, as tested.
    public var statement: String
    /// The original sentence (the block's `quote` option).
    public var quote: String?
    /// Where it comes from (the block's `source` option).
    public var source: String?
    /// The verdict computed by the chapter's code.
    public var verdict: Verdict
    /// The verdict the chapter expects (the block's `expect` option).
    public var expected: Verdict?
    /// The measured values.
    public var evidence: [Evidence]
    /// Why the verdict follows, when the code says.
    public var rationale: String?
    /// Per-seed trials of a stochastic claim.
    public var trials: [Trial]?
    /// Trials that must agree.
    public var quorum: Int?
    /// Numbers of the figures drawn by the same block.
    public var figures: [Int]

    /// Whether the verdict is the expected one (false when no expectation is given).
    public var isExpected: Bool { expected == verdict }

    /// The HTML anchor of the claim's card.
    public var anchor: String { "claim-\(id)" }

    /// The source document: the id's part before the first `-` (e.g. `000`).
    public var document: String { String(id.split(separator: "-").first ?? Substring(id)) }
}

/// The value of an inline expression, or nil when the chapter stopped before reaching it.
public struct InlineValue: Codable, Sendable, Equatable {
    /// The expression as written.
    public var expression: String
    /// Its value.
    public var value: Value?
    /// True when the value differs between runs (`{swift volatile} expr`); absent otherwise.
    public var volatile: Bool?
}
