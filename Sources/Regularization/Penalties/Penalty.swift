/// A weight penalty R(w) added to a training loss: its value, a (sub)gradient and its proximal
/// operator.
///
/// ```swift
/// let penalty = Penalty.l2(1e-3, convention: .halfSquared)   // λ/2·‖w‖²
/// let loss = dataLoss + penalty.value(w)
/// let step = penalty.proximal(w, stepSize: 0.1)              // argmin ½‖x − w‖² + 0.1·R(x)
/// ```
public enum Penalty: Sendable, Hashable, CustomStringConvertible {
    /// No penalty.
    case none
    /// λ·‖w‖₁.
    case l1(Double)
    /// λ/2·‖w‖² (`.halfSquared`) or λ·‖w‖² (`.keras`).
    case l2(Double, convention: L2Convention)
    /// λ₁·‖w‖₁ plus the L2 term with λ₂ in the given convention (Keras `L1L2` with `.keras`).
    case elasticNet(l1: Double, l2: Double, convention: L2Convention)
    /// Group lasso (L2,1): λ·Σ_g ‖w_g‖₂ over the rows or columns of a matrix (a vector is one
    /// group). Groups are not weighted by their size.
    case groupLasso(Double, groups: SliceAxis)

    /// A readable formula, e.g. `"0.001·‖w‖₁"`.
    public var description: String {
        switch self {
        case .none: return "none"
        case .l1(let l): return "\(l)·‖w‖₁"
        case .l2(let l, let c): return c == .halfSquared ? "\(l)/2·‖w‖²" : "\(l)·‖w‖²"
        case .elasticNet(let a, let b, let c):
            return "\(a)·‖w‖₁ + " + (c == .halfSquared ? "\(b)/2·‖w‖²" : "\(b)·‖w‖²")
        case .groupLasso(let l, let g): return "\(l)·Σ‖w_g‖₂ over \(g)"
        }
    }

    /// The L1 weight λ₁ and the L2 gradient coefficient (c·λ₂) of the separable penalties.
    private var separableCoefficients: (l1: Double, l2: Double)? {
        switch self {
        case .none: return (0, 0)
        case .l1(let l): return (l, 0)
        case .l2(let l, let c): return (0, c.gradientFactor * l)
        case .elasticNet(let a, let b, let c): return (a, c.gradientFactor * b)
        case .groupLasso: return nil
        }
    }

    /// The penalty value R(w), accumulated in `Double`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: TensorScalar>(_ w: Tensor<S>) -> S {
        if let (a, b) = separableCoefficients {
            var l1 = 0.0
            var l2 = 0.0
            for x in w.scalars {
                let d = Double(x)
                l1 += Swift.abs(d)
                l2 += d * d
            }
            return S(a * l1 + 0.5 * b * l2)
        }
        guard case .groupLasso(let l, let groups) = self else { return 0 }
        return S(l * Double(Penalty.groupNorms(w, groups).reduce(0.0) { $0 + Double($1) }))
    }

    /// A subgradient of R at w: λ·sign(w) for L1 (0 at 0), c·λ·w for L2, λ·w_g/‖w_g‖ per group
    /// (0 for a zero group).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func gradient<S: TensorScalar>(_ w: Tensor<S>) -> Tensor<S> {
        if let (a, b) = separableCoefficients {
            let sa = S(a)
            let sb = S(b)
            return w.map { x in sa * (x > 0 ? 1 : (x < 0 ? -1 : 0)) + sb * x }
        }
        guard case .groupLasso(let l, let groups) = self else { return w.map { _ in 0 } }
        let norms = Penalty.groupNorms(w, groups)
        return Penalty.scaleGroups(w, groups) { g in norms[g] > 0 ? S(l) / norms[g] : 0 }
    }

    /// The proximal operator prox_{ηR}(w) = argmin_x ½‖x − w‖² + η·R(x).
    ///
    /// L1: soft thresholding sign(w)·max(|w| − ηλ, 0). L2: w / (1 + η·c·λ). Elastic net: soft
    /// thresholding, then the L2 shrink. Group lasso: group soft thresholding
    /// w_g·max(0, 1 − ηλ/‖w_g‖).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func proximal<S: TensorScalar>(_ w: Tensor<S>, stepSize: Double) -> Tensor<S> {
        precondition(stepSize >= 0, "proximal: stepSize \(stepSize) must be ≥ 0")
        if let (a, b) = separableCoefficients {
            let threshold = S(stepSize * a)
            let shrink = S(1 + stepSize * b)
            return w.map { Penalty.softThreshold($0, threshold) / shrink }
        }
        guard case .groupLasso(let l, let groups) = self else { return w }
        let norms = Penalty.groupNorms(w, groups)
        let t = S(stepSize * l)
        return Penalty.scaleGroups(w, groups) { g in norms[g] > t ? 1 - t / norms[g] : 0 }
    }

    /// sign(x)·max(|x| − t, 0), the proximal operator of t·|x|.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public static func softThreshold<S: TensorScalar>(_ x: S, _ threshold: S) -> S {
        if x > threshold { return x - threshold }
        if x < -threshold { return x + threshold }
        return x.isNaN ? x : 0
    }

    /// The L2 norm of every group.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func groupNorms<S: TensorScalar>(_ w: Tensor<S>, _ groups: SliceAxis) -> [S] {
        if w.rank < 2 { return [w.norm(.l2)] }
        precondition(w.rank == 2, "group lasso needs a vector or a matrix, got shape \(w.shape)")
        return (groups == .rows ? w.rowNorms(.l2) : w.columnNorms(.l2)).scalars
    }

    /// Multiplies each group of w by `factor(groupIndex)`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    static func scaleGroups<S: TensorScalar>(_ w: Tensor<S>, _ groups: SliceAxis, _ factor: (Int) -> S) -> Tensor<S> {
        var out = w
        if w.rank < 2 {
            let f = factor(0)
            out.mapInPlace { $0 * f }
            return out
        }
        let r = w.shape[0]
        let c = w.shape[1]
        let factors = (0..<(groups == .rows ? r : c)).map(factor)
        out.scalars.withUnsafeMutableBufferPointer { p in
            for i in 0..<r {
                for j in 0..<c { p[i * c + j] *= factors[groups == .rows ? i : j] }
            }
        }
        return out
    }
}
