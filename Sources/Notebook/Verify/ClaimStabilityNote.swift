import Foundation
import NotebookProtocol

/// Something a reviewer should know about how firmly a claim is decided, which does not fail
/// verification by itself: its verdict changes under another seed (`--reseed`), or a part's
/// margin shrank since the committed report.
public struct ClaimStabilityNote: Sendable, Codable, Equatable {
    /// The claim or part, e.g. `000-h` or `000-b.vanishing`.
    public var claim: String
    /// What happened, in a sentence.
    public var message: String

    public init(claim: String, message: String) {
        self.claim = claim
        self.message = message
    }

    /// Claims whose verdict changed when their chapter ran with other seeds.
    static func reseeding(in results: [ChapterResult]) -> [ClaimStabilityNote] {
        results.flatMap(\.claims).compactMap { claim in
            guard let reseed = claim.reseed else { return nil }
            let changes = reseed.changes(from: claim.verdict)
            guard !changes.isEmpty else { return nil }
            let listed = changes.map { "\($0.verdict.map(\.rawValue) ?? "not decided") with seed \($0.seed)" }
            return ClaimStabilityNote(
                claim: claim.id,
                message: "\(claim.verdict) with the chapter's seed, but \(listed.joined(separator: ", ")) (\(changes.count) of \(reseed.seeds.count) other seeds)")
        }
    }

    /// Parts whose margin is smaller in `rebuilt` than in `committed` (outside volatile blocks).
    static func shrunkMargins(committed: [ChapterResult], rebuilt: [ChapterResult], fragileBelow: Double) -> [ClaimStabilityNote] {
        var before: [String: Margin] = [:]
        for part in committed.flatMap(\.claims).flatMap(\.parts) { before[part.id] = part.decision.margin }
        // Volatile blocks (timings) are expected to move: their margins are not compared.
        let stable = rebuilt.flatMap(\.blocks).filter { !$0.options.volatile }.flatMap(\.claims)
        return stable.flatMap(\.parts).compactMap { part in
            guard let old = before[part.id], let new = part.decision.margin else { return nil }
            let shrank: Bool
            switch (old, new) {
            case (.relative(let a), .relative(let b)): shrank = b < a * (1 - 1e-6)
            case (.seeds(let a), .seeds(let b)): shrank = b < a
            default: shrank = false
            }
            guard shrank else { return nil }
            let fragile = new.isFragile(below: fragileBelow) ? " (now fragile)" : ""
            return ClaimStabilityNote(claim: part.id, message: "margin shrank from \(old.formatted) to \(new.formatted)\(fragile)")
        }
    }
}
