import Charts

/// One line on the events channel from a chapter program to the host, JSON-encoded.
///
/// The channel is a file named by the `NORMBOOK_EVENTS` environment variable; each event is
/// one line. Printed text travels on stdout and is placed between events by markers (see
/// `StreamMarker`), so the host can show text, charts and tables in the order they happened.
public struct RuntimeEvent: Codable, Sendable, Equatable {
    /// The block (0-based, counting executed blocks in chapter order) that produced the event.
    public var cell: Int
    /// A sequence number, unique within one run, also written as a marker into stdout.
    public var sequence: Int
    /// What happened.
    public var payload: Payload

    /// Creates an event.
    public init(cell: Int, sequence: Int, payload: Payload) {
        self.cell = cell
        self.sequence = sequence
        self.payload = payload
    }

    /// The kinds of event.
    public enum Payload: Codable, Sendable, Equatable {
        /// Block `cell` begins.
        case cellStarted
        /// Block `cell` ran to its end.
        case cellFinished
        /// A chart to draw as a figure.
        case chart(Chart)
        /// A table to show.
        case table(Table)
        /// A named value recorded with `record(_:_:)`.
        case value(name: String, value: Value)
        /// A claim decided from evidence.
        case claim(ClaimRecord)
        /// The value of the `index`-th inline expression (`{swift} expr` in prose).
        case inline(index: Int, value: Value)
    }
}
