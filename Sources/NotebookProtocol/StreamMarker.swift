/// The markers a chapter program writes into its stdout and stderr so the host can attribute
/// printed text to blocks and interleave it with events.
///
/// A marker is a whole line: the record separator U+001E, a tag and a number. Chapter code
/// never prints U+001E by accident, and the line is removed before the text is shown.
public enum StreamMarker: Equatable, Sendable {
    /// Block `cell` begins.
    case cell(Int)
    /// The event with this sequence number was emitted here.
    case event(Int)

    /// The line written to the stream (without the newline).
    public var line: String {
        switch self {
        case .cell(let k): return "\u{1E}normbook:cell:\(k)"
        case .event(let n): return "\u{1E}normbook:event:\(n)"
        }
    }

    /// Parses a line written by `line`, or returns nil for ordinary text.
    public init?(line: Substring) {
        guard line.first == "\u{1E}" else { return nil }
        let parts = line.dropFirst().split(separator: ":")
        guard parts.count == 3, parts[0] == "normbook", let n = Int(parts[2]) else { return nil }
        switch parts[1] {
        case "cell": self = .cell(n)
        case "event": self = .event(n)
        default: return nil
        }
    }
}

/// Environment variables shared by the host and chapter programs.
public enum RuntimeEnvironment {
    /// The path of the events file the runtime appends JSON lines to.
    public static let eventsPath = "NORMBOOK_EVENTS"
    /// The chapter's seed from its front matter (decimal), for `Notebook.seed`.
    public static let seed = "NORMBOOK_SEED"
    /// The chapter's scratch folder, the one place a sandboxed chapter may write files.
    public static let scratch = "NORMBOOK_SCRATCH"
}
