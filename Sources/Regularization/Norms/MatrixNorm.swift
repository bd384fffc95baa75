/// A matrix norm, with the meanings of `torch.linalg.matrix_norm`'s `ord`.
public enum MatrixNorm: Sendable, Hashable, CustomStringConvertible {
    /// ‖W‖_F = √(Σ Wᵢⱼ²) (`ord='fro'`): the element-wise L2 norm.
    case frobenius
    /// ‖W‖₂ = σ_max, the largest singular value (`ord=2`): the operator norm induced by L2.
    case spectral
    /// ‖W‖_* = Σ σᵢ, the sum of singular values (`ord='nuc'`).
    case nuclear
    /// ‖W‖₁ = max over columns of Σᵢ |Wᵢⱼ| (`ord=1`): the operator norm induced by L1.
    case inducedOne
    /// ‖W‖∞ = max over rows of Σⱼ |Wᵢⱼ| (`ord=inf`): the operator norm induced by L∞.
    case inducedInfinity

    /// The name used in tables, e.g. `"spectral"`.
    public var description: String {
        switch self {
        case .frobenius: return "Frobenius"
        case .spectral: return "spectral"
        case .nuclear: return "nuclear"
        case .inducedOne: return "induced-1"
        case .inducedInfinity: return "induced-∞"
        }
    }
}
