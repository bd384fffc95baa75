/// One line of `normbook doctor`: what was checked, what was found, and what to do about it.
public struct DoctorFinding: Sendable, Equatable {
    /// How a check came out.
    public enum Status: String, Sendable {
        /// Works.
        case ok
        /// Works, with a caveat (e.g. no sandbox: builds need `--no-sandbox`).
        case warning
        /// Does not work: builds will fail until it is fixed.
        case failed
    }

    /// What was checked, e.g. "compiler".
    public var topic: String
    /// How it came out.
    public var status: Status
    /// What was found: a path, a version, a digest.
    public var detail: String
    /// What to do, when the status is not `ok`.
    public var hint: String?

    public init(_ topic: String, _ status: Status, _ detail: String, hint: String? = nil) {
        self.topic = topic
        self.status = status
        self.detail = detail
        self.hint = hint
    }
}
