/// RMSprop with PyTorch's `torch.optim.RMSprop` formulas:
///
/// s ← αs + (1 − α)g²; (centered: ḡ ← ḡ + (1 − α)(g − ḡ), s̃ = s − ḡ²);
/// d = √s̃ + ε; with momentum b ← μb + g/d, w ← w − lr·b; else w ← w − lr·g/d.
public struct RMSprop<Scalar: TensorScalar>: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// α, the decay of the squared-gradient average.
    public var alpha: Double
    /// ε, added to the denominator.
    public var epsilon: Double
    /// The momentum μ (0 = none).
    public var momentum: Double
    /// Normalise by the variance instead of the second moment.
    public var centered: Bool
    /// Weight decay (`.coupled(λ)` is torch's `weight_decay=λ`).
    public var weightDecay: WeightDecay
    /// Per-slot overrides (parameter groups).
    public var overrides: [Int: ParameterOptions] = [:]

    var states: [State] = []
    var scratch: [Scalar] = []

    struct State: Sendable {
        var square: [Scalar] = []
        var average: [Scalar] = []
        var buffer: [Scalar] = []
    }

    /// Creates an RMSprop optimizer; defaults are torch's.
    public init(
        learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8, momentum: Double = 0,
        centered: Bool = false, weightDecay: WeightDecay = .none
    ) {
        precondition(learningRate >= 0, "RMSprop learningRate \(learningRate) must be ≥ 0")
        precondition(alpha >= 0 && alpha <= 1, "RMSprop alpha \(alpha) must be in [0, 1]")
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
        self.weightDecay = weightDecay
    }

    /// One RMSprop update of a parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(
        _ p: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>, slot: Int,
        learningRate lr: Double, weightDecay: WeightDecay
    ) {
        let coupled = applyWeightDecay(weightDecay, learningRate: lr, parameter: p, gradient: gradient, scratch: &scratch)
        let n = p.count
        while states.count <= slot { states.append(State()) }
        var state = states[slot]
        states[slot] = State()
        if state.square.count != n {
            state = State(
                square: [Scalar](repeating: 0, count: n), average: centered ? [Scalar](repeating: 0, count: n) : [],
                buffer: momentum > 0 ? [Scalar](repeating: 0, count: n) : [])
        }
        let a = Scalar(alpha)
        let oneMinusA = Scalar(1 - alpha)
        let eps = Scalar(epsilon)
        let mu = Scalar(momentum)
        let step = Scalar(lr)
        let centered = self.centered
        let scratchCopy = scratch
        scratchCopy.withUnsafeBufferPointer { s in
            let g = coupled ? s : gradient
            for i in 0..<n {
                state.square[i] = state.square[i] * a + oneMinusA * g[i] * g[i]
                var variance = state.square[i]
                if centered {
                    let w = oneMinusA
                    state.average[i] = w < 0.5 ? state.average[i] + w * (g[i] - state.average[i]) : g[i] - (g[i] - state.average[i]) * (1 - w)
                    variance = variance + -1 * state.average[i] * state.average[i]
                }
                let denom = variance.squareRoot() + eps
                if mu > 0 {
                    state.buffer[i] = state.buffer[i] * mu + g[i] / denom
                    p[i] += -step * state.buffer[i]
                } else {
                    p[i] += -step * g[i] / denom
                }
            }
        }
        states[slot] = state
    }
}
