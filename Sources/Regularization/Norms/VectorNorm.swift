/// A vector norm, with the meanings of `torch.linalg.vector_norm`'s `ord`.
///
/// Applied to a matrix, a vector norm treats it as one long vector: `.l2` of a matrix is its
/// Frobenius norm, not its spectral norm.
public enum VectorNorm: Sendable, Hashable, CustomStringConvertible {
    /// ‖v‖₁ = Σ|vᵢ|.
    case l1
    /// ‖v‖₂ = √(Σ vᵢ²).
    case l2
    /// ‖v‖∞ = max |vᵢ|.
    case infinity
    /// ‖v‖ₚ = (Σ|vᵢ|ᵖ)^(1/p) for `p > 0`; `p(.infinity)` is `.infinity`; `p(0)` counts the
    /// non-zero elements (not a norm, but torch's meaning of `ord=0`).
    case p(Double)

    /// The exponent `p` this norm stands for.
    public var exponent: Double {
        switch self {
        case .l1: return 1
        case .l2: return 2
        case .infinity: return .infinity
        case .p(let p): return p
        }
    }

    /// `"L1"`, `"L2"`, `"L∞"` or `"Lp (p=…)"`.
    public var description: String {
        switch self {
        case .l1: return "L1"
        case .l2: return "L2"
        case .infinity: return "L∞"
        case .p(let p): return "L\(p)"
        }
    }

    /// The norm of a buffer of values, accumulated in `Double`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func evaluate<S: TensorScalar>(_ values: UnsafeBufferPointer<S>) -> Double {
        let p = exponent
        if p == 2 {
            var s = 0.0
            for v in values { let d = Double(v); s += d * d }
            return s.squareRoot()
        }
        if p == 1 {
            var s = 0.0
            for v in values { s += Swift.abs(Double(v)) }
            return s
        }
        if p == .infinity {
            var m = 0.0
            for v in values {
                let a = Swift.abs(Double(v))
                if a > m || a.isNaN { m = a }
                if m.isNaN { return .nan }
            }
            return m
        }
        if p == -.infinity {
            var m = Double.infinity
            for v in values {
                let a = Swift.abs(Double(v))
                if a < m || a.isNaN { m = a }
            }
            return m
        }
        if p == 0 {
            var n = 0.0
            for v in values where v != 0 { n += 1 }
            return n
        }
        var s = 0.0
        for v in values { s += Double.power(Swift.abs(Double(v)), p) }
        return Double.power(s, 1 / p)
    }
}
