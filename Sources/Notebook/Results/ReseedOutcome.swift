import NotebookProtocol

/// What a claim came to when its chapter ran again with other seeds (`verify: reseed:` in
/// `normbook.yml`, or `--reseed K`): a stochastic claim whose verdict changes is fragile.
struct ReseedOutcome: Codable, Sendable, Equatable {
    /// The seeds the chapter ran with, besides its own.
    var seeds: [UInt64]
    /// The claim's verdict under each seed (nil when that run did not decide it: the chapter
    /// failed, or the block did not run).
    var verdicts: [Verdict?]

    /// The verdicts that differ from `verdict`, with their seeds.
    func changes(from verdict: Verdict) -> [(seed: UInt64, verdict: Verdict?)] {
        zip(seeds, verdicts).filter { $0.1 != verdict }.map { (seed: $0.0, verdict: $0.1) }
    }
}

/// The seeds of the extra runs: derived from the chapter's seed by SplitMix64 steps, so they
/// are the same on every machine and differ between chapters.
enum Reseeding {
    static func seeds(from base: UInt64, count: Int) -> [UInt64] {
        var state = base ^ 0x5EED_5EED_5EED_5EED
        return (0..<max(count, 0)).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

extension ChapterResult {
    /// This result with each claim's outcome under other seeds attached.
    func attachingReseeding(seeds: [UInt64], verdicts: [[String: Verdict]]) -> ChapterResult {
        var annotated = self
        annotated.segments = segments.map { segment in
            guard case .block(var block) = segment else { return segment }
            block.claims = block.claims.map { claim in
                var marked = claim
                marked.reseed = ReseedOutcome(seeds: seeds, verdicts: verdicts.map { $0[claim.id] })
                return marked
            }
            return .block(block)
        }
        return annotated
    }
}
