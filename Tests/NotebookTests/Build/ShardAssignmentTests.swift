import Foundation
import Testing

@testable import Notebook

@Suite("Shards: parsing I/N and which chapters each shard runs")
struct ShardAssignmentTests {
    static let chapters = ["01-norms", "02-clipping", "03-frameworks", "04-l2", "05-pytorch", "06-gradients", "99-gallery"]

    @Test("I/N parses; 0/3, 4/3, 1/0, x, 1/ and 1/2/3 are refused with a message")
    func parsing() throws {
        let shard = try Shard(parsing: "2/3")
        #expect(shard.index == 2 && shard.count == 3 && shard.description == "2/3")
        #expect(try Shard(parsing: "1/1") == Shard(index: 1, count: 1))
        for bad in ["0/3", "4/3", "1/0", "x", "1/", "/3", "1/2/3", "-1/3", ""] {
            #expect(throws: Shard.ParseError.self) { try Shard(parsing: bad) }
        }
        let error = try #require(throws: Shard.ParseError.self) { try Shard(parsing: "4/3") }
        #expect(error.description == "'4/3' is not a shard: shards are numbered from 1 to 3")
    }

    @Test("A manifest's shard out of range does not decode")
    func decoding() throws {
        let bad = Data(#"{"index": 4, "count": 3}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Shard.self, from: bad) }
        #expect(try JSONDecoder().decode(Shard.self, from: Data(#"{"index": 3, "count": 3}"#.utf8)) == Shard(index: 3, count: 3))
    }

    @Test("Every chapter is in exactly one shard, for every count")
    func partition() {
        for count in 1...9 {
            let shards = ShardAssignment.assign(Self.chapters, count: count, times: ["01-norms": 12, "04-l2": 30, "99-gallery": 2])
            #expect(shards.count == count)
            #expect(shards.flatMap { $0 }.sorted() == Self.chapters)
            #expect(Set(shards.flatMap { $0 }).count == Self.chapters.count)
            for shard in shards { #expect(shard == shard.sorted()) }
        }
    }

    @Test("Without times, chapters are dealt out in name order")
    func nameOrder() {
        let shards = ShardAssignment.assign(Self.chapters.reversed(), count: 3, times: [:])
        #expect(shards == [["01-norms", "04-l2", "99-gallery"], ["02-clipping", "05-pytorch"], ["03-frameworks", "06-gradients"]])
    }

    @Test("With times, the longest chapters go first to the least loaded shard")
    func balanced() {
        let times: [String: Double] = [
            "01-norms": 5, "02-clipping": 40, "03-frameworks": 20, "04-l2": 35, "05-pytorch": 10, "06-gradients": 15, "99-gallery": 8,
        ]
        let shards = ShardAssignment.assign(Self.chapters, count: 2, times: times)
        // 40 → A, 35 → B, 20 → B (55), 15 → A (55), 10 → A (65, tie goes to shard 1), 8 → B (63), 5 → B (68).
        #expect(shards == [["02-clipping", "05-pytorch", "06-gradients"], ["01-norms", "03-frameworks", "04-l2", "99-gallery"]])
        let loads = shards.map { $0.reduce(0) { $0 + (times[$1] ?? 0) } }
        #expect(abs(loads[0] - loads[1]) <= 8)
        // Name order alone would put 02, 04 and 06 (90 s) on one shard and 43 s on the other.
        let naive = ShardAssignment.assign(Self.chapters, count: 2, times: [:])
        let naiveLoads = naive.map { $0.reduce(0) { $0 + (times[$1] ?? 0) } }
        #expect(abs(naiveLoads[0] - naiveLoads[1]) > abs(loads[0] - loads[1]))
    }

    @Test("A chapter without a time weighs the mean of the others; equal weights go by name")
    func unknownAndTies() {
        let shards = ShardAssignment.assign(["a", "b", "c", "d"], count: 2, times: ["a": 10, "b": 10, "c": .nan])
        // c and d are unknown: mean 10. All equal: name order, dealt out.
        #expect(shards == [["a", "c"], ["b", "d"]])
    }

    @Test("The same inputs give the same split, whatever their order")
    func stable() {
        let times: [String: Double] = ["01-norms": 3.25, "02-clipping": 3.25, "04-l2": 7.5, "99-gallery": 0.125]
        let first = ShardAssignment.assign(Self.chapters, count: 3, times: times)
        for _ in 0..<20 {
            #expect(ShardAssignment.assign(Self.chapters.shuffled(), count: 3, times: times) == first)
        }
    }

    @Test("More shards than chapters leaves the last shards empty")
    func moreShardsThanChapters() {
        #expect(ShardAssignment.assign(["a", "b"], count: 4, times: [:]) == [["a"], ["b"], [], []])
    }

    @Test("Times are read from a report's results (only slug and buildSeconds)")
    func timesFromReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shard-times-\(UUID().uuidString)")
        let results = folder.appendingPathComponent("_results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        try Data(#"{"slug": "01-a", "buildSeconds": 2.5, "other": [1, 2]}"#.utf8).write(to: results.appendingPathComponent("01-a.json"))
        try Data(#"{"slug": "02-b"}"#.utf8).write(to: results.appendingPathComponent("02-b.json"))
        try Data("not json".utf8).write(to: results.appendingPathComponent("03-c.json"))
        #expect(ShardAssignment.times(inReport: folder) == ["01-a": 2.5])
        #expect(ShardAssignment.times(inReport: folder.appendingPathComponent("missing")).isEmpty)
    }
}
