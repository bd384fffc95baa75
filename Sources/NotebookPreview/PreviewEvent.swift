import Foundation

/// What the preview server pushes to open pages (as server-sent events, one JSON object per
/// event's `data:` line).
enum PreviewEvent: Sendable, Equatable {
    /// A rebuild started, because these files changed.
    case building(changed: [String])
    /// These pages (file names in the report, e.g. `01-norms.html`, `index.html`) changed: a
    /// page showing one of them reloads.
    case reload(pages: [String])
    /// The errors of the last build; empty once they are fixed (the overlay goes away).
    case problems([PreviewProblem])

    private struct Payload: Encodable {
        var type: String
        var changed: [String]?
        var pages: [String]?
        var problems: [PreviewProblem]?
    }

    /// The JSON object sent.
    var json: String {
        let payload: Payload
        switch self {
        case .building(let changed): payload = Payload(type: "building", changed: changed)
        case .reload(let pages): payload = Payload(type: "reload", pages: pages)
        case .problems(let problems): payload = Payload(type: "problems", problems: problems)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The event as the `text/event-stream` wire format wants it.
    var serverSentEvent: String { "data: \(json)\n\n" }
}
