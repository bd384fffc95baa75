import Foundation

/// What went wrong when fitting a linear model (Lasso, ElasticNet, Ridge), computing a
/// regularization path or cross-validating; every message says what to change.
public enum SolverError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The problem has no samples or no features.
    case emptyProblem(samples: Int, features: Int)
    /// An input has the wrong rank or a size that does not match another input.
    case shapeMismatch(String)
    /// An input holds NaN or an infinity at the given flat (row-major) position.
    case nonFinite(input: String, index: Int)
    /// A parameter is outside its valid range.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// The folds given for cross-validation are unusable.
    case invalidFolds(String)
    /// A LAPACK routine failed (for example a singular system when `alpha` is 0).
    case lapackFailure(routine: String, info: Int, advice: String)

    /// A sentence describing the problem and how to fix it.
    public var description: String {
        switch self {
        case .emptyProblem(let samples, let features):
            return "the problem is empty (\(samples) samples × \(features) features): pass a design matrix with at least one row and one column"
        case .shapeMismatch(let message):
            return "shape mismatch: \(message)"
        case .nonFinite(let input, let index):
            return "\(input) contains NaN or infinity at flat index \(index): remove or impute non-finite values before fitting"
        case .invalidParameter(let name, let value, let requirement):
            return "invalid \(name) = \(value): \(requirement)"
        case .invalidFolds(let message):
            return "invalid cross-validation folds: \(message)"
        case .lapackFailure(let routine, let info, let advice):
            return "LAPACK \(routine) failed with info = \(info): \(advice)"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}
