import Foundation
import NotebookProtocol
import Testing

/// The protocol between chapter programs and the host: markers, events and their JSON.
struct ProtocolTests {
    @Test func markersRoundTripAndOrdinaryTextIsNoMarker() {
        for marker in [StreamMarker.cell(0), .cell(12), .event(7)] {
            #expect(StreamMarker(line: Substring(marker.line)) == marker)
        }
        for text in ["normbook:cell:1", "\u{1E}normbook:cell:x", "\u{1E}normbook:other:1", "\u{1E}normbook:cell", "plain"] {
            #expect(StreamMarker(line: Substring(text)) == nil, "\(text) read as a marker")
        }
    }

    @Test func eventsRoundTripWithNonFiniteNumbers() throws {
        let events = [
            RuntimeEvent(cell: 0, sequence: 1, payload: .cellStarted),
            RuntimeEvent(cell: 1, sequence: 2, payload: .value(name: "loss", value: .number(.infinity))),
            RuntimeEvent(cell: 1, sequence: 3, payload: .inline(index: 4, value: .number(-.infinity))),
            RuntimeEvent(cell: 2, sequence: 4, payload: .claim(ClaimRecord(
                id: "000-a", statement: "s",
                parts: [ClaimPartRecord(
                    name: nil, statement: "s", rule: .comparison(.evidence("ratio"), .greater, .constant(1)),
                    evidence: [Evidence("ratio", .number(.nan))])]))),
        ]
        let encoder = JSONCoding.encoder(), decoder = JSONCoding.decoder()
        for event in events {
            let data = try encoder.encode(event)
            let back = try decoder.decode(RuntimeEvent.self, from: data)
            if case .claim(let record) = back.payload {
                #expect(record.parts.first?.evidence.first?.value.doubleValue?.isNaN == true)  // NaN is never == itself
                #expect(record.parts.first?.rule == .comparison(.evidence("ratio"), .greater, .constant(1)))
            } else {
                #expect(back == event)
            }
        }
        let line = String(decoding: try encoder.encode(events[1]), as: UTF8.self)
        #expect(line.contains(#""inf""#) && !line.contains("\n"))
    }

    @Test func valuesFormatAsTheyAreShown() {
        #expect(Value.number(0.1 + 0.2).formatted == "0.3")
        #expect(Value.integer(42).formatted == "42")
        #expect(Value.bool(true).formatted == "true")
        #expect(Value.text("x").doubleValue == nil)
        #expect(Value.text("2.5").doubleValue == 2.5)
    }

    @Test func verdictNamesAreTheOnesBlockOptionsUse() {
        #expect(Verdict.allCases.map(\.rawValue) == ["holds", "refuted", "partly", "not testable"])
    }
}
