import NotebookProtocol
import Testing

@testable import Notebook

struct ClaimAssemblyTests {
    func block(_ options: String) -> CodeBlock {
        let (document, _) = ChapterParser().parse("```swift\n\(options)\nlet x = 1\n```\n", file: "chapters/c.md")
        return document.executedBlocks[0]
    }

    let record = ClaimRecord(id: nil, statement: "s", verdict: .refuted, evidence: [Evidence("x", .number(1))])

    @Test func aClaimTakesItsIdQuoteSourceAndExpectationFromTheBlock() {
        let b = block("//| claim: 000-d\n//| expect: refuted\n//| quote: 原文\n//| source: 000 l.5")
        let (claims, problems) = ResultAssembler.claims(of: b, records: [record], outputs: [], file: "chapters/c.md")
        #expect(problems.isEmpty)
        #expect(claims.first?.id == "000-d")
        #expect(claims.first?.quote == "原文")
        #expect(claims.first?.isExpected == true)
        #expect(claims.first?.document == "000")
    }

    @Test func anUnexpectedVerdictIsAWarningAndAMissingDecisionAnError() {
        let b = block("//| claim: 000-d\n//| expect: holds")
        let (_, mismatch) = ResultAssembler.claims(of: b, records: [record], outputs: [], file: "chapters/c.md")
        #expect(mismatch.map(\.severity) == [.warning])
        #expect(mismatch.first?.message.contains("expects 'holds'") == true)

        let (_, missing) = ResultAssembler.claims(of: b, records: [], outputs: [], file: "chapters/c.md")
        #expect(missing.first?.severity == .error)
        #expect(missing.first?.message == "the block declares claim 000-d but never decides it")
    }

    @Test func decidingWithoutAClaimIdIsAnError() {
        let (claims, problems) = ResultAssembler.claims(of: block("//| echo: true"), records: [record], outputs: [], file: "chapters/c.md")
        #expect(claims.isEmpty)
        #expect(problems.first?.severity == .error)
    }

    @Test(arguments: [
        ([true, true], Verdict.holds), ([false, false], .refuted), ([true, false], .partly),
    ])
    func verdictsAreComputedFromConditions(held: [Bool], expected: Verdict) {
        #expect(Verdict.judging(held) == expected)
    }

    @Test func aQuorumDecidesStochasticClaims() {
        #expect(Verdict.quorum([.holds, .holds, .holds, .holds, .refuted], 4) == .holds)
        #expect(Verdict.quorum([.holds, .holds, .holds, .refuted, .refuted], 4) == .partly)
        #expect(Verdict.quorum([.refuted, .refuted, .refuted, .refuted, .holds], 4) == .refuted)
    }
}
