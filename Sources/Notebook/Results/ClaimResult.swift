import NotebookProtocol

/// A claim as the report shows it: what the source says (quote, source), what was tested
/// (statement), what was measured (evidence, trials), the computed verdict and the verdict the
/// chapter expects.
struct ClaimResult: Codable, Sendable, Equatable {
    /// The claim id, e.g. `000-d` (the source document's number, then a letter).
    var id: String
    /// The claim in English, as tested.
    var statement: String
    /// The original sentence (the block's `quote` option).
    var quote: String?
    /// Where it comes from (the block's `source` option).
    var source: String?
    /// The verdict computed by the chapter's code.
    var verdict: Verdict
    /// The verdict the chapter expects (the block's `expect` option).
    var expected: Verdict?
    /// The measured values.
    var evidence: [Evidence]
    /// Why the verdict follows, when the code says.
    var rationale: String?
    /// Per-seed trials of a stochastic claim.
    var trials: [Trial]?
    /// Trials that must agree.
    var quorum: Int?
    /// Numbers of the figures drawn by the same block.
    var figures: [Int]

    /// Whether the verdict is the expected one (false when no expectation is given).
    var isExpected: Bool { expected == verdict }

    /// The HTML anchor of the claim's card.
    var anchor: String { "claim-\(id)" }

    /// The source document: the id's part before the first `-` (e.g. `000`).
    var document: String { String(id.split(separator: "-").first ?? Substring(id)) }
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
