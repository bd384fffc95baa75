/// Which of the two common definitions of the L2 penalty is meant. They differ by a factor 2 in
/// the gradient, so the same λ means different strengths in different frameworks.
public enum L2Convention: Sendable, Hashable, CustomStringConvertible {
    /// λ/2·‖w‖², gradient λ·w: the textbook form and PyTorch's `weight_decay=λ` under SGD.
    case halfSquared
    /// λ·‖w‖², gradient 2λ·w: `keras.regularizers.L2(λ)`.
    case keras

    /// The factor `c` in the gradient `c·λ·w`.
    public var gradientFactor: Double { self == .halfSquared ? 1 : 2 }

    /// `"λ/2·‖w‖²"` or `"λ·‖w‖²"`.
    public var description: String { self == .halfSquared ? "λ/2·‖w‖²" : "λ·‖w‖²" }
}
