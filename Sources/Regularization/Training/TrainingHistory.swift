/// The per-epoch records of a training run and why it stopped.
public struct TrainingHistory: Sendable, Equatable, Codable {
    /// One record per completed epoch.
    public var epochs: [EpochRecord] = []
    /// Why the run ended.
    public var stopReason: StopReason = .completed

    /// Creates an empty history.
    public init() {}

    /// The last epoch's record, if any.
    public var last: EpochRecord? { epochs.last }
    /// True when the run stopped on a non-finite loss.
    public var diverged: Bool { stopReason != .completed }
}
