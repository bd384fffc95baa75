import Charts
import Foundation
import Testing

/// Freedman–Diaconis binning against numpy (fixture: Fixtures/make_histogram_fixture.py).
struct HistogramTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let n: Int
            let k: Int
            let edges: [Double]
            let counts: [Double]
        }
        let cases: [Case]
    }

    static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/histogram_fd.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func freedmanDiaconisMatchesNumpy() throws {
        for c in try HistogramTests.load().cases {
            let values = (0..<c.n).map { (i: Int) -> Double in
                let t = Double(i)
                let wave: Double = 3 * sin(t * 0.7 + Double(c.k)) * cos(t * 0.013)
                return wave + Double(i % 7) * 0.1
            }
            let edges = Binning.freedmanDiaconisEdges(values)
            #expect(edges.count == c.edges.count, "n=\(c.n)")
            for (a, b) in zip(edges, c.edges) {
                let tolerance: Double = 1e-9 * max(1.0, abs(b))
                #expect(abs(a - b) <= tolerance)
            }
            #expect(Binning.counts(values, edges: edges) == c.counts)
        }
    }

    @Test func densityIntegratesToOne() {
        let mark = HistogramMark(name: "h", values: (0..<100).map { Double($0 % 17) }, edges: [0, 2, 5, 10, 16], density: true)
        let (edges, heights) = Binning.bars(mark)
        let area = zip(heights, zip(edges.dropFirst(), edges)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
        #expect(abs(area - 1) < 1e-12)
    }
}
