import Foundation

/// One checked item of `normbook verify`: a claim's verdict, or a report file's snapshot.
public struct VerificationCase: Sendable, Codable, Equatable {
    /// The group it belongs to: a chapter file such as `chapters/01-norms.md`, or "report files".
    public var suite: String
    /// The item's name: a claim id, or a file's path relative to the report folder.
    public var name: String
    /// Why it failed, in one line; nil when it passed.
    public var failure: String?
    /// Further lines explaining the outcome (evidence, differences).
    public var details: [String]

    /// Creates a case.
    public init(suite: String, name: String, failure: String? = nil, details: [String] = []) {
        self.suite = suite
        self.name = name
        self.failure = failure
        self.details = details
    }

    /// Whether it passed.
    public var passed: Bool { failure == nil }

    /// The suite name used for report-file snapshot cases.
    public static let reportFilesSuite = "report files"

    /// One case per report file: failing for each file with differences, passing for the other
    /// `comparedFiles` (e.g. from ``ReportComparator/relativeFiles(in:)``), in path order.
    public static func fileCases(
        differences: [ReportDifference], comparedFiles: [String] = [], suite: String = reportFilesSuite
    ) -> [VerificationCase] {
        let byFile = Dictionary(grouping: differences, by: \.file)
        return Set(comparedFiles).union(byFile.keys).sorted().map { file in
            guard let found = byFile[file], let first = found.first else {
                return VerificationCase(suite: suite, name: file)
            }
            let failure: String
            switch first.kind {
            case .missingFile: failure = "missing from the rebuilt report"
            case .extraFile: failure = "not in the committed report"
            case .unreadable: failure = "could not be read"
            default:
                failure = "differs from the committed report" + (found.count > 1 ? " (\(found.count) differences listed)" : "")
            }
            return VerificationCase(suite: suite, name: file, failure: failure, details: found.map(\.description))
        }
    }
}
