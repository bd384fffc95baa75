import NotebookProtocol
import Testing

@testable import Notebook

struct ClaimAssemblyTests {
    func block(_ options: String) -> CodeBlock {
        let (document, _) = ChapterParser().parse("```swift\n\(options)\nlet x = 1\n```\n", file: "chapters/c.md")
        return document.executedBlocks[0]
    }

    let record = ClaimRecord(
        id: nil, statement: "s",
        parts: [ClaimPartRecord(name: nil, statement: "s", rule: .comparison(.evidence("x"), .greater, .constant(2)), evidence: [Evidence("x", .number(1))])])

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

    @Test func aRuleOverMissingEvidenceIsAnErrorAtTheBlock() {
        let wrong = ClaimRecord(
            id: nil, statement: "s",
            parts: [ClaimPartRecord(name: nil, statement: "s", rule: .comparison(.evidence("y"), .greater, .constant(2)), evidence: [Evidence("x", .number(1))])])
        let b = block("//| claim: 000-d\n//| expect: refuted")
        let (claims, problems) = ResultAssembler.claims(of: b, records: [wrong], outputs: [], file: "chapters/c.md")
        #expect(claims.isEmpty)
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.location?.line == 1)
        #expect(problems.first?.message.contains("the rule reads evidence 'y', which is not given") == true)
    }

    @Test func partsGetIdsUnderTheClaimAndTheHostDerivesTheVerdict() throws {
        func part(_ name: String, _ x: Double) -> ClaimPartRecord {
            ClaimPartRecord(name: name, statement: name, rule: .comparison(.evidence("x"), .greater, .constant(0)), evidence: [Evidence("x", .number(x))])
        }
        let b = block("//| claim: 000-b\n//| expect: partly")
        let compound = ClaimRecord(id: nil, statement: "s", parts: [part("vanishing", 1), part("exploding", -1)])
        let (claims, problems) = ResultAssembler.claims(of: b, records: [compound], outputs: [], file: "chapters/c.md")
        #expect(problems.isEmpty)
        let claim = try #require(claims.first)
        #expect(claim.verdict == .partly && claim.isExpected)
        #expect(claim.parts.map(\.id) == ["000-b.vanishing", "000-b.exploding"])
        #expect(claim.parts.map(\.decision.verdict) == [.holds, .refuted])
    }
}
