import Charts
import Foundation
import NotebookProtocol
import Testing

@testable import Notebook

struct ResultsStoreTests {
    func sample() -> ChapterResult {
        let block = BlockResult(
            index: 0, language: "swift", code: "print(1)", line: 3, options: BlockOptions(), status: .succeeded,
            outputs: [
                .text("1"),
                .table(Table(columns: ["x"], rows: [[.number(.nan)], [.number(.infinity)], [.integer(2)]])),
                .figure(Figure(
                    number: 1, label: "fig-a", caption: "c",
                    chart: Chart.line(title: "t", x: "x", y: "y", series: [Series(name: "s", x: [0, 1], y: [1, .nan])]),
                    image: "figures/a-1.png")),
            ], diagnostics: [])
        return ChapterResult(
            file: "chapters/a.md", slug: "a", title: "A", status: .succeeded,
            segments: [.prose(markdown: "# A", line: 1, inline: [InlineValue(expression: "x", value: .number(2), volatile: nil)]), .block(block)], diagnostics: [],
            values: ["z": .number(1), "a": .text("x")],
            provenance: Provenance(normbook: "0", compiler: "swift", blas: "OpenBLAS", seed: 1))
    }

    @Test func resultsRoundTripIncludingNonFiniteNumbers() throws {
        let store = ResultsStore()
        let data = try store.encode(sample())
        let decoded = try store.decode(data, path: "a.json")
        #expect(try store.encode(decoded) == data)
        #expect(decoded.blocks[0].outputs.count == 3)
    }

    @Test func theEncodingIsCanonical() throws {
        let text = String(decoding: try ResultsStore().encode(sample()), as: UTF8.self)
        #expect(text.contains("\"nan\""))
        #expect(text.contains("\"kind\" : \"prose\""))
        // Keys are sorted, so "a" comes before "z" in the values.
        let a = try #require(text.range(of: "\"a\" : {"))
        let z = try #require(text.range(of: "\"z\" : {"))
        #expect(a.lowerBound < z.lowerBound)
    }

    @Test func aCorruptFileIsAnActionableError() {
        #expect(throws: NotebookError.self) { try ResultsStore().decode(Data("{".utf8), path: "output/_results/a.json") }
    }
}
