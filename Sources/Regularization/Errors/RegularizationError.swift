/// The errors the regularization engine throws. Each message says what went wrong and what to do.
public enum RegularizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The total gradient norm was NaN or infinite while clipping with `errorIfNonfinite: true`.
    case nonFiniteGradientNorm(total: Double)
    /// A training loss became NaN or infinite at the given epoch and step.
    case nonFiniteLoss(epoch: Int, step: Int, loss: Double)
    /// LAPACK could not compute the singular values of a matrix.
    case singularValueDecompositionFailed(rows: Int, columns: Int)
    /// Two things that must have compatible shapes do not.
    case shapeMismatch(expected: [Int], got: [Int], context: String)
    /// A parameter is outside its allowed range.
    case invalidArgument(name: String, value: String, requirement: String)

    /// A message that names the problem and the fix.
    public var description: String {
        switch self {
        case .nonFiniteGradientNorm(let total):
            return "The total gradient norm is \(total), so the gradients cannot be clipped. "
                + "Lower the learning rate, check the loss for overflow, or pass errorIfNonfinite: false "
                + "to propagate the non-finite values as PyTorch does."
        case .nonFiniteLoss(let epoch, let step, let loss):
            return "The training loss became \(loss) at epoch \(epoch), step \(step). "
                + "Lower the learning rate, add gradient clipping, or check the inputs for NaN or infinity."
        case .singularValueDecompositionFailed(let rows, let columns):
            return "LAPACK failed to compute the singular values of a \(rows)×\(columns) matrix. "
                + "Check the matrix for NaN or infinite entries."
        case .shapeMismatch(let expected, let got, let context):
            return "\(context): expected shape \(expected), got \(got). Reshape or transpose the input to match."
        case .invalidArgument(let name, let value, let requirement):
            return "\(name) = \(value) is invalid: \(requirement)."
        }
    }
}
