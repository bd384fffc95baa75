/// Inverted dropout: in training, each element is kept with probability 1 − rate and the kept
/// ones are scaled by 1 / (1 − rate), so the expected output equals the input; in evaluation
/// the input passes unchanged (`torch.nn.Dropout`).
public struct Dropout: Sendable, Hashable {
    /// The probability of zeroing an element, in [0, 1].
    public var rate: Double

    /// Creates a dropout with the given drop probability.
    public init(rate: Double) {
        precondition(rate >= 0 && rate <= 1, "Dropout rate \(rate) must be in [0, 1]")
        self.rate = rate
    }

    /// The factor applied to kept elements, 1 / (1 − rate) (0 when rate is 1, as torch).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func scale<S: TensorScalar>(as type: S.Type = S.self) -> S {
        rate >= 1 ? 0 : 1 / (1 - S(rate))
    }

    /// Draws a keep mask (1 = kept, 0 = dropped) of the given shape.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func mask<S: TensorScalar>(_ shape: [Int], using generator: inout SeededGenerator) -> Tensor<S> {
        Tensor<S>.bernoulli(shape, probability: 1 - rate, using: &generator)
    }

    /// Applies a given keep mask: `x · mask / (1 − rate)`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func apply<S: TensorScalar>(_ x: Tensor<S>, mask: Tensor<S>) -> Tensor<S> {
        precondition(x.shape == mask.shape, "Dropout mask of shape \(mask.shape) for input of shape \(x.shape)")
        let s: S = scale()
        return x.zipWith(mask) { $0 * $1 * s }
    }

    /// Dropout in training mode (`training: true`, draws a mask) or evaluation mode (identity).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func callAsFunction<S: TensorScalar>(
        _ x: Tensor<S>, training: Bool, using generator: inout SeededGenerator
    ) -> Tensor<S> {
        guard training, rate > 0 else { return x }
        return apply(x, mask: mask(x.shape, using: &generator))
    }
}
