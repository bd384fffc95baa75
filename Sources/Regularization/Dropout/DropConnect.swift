/// DropConnect (Wan et al. 2013): drops individual **weights** instead of activations, with the
/// same inverted scaling, so the expected weight matrix is unchanged.
public struct DropConnect: Sendable, Hashable {
    /// The probability of zeroing a weight, in [0, 1].
    public var rate: Double

    /// Creates a DropConnect with the given drop probability.
    public init(rate: Double) {
        precondition(rate >= 0 && rate <= 1, "DropConnect rate \(rate) must be in [0, 1]")
        self.rate = rate
    }

    /// The weights to use for one training step: `W · M / (1 − rate)` with a fresh mask `M`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func apply<S: TensorScalar>(_ weights: Tensor<S>, using generator: inout SeededGenerator) -> Tensor<S> {
        Dropout(rate: rate)(weights, training: true, using: &generator)
    }
}
