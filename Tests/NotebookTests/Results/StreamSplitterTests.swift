import NotebookProtocol
import Testing

@testable import Notebook

struct StreamSplitterTests {
    @Test func textIsAttributedToBlocksAndInterleavedWithEvents() {
        let stdout = [
            StreamMarker.cell(0).line, "a", "b", StreamMarker.event(2).line, "c",
            StreamMarker.cell(1).line, StreamMarker.cell(2).line, "d",
        ].joined(separator: "\n") + "\n"
        let stderr = [StreamMarker.cell(0).line, StreamMarker.cell(1).line, "warn", ""].joined(separator: "\n")
        let split = StreamSplitter.split(stdout: stdout, stderr: stderr)
        #expect(split.stdout[0] == [.text("a\nb"), .event(2), .text("c")])
        #expect(split.stdout[1] == nil)
        #expect(split.stdout[2] == [.text("d")])
        #expect(split.stderr == [1: "warn"])
    }
}
