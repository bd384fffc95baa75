import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

/// The live preview's memo: reuse only for equal inputs, and a report rendered with it is the
/// same bytes as one rendered without it.
struct RebuildMemoTests {
    @Test func aValueIsReusedOnlyForEqualInputsUnderItsName() {
        let memo = RebuildMemo()
        var made = 0
        func value(_ name: String, _ inputs: String) -> String {
            memo.value(name, inputs: inputs) { made += 1; return "\(name):\(inputs):\(made)" }
        }
        #expect(value("a", "x") == "a:x:1")
        #expect(value("a", "x") == "a:x:1")  // same name, equal inputs: reused
        #expect(value("a", "y") == "a:y:2")  // new inputs: made again and kept instead
        #expect(value("a", "x") == "a:x:3")  // one entry per name: the old one is gone
        #expect(value("b", "x") == "b:x:4")  // another name
        #expect(memo.counts.hits == 1 && memo.counts.misses == 4)
        // Inputs of another type under the same name are not mistaken for equal.
        #expect(memo.value("b", inputs: 1) { "int" } == "int")
    }

    @Test func aFailedMakeKeepsNothing() {
        struct Failure: Error {}
        let memo = RebuildMemo()
        #expect(throws: Failure.self) { try memo.value("a", inputs: 1) { () throws -> Int in throw Failure() } }
        #expect(memo.value("a", inputs: 1) { 7 } == 7)
    }

    /// Every file of `folder`, by relative path.
    func files(_ folder: URL) throws -> [String: Data] {
        let fm = FileManager.default
        var out: [String: Data] = [:]
        for case let path as String in fm.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(path).path
            if fm.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue { out[path] = fm.contents(atPath: full) }
        }
        return out
    }

    @Test func aReportRenderedWithTheMemoIsTheBytesOfOneRenderedWithout() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let first = [
            sampleChapter(slug: "01-a", title: "Alpha", prose: "# Alpha\n\nFirst words.\n\n## Part\n", points: [1, 2, 3]),
            sampleChapter(slug: "02-b", title: "Beta", prose: "# Beta\n\nOther words.\n", points: [3, 1, 2]),
        ]
        // Edits a rebuild sees in turn: a word of prose, a chapter title (every page's sidebar),
        // a figure's data, and back to the start.
        var prose = first
        prose[0] = sampleChapter(slug: "01-a", title: "Alpha", prose: "# Alpha\n\nFirst word changed.\n\n## Part\n", points: [1, 2, 3])
        var title = prose
        title[1] = sampleChapter(slug: "02-b", title: "Beta renamed", prose: "# Beta renamed\n\nOther words.\n", points: [3, 1, 2])
        var figure = title
        figure[1] = sampleChapter(slug: "02-b", title: "Beta renamed", prose: "# Beta renamed\n\nOther words.\n", points: [3, 1, 9])

        let memo = RebuildMemo()
        var previous: URL? = nil
        for (step, results) in [first, prose, title, figure, first].enumerated() {
            var memoized = ReportRenderer(reportTitle: "R", version: "0")
            memoized.memo = memo
            memoized.previousReport = previous
            let withMemo = base.appendingPathComponent("memo-\(step)")
            let fresh = base.appendingPathComponent("fresh-\(step)")
            try memoized.render(results, into: withMemo)
            try ReportRenderer(reportTitle: "R", version: "0").render(results, into: fresh)
            let (a, b) = (try files(withMemo), try files(fresh))
            #expect(a.keys.sorted() == b.keys.sorted(), "step \(step)")
            for (path, data) in b { #expect(a[path] == data, "step \(step): \(path) differs") }
            previous = withMemo
        }
        // The memo was used: every step after the first reused the unchanged chapter's body.
        #expect(memo.counts.hits > 0)
    }
}
