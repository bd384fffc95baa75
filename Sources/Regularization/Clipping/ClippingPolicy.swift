/// What a training loop does to the gradients of a step before the optimizer sees them.
public enum ClippingPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Gradients are used as computed.
    case none
    /// Every entry clamped to `[-limit, limit]` (`clipvalue`).
    case value(Double)
    /// Every tensor rescaled to L2 norm ≤ `maxNorm` on its own (Keras `clipnorm`).
    case perTensorNorm(Double)
    /// All tensors rescaled together, PyTorch `clip_grad_norm_` (`errorIfNonfinite: false`).
    case globalNorm(Double, norm: VectorNorm)
    /// Adaptive gradient clipping (optax `adaptive_grad_clip`).
    case adaptive(clipping: Double, eps: Double)

    /// A short description, e.g. `"global L2 norm ≤ 1.0"`.
    public var description: String {
        switch self {
        case .none: return "no clipping"
        case .value(let c): return "value ≤ \(c)"
        case .perTensorNorm(let c): return "per-tensor L2 norm ≤ \(c)"
        case .globalNorm(let c, let p): return "global \(p) norm ≤ \(c)"
        case .adaptive(let c, let e): return "adaptive (clipping \(c), eps \(e))"
        }
    }

    /// Clips `gradients` in place. Returns whether any gradient changed.
    @discardableResult
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func apply<S: TensorScalar>(to gradients: inout [Tensor<S>], parameters: [Tensor<S>]) -> Bool {
        let before = gradients
        switch self {
        case .none:
            return false
        case .value(let c):
            for i in gradients.indices { gradients[i] = GradientClipping.clipByValue(gradients[i], limit: c) }
        case .perTensorNorm(let c):
            for i in gradients.indices { gradients[i] = GradientClipping.clipByNorm(gradients[i], maxNorm: c) }
        case .globalNorm(let c, let p):
            // Never throws with errorIfNonfinite false.
            let total = (try? GradientClipping.clipByGlobalNorm(&gradients, maxNorm: c, norm: p)) ?? .nan
            return !(S(c) / (total + S(1e-6)) >= 1)
        case .adaptive(let c, let e):
            GradientClipping.adaptiveClip(&gradients, parameters: parameters, clipping: c, eps: e)
        }
        return gradients != before
    }
}
