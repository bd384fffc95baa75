/// Stochastic gradient descent with PyTorch's `torch.optim.SGD` formulas:
///
/// g ← g + λw (coupled decay); b ← g on the first step, else b ← μb + (1 − τ)g;
/// g ← g + μb (Nesterov) or g ← b; w ← w − lr·g.
public struct SGD<Scalar: TensorScalar>: Optimizer {
    /// The learning rate.
    public var learningRate: Double
    /// The momentum μ (0 = plain SGD).
    public var momentum: Double
    /// The dampening τ of the momentum update.
    public var dampening: Double
    /// Nesterov momentum (requires μ > 0 and τ = 0, as torch).
    public var nesterov: Bool
    /// Weight decay (`.coupled(λ)` is torch's `weight_decay=λ`).
    public var weightDecay: WeightDecay
    /// Per-slot overrides (parameter groups).
    public var overrides: [Int: ParameterOptions] = [:]

    var buffers: [[Scalar]] = []
    var scratch: [Scalar] = []

    /// Creates an SGD optimizer; defaults are torch's.
    public init(
        learningRate: Double, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
        weightDecay: WeightDecay = .none
    ) {
        precondition(learningRate >= 0, "SGD learningRate \(learningRate) must be ≥ 0")
        precondition(momentum >= 0, "SGD momentum \(momentum) must be ≥ 0")
        precondition(!nesterov || (momentum > 0 && dampening == 0), "Nesterov momentum requires a momentum > 0 and zero dampening")
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    /// One SGD update of a parameter.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(
        _ p: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>, slot: Int,
        learningRate lr: Double, weightDecay: WeightDecay
    ) {
        let coupled = applyWeightDecay(weightDecay, learningRate: lr, parameter: p, gradient: gradient, scratch: &scratch)
        let n = p.count
        let step = Scalar(lr)
        let scratchCopy = scratch
        scratchCopy.withUnsafeBufferPointer { s in
            let g = coupled ? s : gradient
            if momentum == 0 {
                for i in 0..<n { p[i] -= step * g[i] }
                return
            }
            while buffers.count <= slot { buffers.append([]) }
            let mu = Scalar(momentum)
            let keep = Scalar(1 - dampening)
            let first = buffers[slot].count != n
            if first { buffers[slot] = [Scalar](repeating: 0, count: n) }
            let nesterov = self.nesterov
            buffers[slot].withUnsafeMutableBufferPointer { b in
                for i in 0..<n {
                    b[i] = first ? g[i] : mu * b[i] + keep * g[i]
                    let d = nesterov ? g[i] + mu * b[i] : b[i]
                    p[i] -= step * d
                }
            }
        }
    }
}
