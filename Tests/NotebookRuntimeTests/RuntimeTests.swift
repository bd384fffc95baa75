#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import NotebookProtocol
import Testing

@testable import NotebookRuntime

/// What chapter code calls, through the real events channel: the channel opens the file named
/// by NORMBOOK_EVENTS once per process, so one test drives it in order.
@Suite(.serialized)
struct RuntimeTests {
    @Test func claimsInlineValuesAndCellsReachTheEventsFile() throws {
        let events = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-runtime-\(UUID().uuidString).jsonl")
        setenv(RuntimeEnvironment.eventsPath, events.path, 1)
        setenv(RuntimeEnvironment.seed, "1234", 1)
        #expect(ChapterContext.seed == 1234)

        _normbookBeginCell(0)
        let verdict = decide("after exceeds before", evidence: ["after": 2.0, "before": 1.0], rule: Ev("after") > Ev("before"))
        #expect(verdict == .holds)
        let stochastic = decide("mostly", seeds: [1, 2, 3], atLeast: 2, rule: Ev("seed") < 3) { seed in
            ["seed": .integer(Int(seed))]
        }
        #expect(stochastic == .holds)
        let compound = decide("both", parts: [
            .part("up", "it rises", evidence: ["a": 1.0, "b": 2.0], rule: Ev("b") > Ev("a")),
            .part("far", "by a lot", evidence: ["a": 1.0, "b": 2.0], rule: (Ev("b") - Ev("a")) / Ev("a") >= 2),
        ])
        #expect(compound == .partly)
        _normbookBeginCell(1)
        notTestable("a definition", because: "it names an API")
        _normbookInline(0) { 1.5 }
        _normbookInline(1) { Float(2) }
        _normbookInline(2) { 7 }
        _normbookInline(3) { [1, 2] }
        _normbookFinish()

        let decoder = JSONCoding.decoder()
        let lines = try String(contentsOf: events, encoding: .utf8).split(separator: "\n")
        let decoded = try lines.map { try decoder.decode(RuntimeEvent.self, from: Data($0.utf8)) }
        #expect(decoded.map(\.sequence) == Array(1...decoded.count))
        let claims = decoded.compactMap { event -> (Int, ClaimRecord)? in
            if case .claim(let record) = event.payload { return (event.cell, record) } else { return nil }
        }
        #expect(claims.map(\.0) == [0, 0, 0, 1])
        // No verdict travels: the host decides from the parts' rules.
        #expect(try claims.map { try ClaimDecision($0.1).verdict } == [.holds, .holds, .partly, .notTestable])
        #expect(claims[0].1.parts.first?.evidence.map(\.name) == ["after", "before"])
        #expect(claims[1].1.parts.first?.trials?.map(\.seed) == [1, 2, 3] && claims[1].1.parts.first?.quorum == 2)
        #expect(claims[2].1.parts.map(\.name) == ["up", "far"])
        #expect(claims[3].1.notTestableReason == "it names an API" && claims[3].1.parts.isEmpty)
        let inline = decoded.compactMap { event -> Value? in
            if case .inline(_, let value) = event.payload { return value } else { return nil }
        }
        #expect(inline == [.number(1.5), .number(2), .integer(7), .text("[1, 2]")])
        let cells = decoded.compactMap { event -> String? in
            switch event.payload {
            case .cellStarted: return "start \(event.cell)"
            case .cellFinished: return "end \(event.cell)"
            default: return nil
            }
        }
        #expect(cells == ["start 0", "end 0", "start 1", "end 1"])
    }
}
