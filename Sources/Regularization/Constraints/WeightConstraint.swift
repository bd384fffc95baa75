/// A projection applied to weights after each optimizer step.
///
/// ```swift
/// w = WeightConstraint.maxNorm(3, of: .columns, semantics: .keras).apply(w)
/// ```
public enum WeightConstraint: Sendable, Hashable, CustomStringConvertible {
    /// Clamps every element to `[minimum, maximum]` (the "weight clipping" of WGAN).
    case clipValue(minimum: Double, maximum: Double)
    /// Bounds the norm of every row or column.
    case maxNorm(Double, of: SliceAxis, semantics: MaxNormSemantics)
    /// Divides every row or column by (1e-7 + its L2 norm) (`keras.constraints.UnitNorm`).
    case unitNorm(of: SliceAxis)
    /// Replaces negative elements by zero (`keras.constraints.NonNeg`).
    case nonNegative

    /// Keras's `backend.epsilon()`, also the constant in `torch.renorm`.
    public static let epsilon = 1e-7

    /// A short description, e.g. `"max-norm 3.0 of columns"`.
    public var description: String {
        switch self {
        case .clipValue(let lo, let hi): return "clip to [\(lo), \(hi)]"
        case .maxNorm(let m, let axis, _): return "max-norm \(m) of \(axis)"
        case .unitNorm(let axis): return "unit norm of \(axis)"
        case .nonNegative: return "non-negative"
        }
    }

    /// The constrained weights. A vector counts as a single unit for the norm constraints.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func apply<S: TensorScalar>(_ w: Tensor<S>) -> Tensor<S> {
        switch self {
        case .clipValue(let lo, let hi):
            return w.clamped(min: S(lo), max: S(hi))
        case .nonNegative:
            return w.map { $0 >= 0 ? $0 : 0 }
        case .maxNorm(let maximum, let axis, let semantics):
            switch semantics {
            case .torchRenorm(let p):
                let norms = WeightConstraint.unitNorms(w, axis, p)
                return Penalty.scaleGroups(w, axis) { g in
                    norms[g] > S(maximum) ? S(maximum) / (norms[g] + S(WeightConstraint.epsilon)) : 1
                }
            case .keras:
                let norms = WeightConstraint.unitNorms(w, axis, .l2)
                return Penalty.scaleGroups(w, axis) { g in
                    let n = norms[g]
                    let desired = n < 0 ? 0 : (n > S(maximum) ? S(maximum) : n)
                    return desired / (S(WeightConstraint.epsilon) + n)
                }
            }
        case .unitNorm(let axis):
            let norms = WeightConstraint.unitNorms(w, axis, .l2)
            return Penalty.scaleGroups(w, axis) { g in 1 / (S(WeightConstraint.epsilon) + norms[g]) }
        }
    }

    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func unitNorms<S: TensorScalar>(_ w: Tensor<S>, _ axis: SliceAxis, _ p: VectorNorm) -> [S] {
        if w.rank < 2 { return [w.norm(p)] }
        precondition(w.rank == 2, "norm constraints need a vector or a matrix, got shape \(w.shape)")
        return (axis == .rows ? w.rowNorms(p) : w.columnNorms(p)).scalars
    }
}
