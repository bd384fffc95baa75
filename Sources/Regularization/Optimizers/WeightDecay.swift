/// How an optimizer applies weight decay — the difference that matters for Adam.
public enum WeightDecay: Sendable, Hashable, CustomStringConvertible {
    /// No weight decay.
    case none
    /// Coupled L2: `λ·w` is added to the gradient before the update (`weight_decay=λ` in
    /// `torch.optim.SGD`, `Adam` and `RMSprop`); equivalent to the penalty λ/2·‖w‖² in the loss.
    case coupled(Double)
    /// Decoupled: the weights are multiplied by `1 − lr·λ` before the update (`torch.optim.AdamW`,
    /// Loshchilov & Hutter 2019).
    case decoupled(Double)

    /// `"none"`, `"coupled L2 λ"` or `"decoupled λ"`.
    public var description: String {
        switch self {
        case .none: return "none"
        case .coupled(let l): return "coupled L2 \(l)"
        case .decoupled(let l): return "decoupled \(l)"
        }
    }
}
