/// What one training step did.
public struct StepResult: Sendable, Equatable {
    /// The batch loss (data loss plus penalty), NaN or infinite when the step was refused.
    public var loss: Double
    /// The global L2 norm of all gradients before clipping.
    public var normBefore: Double
    /// The global L2 norm after clipping (equal to `normBefore` when nothing was clipped).
    public var normAfter: Double
    /// Whether clipping changed the gradients.
    public var clipped: Bool
    /// ‖∂L/∂W‖₂ of each layer's weight matrix, before clipping.
    public var layerNorms: [Double]
}
