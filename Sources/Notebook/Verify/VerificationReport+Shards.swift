import Foundation

extension VerificationReport {
    /// What a shard's verification covered: the shard, the chapters it verified and every
    /// chapter of the project, so that merged verifications can tell a chapter nobody verified.
    public struct ShardCoverage: Sendable, Codable, Equatable {
        /// Which shard.
        public var shard: Shard
        /// The chapter files it verified (e.g. `chapters/01-norms.md`), in name order.
        public var chapters: [String]
        /// Every chapter file of the project, in name order.
        public var projectChapters: [String]

        /// Creates a coverage record.
        public init(shard: Shard, chapters: [String], projectChapters: [String]) {
            self.shard = shard
            self.chapters = chapters
            self.projectChapters = projectChapters
        }
    }

    /// The suite of the cases a merge adds for chapters that no shard verified.
    public static let coverageSuite = "shards"

    /// The shards' verifications as one (`normbook merge --verify-results A.json B.json …`):
    /// their cases, differences and notes in shard order, and a failing case for every chapter
    /// of the project that no shard verified. It passes only if every shard passed and every
    /// chapter was verified.
    ///
    /// - Parameter reports: each shard's report with the name of its file (for messages).
    /// - Throws: `NotebookError.incompatibleShards` when a report is not a shard's, or the
    ///   reports come from different splits or projects.
    public static func merging(_ reports: [(name: String, report: VerificationReport)]) throws -> VerificationReport {
        var problems: [String] = []
        var shards: [(name: String, report: VerificationReport, coverage: ShardCoverage)] = []
        for (name, report) in reports {
            guard let coverage = report.shard else {
                problems.append("\(name) is not a shard's verification (write one with normbook verify --shard I/N --json \(name))")
                continue
            }
            shards.append((name, report, coverage))
        }
        if let first = shards.first {
            for other in shards.dropFirst() {
                if other.coverage.shard.count != first.coverage.shard.count {
                    problems.append("\(other.name) is shard \(other.coverage.shard) but \(first.name) is shard \(first.coverage.shard): they come from different splits")
                } else if other.coverage.projectChapters != first.coverage.projectChapters {
                    problems.append("\(other.name) and \(first.name) verified projects with different chapters")
                }
            }
        } else if problems.isEmpty {
            problems.append("no verification report was given")
        }
        guard problems.isEmpty, let first = shards.first else {
            throw NotebookError.incompatibleShards(
                problems: problems, hint: "pass the --json files of every shard of one run: normbook verify --shard I/N --json verify-I.json for I = 1…N")
        }
        let ordered = shards.enumerated().sorted {
            ($0.element.coverage.shard.index, $0.offset) < ($1.element.coverage.shard.index, $1.offset)
        }.map(\.element)
        var merged = VerificationReport(
            cases: ordered.flatMap(\.report.cases), differences: ordered.flatMap(\.report.differences),
            claimNotes: ordered.flatMap(\.report.claimNotes))
        let verified = Set(ordered.flatMap(\.coverage.chapters))
        let given = Set(ordered.map(\.coverage.shard.index))
        let count = first.coverage.shard.count
        let absent = (1...count).filter { !given.contains($0) }.map { "\($0)/\(count)" }
        for chapter in first.coverage.projectChapters where !verified.contains(chapter) {
            merged.cases.append(VerificationCase(
                suite: coverageSuite, name: chapter,
                failure: "no shard verified this chapter" + (absent.isEmpty ? "" : " (missing: shard \(absent.joined(separator: ", ")))")))
        }
        return merged
    }
}
