/// How a max-norm constraint rescales a unit whose norm is too large.
public enum MaxNormSemantics: Sendable, Hashable {
    /// `torch.renorm(w, p, dim, maxnorm)`: a unit with ‖w‖ₚ > maxnorm is multiplied by
    /// maxnorm / (‖w‖ₚ + 1e-7); other units are unchanged.
    case torchRenorm(VectorNorm)
    /// `keras.constraints.MaxNorm`: every unit is multiplied by clip(‖w‖₂, 0, max) / (1e-7 + ‖w‖₂),
    /// so units below the bound shrink very slightly too.
    case keras
}
