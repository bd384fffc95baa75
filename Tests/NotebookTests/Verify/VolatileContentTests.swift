import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

struct VolatileContentTests {
    @Test func volatileHTMLRegionsAreIgnoredByTheTextComparison() {
        let a = "<p>fixed 1.5</p>\n<!--normbook:volatile--><pre>12.3 µs</pre>\n<p>3 lines</p><!--/normbook:volatile-->\n<p>end</p>"
        let b = "<p>fixed 1.5</p>\n<!--normbook:volatile--><pre>97.1 µs</pre><!--/normbook:volatile-->\n<p>end</p>"
        #expect(VolatileContent.strippingRegions(from: a) == VolatileContent.strippingRegions(from: b))
        #expect(ReportComparator.textMatches(VolatileContent.strippingRegions(from: a), VolatileContent.strippingRegions(from: b)))
        let changedOutside = b.replacingOccurrences(of: "fixed 1.5", with: "fixed 2.5")
        #expect(VolatileContent.strippingRegions(from: a) != VolatileContent.strippingRegions(from: changedOutside))
    }

    /// A chapter with a volatile block (a timing and a claim on it), a volatile inline value
    /// and a stable one.
    static func timingChapter(microseconds: Double, verdict: Verdict = .partly, stable: Double = 3.5) -> ChapterResult {
        var options = BlockOptions()
        options.volatile = true
        let claim = ClaimResult(
            id: "003-g", statement: "slower", quote: nil, source: nil, verdict: verdict, expected: .partly,
            parts: [ClaimPartResult(
                id: "003-g", statement: "slower", rule: .comparison(.evidence("µs"), .greater, .constant(10)), evidence: [Evidence("µs", .number(microseconds))],
                decision: PartDecision(
                    verdict: verdict == .holds ? .holds : .refuted, explanation: "µs \(microseconds) > 10",
                    margin: .relative(abs(microseconds - 10) / max(microseconds, 10))))],
            notTestableReason: nil, rationale: "\(microseconds) µs",
            figures: [])
        let block = BlockResult(
            index: 0, language: "swift", code: "time()", line: 3, options: options, status: .succeeded,
            outputs: [.text("\(microseconds) µs")], diagnostics: [], claims: [claim])
        let prose = ChapterResult.Segment.prose(markdown: "`{swift volatile} t` and `{swift} n`", line: 8, inline: [
            InlineValue(expression: "t", value: .number(microseconds), volatile: true),
            InlineValue(expression: "n", value: .number(stable), volatile: nil),
        ])
        return ChapterResult(
            file: "chapters/t.md", slug: "t", title: "T", status: .succeeded, segments: [.block(block), prose],
            diagnostics: [], values: [:], provenance: Provenance(normbook: "0", compiler: "c", blas: "b", seed: 1))
    }

    @Test func volatileBlocksKeepOnlyTheirStatusAndVerdicts() throws {
        let fast = Self.timingChapter(microseconds: 12), slow = Self.timingChapter(microseconds: 97)
        #expect(fast != slow)
        #expect(fast.agreesOutsideVolatileContent(with: slow))
        // What must still agree: the verdicts, and everything that is not volatile.
        #expect(!fast.agreesOutsideVolatileContent(with: Self.timingChapter(microseconds: 12, verdict: .refuted)))
        #expect(!fast.agreesOutsideVolatileContent(with: Self.timingChapter(microseconds: 12, stable: 4.5)))

        let reduced = fast.withoutVolatileContent()
        let block = try #require(reduced.blocks.first)
        #expect(block.outputs.isEmpty && block.claims.first?.parts.first?.evidence.isEmpty == true
            && block.claims.first?.parts.first?.decision.margin == nil)
        #expect(block.claims.first?.verdict == .partly)

        // The results file the verifier compares is reduced by the same rule.
        let store = ResultsStore()
        let a = try #require(VolatileContent.reducing(resultsFile: try store.encode(fast)))
        let b = try #require(VolatileContent.reducing(resultsFile: try store.encode(slow)))
        #expect(a == b)
        #expect(VolatileContent.reducing(resultsFile: Data("{\"not\": \"a result\"}".utf8)) == nil)
    }

    @Test func aVolatileBlockIsMarkedInItsOptions() {
        let (document, diagnostics) = ChapterParser().parse("```swift\n//| volatile: true\nlet t = 1\n```\n", file: "chapters/v.md")
        #expect(diagnostics.isEmpty)
        #expect(document.executedBlocks.first?.options.volatile == true)
        #expect(InlineExpression.find(in: "took `{swift volatile} t` s", firstLine: 1, codeLines: []).first?.volatile == true)
    }
}
