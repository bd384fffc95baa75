/// Per-parameter settings that override an optimizer's defaults (PyTorch's parameter groups),
/// e.g. no weight decay on biases.
public struct ParameterOptions: Sendable, Hashable {
    /// The learning rate for these parameters, or `nil` for the optimizer's.
    public var learningRate: Double?
    /// The weight decay for these parameters, or `nil` for the optimizer's.
    public var weightDecay: WeightDecay?

    /// Creates overrides; omitted values keep the optimizer's defaults.
    public init(learningRate: Double? = nil, weightDecay: WeightDecay? = nil) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }
}
