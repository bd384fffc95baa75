/// Gradient clipping functions with the exact semantics of the frameworks they are named after.
public enum GradientClipping {
    /// Clamps every gradient entry to `[-limit, limit]` (Keras `clipvalue`,
    /// `torch.nn.utils.clip_grad_value_`). Changes the direction of the gradient.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func clipByValue<S: TensorScalar>(_ gradient: Tensor<S>, limit: Double) -> Tensor<S> {
        precondition(limit >= 0, "clipByValue: limit \(limit) must be ≥ 0")
        return gradient.clamped(min: S(-limit), max: S(limit))
    }

    /// Rescales one tensor so that its L2 norm is at most `maxNorm`: `g·maxNorm / max(‖g‖₂, maxNorm)`
    /// (Keras `clipnorm`, `tf.clip_by_norm`). A zero gradient stays zero; the direction is kept.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func clipByNorm<S: TensorScalar>(_ gradient: Tensor<S>, maxNorm: Double) -> Tensor<S> {
        precondition(maxNorm > 0, "clipByNorm: maxNorm \(maxNorm) must be > 0")
        let norm = gradient.norm(.l2)
        let c = S(maxNorm)
        let denominator = norm > c ? norm : (norm.isNaN ? norm : c)
        return gradient.map { $0 * c / denominator }
    }

    /// The total norm of several tensors: the p-norm of their per-tensor p-norms, as
    /// `torch.nn.utils.get_total_norm` (for p = ∞, the largest magnitude of all).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func totalNorm<S: TensorScalar>(_ gradients: [Tensor<S>], norm kind: VectorNorm = .l2) -> S {
        let perTensor = gradients.map { $0.norm(kind) }
        return Tensor(perTensor).norm(kind)
    }

    /// Clips several gradients together by their total norm, exactly as PyTorch's
    /// `torch.nn.utils.clip_grad_norm_`, and returns the total norm **before** clipping.
    ///
    /// Every gradient is multiplied by `min(1, maxNorm / (total + 1e-6))` (the multiplication
    /// happens even when the factor is 1). With a NaN total the factor is NaN and every gradient
    /// becomes NaN; with an infinite total the factor is 0 and infinite entries become NaN —
    /// unless `errorIfNonfinite` is true, in which case the gradients are left untouched and
    /// `NumericalError.nonFiniteGradientNorm` is thrown.
    @discardableResult
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func clipByGlobalNorm<S: TensorScalar>(
        _ gradients: inout [Tensor<S>], maxNorm: Double, norm kind: VectorNorm = .l2,
        errorIfNonfinite: Bool = false
    ) throws(NumericalError) -> S {
        let total = totalNorm(gradients, norm: kind)
        if errorIfNonfinite && !total.isFinite {
            throw .nonFiniteGradientNorm(total: Double(total))
        }
        let coefficient = S(maxNorm) / (total + S(1e-6))
        let clamped = coefficient.isNaN ? coefficient : Swift.min(coefficient, 1)
        for i in gradients.indices { gradients[i].mapInPlace { $0 * clamped } }
        return total
    }

    /// Adaptive gradient clipping (Brock et al. 2021) with the semantics of optax's
    /// `adaptive_grad_clip(clipping, eps)`.
    ///
    /// Norms are unit-wise: for vectors and scalars the whole tensor is one unit; for a matrix
    /// the units are its columns (the output units of a `[in, out]` kernel, optax's axis 0). A unit
    /// whose gradient norm ‖G‖ reaches `clipping·max(‖W‖, eps)` is rescaled to that bound
    /// (`G·bound / max(‖G‖, 1e-6)`); others are unchanged.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func adaptiveClip<S: TensorScalar>(
        _ gradients: inout [Tensor<S>], parameters: [Tensor<S>], clipping: Double = 0.01, eps: Double = 1e-3
    ) {
        precondition(gradients.count == parameters.count, "adaptiveClip: \(gradients.count) gradients for \(parameters.count) parameters")
        for i in gradients.indices {
            precondition(gradients[i].shape == parameters[i].shape, "adaptiveClip: gradient \(i) has shape \(gradients[i].shape), its parameter \(parameters[i].shape)")
            let g = gradients[i]
            let gNorms = unitNorms(g)
            let pNorms = unitNorms(parameters[i])
            let bound = pNorms.map { S(clipping) * Swift.max($0, S(eps)) }
            let factors = zip(gNorms, bound).map { gn, b in gn < b ? S(1) : b / Swift.max(gn, S(1e-6)) }
            if g.rank == 2 {
                gradients[i] = Penalty.scaleGroups(g, .columns) { factors[$0] }
            } else {
                gradients[i] = g.map { $0 * factors[0] }
            }
        }
    }

    /// optax's `unitwise_norm` for rank ≤ 2: the whole tensor, or the columns of a matrix.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func unitNorms<S: TensorScalar>(_ t: Tensor<S>) -> [S] {
        let squeezedRank = t.shape.filter { $0 != 1 }.count
        if squeezedRank <= 1 || t.rank != 2 { 
            precondition(t.rank <= 2 || squeezedRank <= 1, "adaptiveClip supports tensors of rank ≤ 2, got shape \(t.shape)")
            if t.rank == 2 { return Array(repeating: t.norm(.l2), count: t.shape[1]) }
            return [t.norm(.l2)]
        }
        return t.columnNorms(.l2).scalars
    }
}
