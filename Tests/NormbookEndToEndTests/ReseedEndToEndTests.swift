import Foundation
import Testing

@testable import Notebook

/// `--reseed K`: chapters that decide claims run again with other seeds; a claim whose verdict
/// depends on the seed is named by verify and marked fragile on its card and in the ledger.
@Suite(.serialized)
struct ReseedEndToEndTests {
    static let chapter = """
        ---
        seed: 7
        ---
        # Seeds

        ```swift
        //| claim: 900-s
        //| expect: refuted
        // Odd seeds refute it, even seeds uphold it: the verdict is the seed's parity.
        decide("The seed is even", evidence: ["seed mod 2": .integer(Int(ChapterContext.seed % 2))], rule: Ev("seed mod 2") < 1)
        ```

        ```swift
        //| claim: 900-t
        //| expect: holds
        decide("Two exceeds one", evidence: ["two": 2.0, "one": 1.0], rule: Ev("two") > Ev("one"))
        ```

        """

    @Test func aSeedDependentClaimIsNamedAndMarkedAndAStableOneIsNot() throws {
        let project = try FixtureProject.make(["01-seeds.md": Self.chapter])
        var options = project.options(allowFailures: false)
        options.reseed = 4
        let seeds = Reseeding.seeds(from: 7, count: 4)
        // The derived seeds must include an even one for this test to mean anything.
        #expect(seeds.contains { $0 % 2 == 0 })

        let recorded = try ReportVerifier(options: options, record: true).verify()
        #expect(recorded.report.passed)
        let notes = recorded.report.claimNotes
        #expect(notes.map(\.claim) == ["900-s"])
        #expect(notes.first?.message.hasPrefix("refuted with the chapter's seed, but holds with seed") == true)

        let page = try project.read("output/01-seeds.html")
        #expect(page.contains("the verdict changes with the seed: fragile"))
        #expect(page.contains("Run again with 4 other seeds: holds, holds, holds, holds — the same verdict."))
        let ledger = try project.read("output/claims.html")
        #expect(ledger.contains("(changes with the seed)"))

        // The reseeded runs are part of the stored result: a verify with the same setting passes.
        #expect(try ReportVerifier(options: options).verify().report.passed)
    }

    @Test func reseedSeedsAreDerivedDeterministicallyAndDiffer() {
        #expect(Reseeding.seeds(from: 42, count: 3) == Reseeding.seeds(from: 42, count: 3))
        #expect(Set(Reseeding.seeds(from: 42, count: 10)).count == 10)
        #expect(Reseeding.seeds(from: 42, count: 2) != Reseeding.seeds(from: 43, count: 2))
        #expect(Reseeding.seeds(from: 1, count: 0).isEmpty)
    }
}
