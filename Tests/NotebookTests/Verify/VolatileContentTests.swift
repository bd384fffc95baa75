import Foundation
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

    @Test func volatileBlocksKeepOnlyTheirStatusAndVerdicts() throws {
        let block: [String: Any] = [
            "index": 2, "line": 40, "code": "time()", "status": "succeeded", "options": ["volatile": true],
            "outputs": [["kind": "text", "text": "12 µs"]],
            "claims": [["id": "003-g", "verdict": "partly", "expected": "partly", "evidence": [["name": "µs", "value": 12]]]],
        ]
        let reduced = try #require(VolatileContent.reducing(["segments": [block]]) as? [String: Any])
        let kept = try #require((reduced["segments"] as? [[String: Any]])?.first)
        #expect(kept["outputs"] == nil)
        let claim = try #require((kept["claims"] as? [[String: Any]])?.first)
        #expect(claim["verdict"] as? String == "partly")
        #expect(claim["evidence"] == nil)

        let inline: [String: Any] = ["expression": "t", "value": ["number": 3.5], "volatile": true]
        #expect((VolatileContent.reducing(inline) as? [String: Any])?["value"] == nil)
        let stable: [String: Any] = ["expression": "n", "value": ["number": 3.5]]
        #expect((VolatileContent.reducing(stable) as? [String: Any])?["value"] != nil)
    }

    @Test func aVolatileBlockIsMarkedInItsOptions() {
        let (document, diagnostics) = ChapterParser().parse("```swift\n//| volatile: true\nlet t = 1\n```\n", file: "chapters/v.md")
        #expect(diagnostics.isEmpty)
        #expect(document.executedBlocks.first?.options.volatile == true)
        #expect(InlineExpression.find(in: "took `{swift volatile} t` s", firstLine: 1).first?.volatile == true)
    }
}
