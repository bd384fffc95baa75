import Foundation

/// The machine-readable outcome of `normbook verify`: every checked case and every difference
/// between the rebuilt and the committed report, written as JSON or JUnit XML for CI.
public struct VerificationReport: Sendable, Codable, Equatable {
    /// Counts of the report's outcome.
    public struct Summary: Sendable, Codable, Equatable {
        /// How many cases were checked.
        public var cases: Int
        /// How many cases passed.
        public var passed: Int
        /// How many cases failed.
        public var failed: Int
        /// How many differences the report folders have (including "… and N more" entries).
        public var differences: Int
    }

    /// Every checked case, in order.
    public var cases: [VerificationCase]
    /// Every difference between the rebuilt and the committed report.
    public var differences: [ReportDifference]
    /// Claims that change under other seeds, and parts whose margin shrank (they do not fail
    /// the verification).
    public var claimNotes: [ClaimStabilityNote]
    /// Set for a shard's verification (`verify --shard I/N`): which chapters it covered.
    public var shard: ShardCoverage?

    /// Creates a report.
    public init(cases: [VerificationCase], differences: [ReportDifference] = [], claimNotes: [ClaimStabilityNote] = []) {
        self.cases = cases
        self.differences = differences
        self.claimNotes = claimNotes
    }

    /// The counts.
    public var summary: Summary {
        let failed = cases.filter { !$0.passed }.count
        return Summary(cases: cases.count, passed: cases.count - failed, failed: failed, differences: differences.count)
    }

    /// Whether every case passed and the report folders have no difference.
    public var passed: Bool { differences.isEmpty && cases.allSatisfy(\.passed) }

    /// The report as pretty-printed JSON with sorted keys (`passed`, `summary`, `cases`, `differences`).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a report written by ``jsonData()``.
    public static func decode(from data: Data) throws -> VerificationReport {
        try JSONDecoder().decode(VerificationReport.self, from: data)
    }
}

extension VerificationReport {
    private enum CodingKeys: String, CodingKey {
        case cases, differences, summary, passed, claimNotes, shard
    }

    /// Decodes a report (the derived `summary` and `passed` fields are ignored).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            cases: try c.decode([VerificationCase].self, forKey: .cases),
            differences: try c.decodeIfPresent([ReportDifference].self, forKey: .differences) ?? [],
            claimNotes: try c.decodeIfPresent([ClaimStabilityNote].self, forKey: .claimNotes) ?? [])
        shard = try c.decodeIfPresent(ShardCoverage.self, forKey: .shard)
    }

    /// Encodes the cases and differences, plus `summary` and `passed` for readers of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(passed, forKey: .passed)
        try c.encode(summary, forKey: .summary)
        try c.encode(cases, forKey: .cases)
        try c.encode(differences, forKey: .differences)
        try c.encode(claimNotes, forKey: .claimNotes)
        try c.encodeIfPresent(shard, forKey: .shard)
    }
}
