import NotebookProtocol

/// A claim as the report shows it: what the source says (quote, source), what was tested
/// (statement), its atomic parts — each with its evidence, its rule and the host's decision —
/// the verdict derived from the parts and the verdict the chapter expects.
struct ClaimResult: Codable, Sendable, Equatable {
    /// The claim id, e.g. `000-d` (the source document's number, then a letter).
    var id: String
    /// The claim in English, as tested.
    var statement: String
    /// The original sentence (the block's `quote` option).
    var quote: String?
    /// Where it comes from (the block's `source` option).
    var source: String?
    /// The verdict derived from the parts' rules (`ClaimDecision`).
    var verdict: Verdict
    /// The verdict the chapter expects (the block's `expect` option).
    var expected: Verdict?
    /// The parts: one for a simple claim; none when not testable.
    var parts: [ClaimPartResult]
    /// Why the claim is not testable.
    var notTestableReason: String?
    /// What the numbers show, when the code says.
    var rationale: String?
    /// Numbers of the figures drawn by the same block.
    var figures: [Int]
    /// The claim's verdicts when the chapter ran with other seeds, if it was reseeded.
    var reseed: ReseedOutcome? = nil

    /// Whether the verdict changed under another seed.
    var flipsUnderReseeding: Bool { !(reseed?.changes(from: verdict).isEmpty ?? true) }

    /// Whether the verdict is the expected one (false when no expectation is given).
    var isExpected: Bool { expected == verdict }

    /// The HTML anchor of the claim's card.
    var anchor: String { "claim-\(id)" }

    /// The source document: the id's part before the first `-` (e.g. `000`).
    var document: String { String(id.split(separator: "-").first ?? Substring(id)) }

    /// Whether the claim has more than one part (its card lists them).
    var isCompound: Bool { parts.count > 1 }

    /// The smallest margin among the parts that decide the verdict (nil when none is numeric).
    var margins: [Margin] { parts.compactMap(\.decision.margin) }
}

/// One part of a claim with the host's decision.
struct ClaimPartResult: Codable, Sendable, Equatable {
    /// The part's full id, e.g. `000-b.vanishing`, or the claim's id for a simple claim.
    var id: String
    /// The part in English.
    var statement: String
    /// The rule that decides it.
    var rule: Rule
    /// Evidence shared by every trial (or all of it, for a part without trials).
    var evidence: [Evidence]
    /// Per-seed evidence.
    var trials: [Trial]?
    /// Seeds that must satisfy the rule.
    var quorum: Int?
    /// The host's evaluation.
    var decision: PartDecision
}

/// The value of an inline expression, or nil when the chapter stopped before reaching it.
struct InlineValue: Codable, Sendable, Equatable {
    /// The expression as written.
    var expression: String
    /// Its value.
    var value: Value?
    /// True when the value differs between runs (`{swift volatile} expr`); absent otherwise.
    var volatile: Bool?
    /// Where its code span lies in the prose's Markdown (UTF-8 bytes), as the parser found it:
    /// the renderer replaces that range by the value.
    var offset: Int?
    var length: Int?

    /// The value of `expression`, placed where the parser found it.
    init(_ expression: InlineExpression, value: Value?) {
        self.expression = expression.expression
        self.value = value
        volatile = expression.volatile ? true : nil
        offset = expression.offset
        length = expression.length
    }

    init(expression: String, value: Value?, volatile: Bool?, offset: Int? = nil, length: Int? = nil) {
        self.expression = expression
        self.value = value
        self.volatile = volatile
        self.offset = offset
        self.length = length
    }
}
