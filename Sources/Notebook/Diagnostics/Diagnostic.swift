/// A message about a chapter, with where it points and what to do about it.
public struct Diagnostic: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Codable, Sendable {
        /// The chapter cannot be built as written.
        case error
        /// The chapter builds, but something is probably wrong.
        case warning
        /// Extra information attached to another diagnostic.
        case note
    }

    /// How serious it is.
    public var severity: Severity
    /// Where it points, when known.
    public var location: SourceLocation?
    /// What is wrong.
    public var message: String
    /// What to do about it, when there is something to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: error: message`, followed by the hint on its own line.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}
