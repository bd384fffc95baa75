/// Adam with PyTorch's `torch.optim.Adam` formulas (and `AdamW` through `.decoupled` decay):
///
/// m ← m + (1 − β₁)(g − m); v ← β₂v + (1 − β₂)g²; (AMSGrad: v̂ ← max(v̂, v));
/// w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
public struct Adam<Scalar: TensorScalar>: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// β₁, the decay of the first-moment average.
    public var beta1: Double
    /// β₂, the decay of the second-moment average.
    public var beta2: Double
    /// ε, added to the denominator.
    public var epsilon: Double
    /// Use the maximum of past second moments (AMSGrad).
    public var amsgrad: Bool
    /// Weight decay: `.coupled` is `Adam(weight_decay=…)`, `.decoupled` is `AdamW`.
    public var weightDecay: WeightDecay
    /// Per-slot overrides (parameter groups).
    public var overrides: [Int: ParameterOptions] = [:]

    var states: [State] = []
    var scratch: [Scalar] = []

    struct State: Sendable {
        var step = 0
        var m: [Scalar] = []
        var v: [Scalar] = []
        var vMax: [Scalar] = []
    }

    /// Creates an Adam optimizer; defaults are torch's.
    public init(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        amsgrad: Bool = false, weightDecay: WeightDecay = .none
    ) {
        precondition(learningRate >= 0, "Adam learningRate \(learningRate) must be ≥ 0")
        precondition(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1)")
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.weightDecay = weightDecay
    }

    /// AdamW: Adam with decoupled weight decay (torch's default λ = 0.01).
    public static func adamW(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0.01, amsgrad: Bool = false
    ) -> Adam {
        Adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, amsgrad: amsgrad,
             weightDecay: .decoupled(weightDecay))
    }

    /// One Adam update of a parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(
        _ p: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>, slot: Int,
        learningRate lr: Double, weightDecay: WeightDecay
    ) {
        let coupled = applyWeightDecay(weightDecay, learningRate: lr, parameter: p, gradient: gradient, scratch: &scratch)
        let n = p.count
        while states.count <= slot { states.append(State()) }
        if states[slot].m.count != n {
            states[slot] = State(
                step: 0, m: [Scalar](repeating: 0, count: n), v: [Scalar](repeating: 0, count: n),
                vMax: amsgrad ? [Scalar](repeating: 0, count: n) : [])
        }
        states[slot].step += 1
        let t = Double(states[slot].step)
        let weight = Scalar(1 - beta1)
        let b2 = Scalar(beta2)
        let oneMinusB2 = Scalar(1 - beta2)
        let stepSize = Scalar(lr / (1 - Double.power(beta1, t)))
        let bc2Sqrt = Scalar((1 - Double.power(beta2, t)).squareRoot())
        let eps = Scalar(epsilon)
        let ams = amsgrad
        let scratchCopy = scratch
        var state = states[slot]
        states[slot] = State()
        scratchCopy.withUnsafeBufferPointer { s in
            let g = coupled ? s : gradient
            for i in 0..<n {
                // torch's lerp with weight < 0.5: m + w·(g − m).
                state.m[i] = weight < 0.5 ? state.m[i] + weight * (g[i] - state.m[i]) : g[i] - (g[i] - state.m[i]) * (1 - weight)
                state.v[i] = state.v[i] * b2 + oneMinusB2 * g[i] * g[i]
                let second: Scalar
                if ams {
                    state.vMax[i] = Swift.max(state.vMax[i], state.v[i])
                    second = state.vMax[i]
                } else {
                    second = state.v[i]
                }
                let denom = second.squareRoot() / bc2Sqrt + eps
                p[i] += -stepSize * state.m[i] / denom
            }
        }
        states[slot] = state
    }
}
