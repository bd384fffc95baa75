/// Why training ended.
public enum StopReason: Sendable, Equatable, Codable, CustomStringConvertible {
    /// All epochs ran.
    case completed
    /// The loss became NaN or infinite; no further steps were taken.
    case nonFiniteLoss(epoch: Int, step: Int, loss: Double)

    /// A sentence for reports.
    public var description: String {
        switch self {
        case .completed: return "completed"
        case .nonFiniteLoss(let e, let s, let l): return "stopped: loss \(l) at epoch \(e), step \(s)"
        }
    }
}
