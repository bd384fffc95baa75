import NotebookProtocol
import Testing

@testable import Notebook

struct OutputCaptureTests {
    func capture(_ chunks: [String], perBlock: Int, total: Int, tail: Int = 0) -> (text: String, cuts: [OutputCapture.Cut]) {
        var capture = OutputCapture(perBlock: perBlock, total: total, tail: tail)
        for chunk in chunks { capture.append(chunk) }
        return capture.finish()
    }

    @Test func textUnderTheLimitsIsKeptAsIs() {
        let text = "a\n" + StreamMarker.cell(1).line + "\nb\n" + StreamMarker.event(3).line + "\nc"
        let (kept, cuts) = capture([text], perBlock: 100, total: 1000)
        #expect(kept == text)
        #expect(cuts.isEmpty)
    }

    @Test func aBlockPastItsLimitIsCutWithANoteAndLaterBlocksKeepTheirText() {
        let marker = StreamMarker.cell(1).line
        let (kept, cuts) = capture([String(repeating: "x", count: 50) + "\n", "yyyy\n" + marker + "\nlater\n"], perBlock: 20, total: 1000)
        #expect(kept.hasPrefix(String(repeating: "x", count: 20) + "\n⋯ [normbook: output cut here at the block's limit of 20 bytes"))
        #expect(kept.contains("\n" + marker + "\nlater\n"))
        #expect(!kept.contains("yyyy"))
        #expect(cuts == [OutputCapture.Cut(cell: 0, droppedBytes: 31 + 5, chapterLimit: false)])
    }

    @Test func markersSplitAcrossChunksAreStillRecognised() {
        let marker = StreamMarker.cell(2).line + "\n"
        let middle = marker.utf8.count / 2
        let first = String(decoding: Array(marker.utf8)[..<middle], as: UTF8.self)
        let second = String(decoding: Array(marker.utf8)[middle...], as: UTF8.self)
        let (kept, cuts) = capture([String(repeating: "x", count: 10) + "\n" + first, second + "abc\n"], perBlock: 11, total: 1000)
        #expect(kept == String(repeating: "x", count: 10) + "\n" + marker + "abc\n")
        #expect(cuts.isEmpty)
    }

    @Test func theChapterLimitCutsEveryLaterBlock() {
        let text = (0..<4).map { StreamMarker.cell($0).line + "\n" + String(repeating: "z", count: 30) + "\n" }.joined()
        let (kept, cuts) = capture([text], perBlock: 100, total: 70)
        #expect(cuts.map(\.cell) == [2, 3])
        #expect(cuts.allSatisfy { $0.chapterLimit })
        #expect(kept.contains("the chapter's limit of 70 bytes"))
        #expect(kept.contains(StreamMarker.cell(3).line))  // markers survive the cut
    }

    @Test func aCutNeverSplitsACharacter() {
        let (kept, _) = capture([String(repeating: "é", count: 10)], perBlock: 5, total: 100)
        #expect(kept.hasPrefix("éé\n⋯"))  // 5 bytes hold two 2-byte characters, not two and a half
        #expect(!kept.contains("\u{FFFD}"))
    }

    @Test func theTailOfCutOutputIsKeptForCrashReports() {
        let noise = String(repeating: "noise line\n", count: 1000)
        let (kept, _) = capture([noise + "{\"kind\": \"crashReport\"}\n"], perBlock: 50, total: 100, tail: 64)
        #expect(kept.hasSuffix("{\"kind\": \"crashReport\"}\n"))
        #expect(kept.contains("of the cut output follow]"))
        #expect(kept.utf8.count < 400)
    }

    @Test func aLongLineStartingWithTheSeparatorIsText() {
        let line = "\u{1E}" + String(repeating: "q", count: 200) + "\n"
        let (kept, _) = capture([line], perBlock: 1000, total: 1000)
        #expect(kept == line)
    }
}
