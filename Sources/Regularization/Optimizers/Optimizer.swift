/// A first-order optimizer with PyTorch's update formulas. Parameters are identified by a slot
/// (their index in a parameter list, e.g. `MLP.parameters`), which keys the optimizer's state.
public protocol Optimizer<Scalar>: Sendable {
    /// The element type of the parameters.
    associatedtype Scalar: TensorScalar

    /// The default learning rate.
    var learningRate: Double { get set }
    /// The default weight decay.
    var weightDecay: WeightDecay { get set }
    /// Overrides by slot (parameter groups).
    var overrides: [Int: ParameterOptions] { get set }

    /// Updates one parameter in place from its gradient, with the given learning rate and weight
    /// decay (already resolved from the overrides).
    mutating func update(
        _ parameter: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>, slot: Int,
        learningRate: Double, weightDecay: WeightDecay)
}

extension Optimizer {
    /// The learning rate and weight decay that apply to `slot`.
    public func settings(for slot: Int) -> (learningRate: Double, weightDecay: WeightDecay) {
        let o = overrides[slot]
        return (o?.learningRate ?? learningRate, o?.weightDecay ?? weightDecay)
    }

    /// Updates one parameter tensor in place.
    public mutating func update(_ parameter: inout Tensor<Scalar>, gradient: Tensor<Scalar>, slot: Int) {
        precondition(parameter.shape == gradient.shape, "gradient of shape \(gradient.shape) for a parameter of shape \(parameter.shape)")
        let (lr, wd) = settings(for: slot)
        parameter.scalars.withUnsafeMutableBufferPointer { p in
            gradient.scalars.withUnsafeBufferPointer { g in
                update(p, gradient: g, slot: slot, learningRate: lr, weightDecay: wd)
            }
        }
    }

    /// One optimizer step over a parameter list; parameter `i` uses slot `i`.
    public mutating func step(_ parameters: inout [Tensor<Scalar>], gradients: [Tensor<Scalar>]) {
        precondition(parameters.count == gradients.count, "\(gradients.count) gradients for \(parameters.count) parameters")
        for i in parameters.indices { update(&parameters[i], gradient: gradients[i], slot: i) }
    }

    /// The same optimizer with weight decay switched off for `slots` (e.g. `net.biasSlots`).
    public func withoutWeightDecay(on slots: [Int]) -> Self {
        var copy = self
        for s in slots { copy.overrides[s, default: ParameterOptions()].weightDecay = WeightDecay.none }
        return copy
    }
}

/// Applies weight decay before an update: adds `λ·w` to `gradient` (coupled, into `scratch`)
/// or scales `w` (decoupled). Returns the gradient to use.
func applyWeightDecay<S: TensorScalar>(
    _ decay: WeightDecay, learningRate: Double, parameter p: UnsafeMutableBufferPointer<S>,
    gradient g: UnsafeBufferPointer<S>, scratch: inout [S]
) -> Bool {
    switch decay {
    case .none:
        return false
    case .coupled(let l):
        if l == 0 { return false }
        // Grown, never shrunk: an MLP alternates weight and bias sizes on every update.
        if scratch.count < g.count { scratch = [S](repeating: 0, count: g.count) }
        let s = S(l)
        for i in 0..<g.count { scratch[i] = g[i] + s * p[i] }
        return true
    case .decoupled(let l):
        if l == 0 { return false }
        let factor = S(1 - learningRate * l)
        for i in 0..<p.count { p[i] *= factor }
        return false
    }
}
