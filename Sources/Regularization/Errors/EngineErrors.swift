import Foundation

// The engine's errors, and when it throws rather than traps.
//
// The rule: a function throws when a correct program can meet the failure and act on it, and
// traps (`precondition`) when the failure is a bug in the calling code.
//
// - Recoverable conditions are thrown everywhere in the engine:
//   - `DataLoadingError`: a file cannot be read, or is not the CSV the loader expects.
//   - `NumericalError`: the arguments were valid but the computation failed: a singular
//     system, an SVD that did not converge, a training loss or gradient norm that became NaN or
//     infinite where the caller asked to stop on it.
//   Coordinate descent that does not reach its tolerance within `maxIterations` is not an error:
//   the fit is usable and says so (`converged == false`), as scikit-learn warns and returns.
// - Invalid arguments (wrong shapes, settings out of range, non-finite values) are decided by
//   the layer they are passed to:
//   - The data and model-fitting API, which works on whole data sets — everything in `Data/`
//     and `Solvers/` (loading, generating, splitting and scaling data; fitting, predicting,
//     paths and cross-validation) and the pruning steps `PruningMask.prune…` and
//     `PruningAmount.resolve` — validates every argument and throws `ArgumentError`. The sizes,
//     classes and values it is given are usually known only at run time (a test fraction that
//     suits 150 samples does not suit 3; k folds need k samples; 30 entries cannot be pruned once
//     20 remain), each call is coarse, and a program that sweeps settings or reads its users'
//     files can catch the error, report it and go on. A caller that catches around such a call
//     meets no trap caused by an argument's value, except an index out of range (below).
//   - The tensor and network layer — `Tensor` and its operations, norms, penalties and proxes,
//     constraints, clipping, dropout, layers, losses, optimizers, `MLP`, `SupervisedData`,
//     `Trainer`, constructing and applying a `PruningMask`, `SeededGenerator`, `BLAS` — traps
//     with a message that names the violated precondition, as `Array` does: these run inside
//     training loops with shapes and settings fixed by the program's code, and a `try` on every
//     operation would hide the few calls that can really fail.
// - Everywhere: an index out of range traps (as `Array`'s subscript does), and so does a broken
//   internal invariant (LAPACK reporting an invalid argument is a bug in the engine).
//
// Every message says what is wrong in terms of the engine's API (the argument, the file the
// caller passed, the expected format) and what to do about it.

/// An argument of the data and model-fitting API (`Data/`, `Solvers/`, the pruning steps) is
/// not acceptable: a shape that does not fit, a value out of its range, NaN or an infinity.
///
/// Act on it by changing the call or the data passed; retrying the same call fails again. The
/// tensor and network layer traps on the same kinds of mistakes instead (see the rule at the top
/// of this file).
public enum ArgumentError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// `argument` has `value`, which breaks `requirement` (a sentence saying what is allowed and,
    /// where it helps, what to pass instead).
    case invalidValue(argument: String, value: String, requirement: String)
    /// `argument` has `shape` (a list argument: `[count]`), which does not fit `requirement`.
    case shapeMismatch(argument: String, shape: [Int], requirement: String)
    /// `argument` holds NaN or an infinity at the flat (row-major) position `index`.
    case nonFinite(argument: String, index: Int)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .invalidValue(let argument, let value, let requirement):
            return "invalid \(argument) = \(value): \(requirement)"
        case .shapeMismatch(let argument, let shape, let requirement):
            return "\(argument) has shape \(shape), but \(requirement)"
        case .nonFinite(let argument, let index):
            return "\(argument) holds NaN or an infinity at flat index \(index) (row-major order): "
                + "remove or impute the non-finite values before passing it"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}

/// A data file (or CSV text) cannot be read as the data set the caller asked for: it is missing
/// or unreadable, or its header, rows or values are not in the expected format.
///
/// Act on it by pointing at another file or by fixing the one named (path and line are given).
public enum DataLoadingError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file at `path` could not be read; `reason` is the system's explanation.
    case unreadableFile(path: String, reason: String)
    /// Line `line` of `source` (the path passed, or the label given to `CSVTable(parsing:source:)`)
    /// is not valid; `problem` says what is wrong and how to fix it.
    case malformedCSV(source: String, line: Int, problem: String)
    /// The header line of `source` is `found`, but the loader reads the columns `expected`.
    case unexpectedHeader(source: String, expected: [String], found: [String])
    /// `source` holds `found` data rows, but the data set has `expected`.
    case unexpectedRowCount(source: String, expected: Int, found: Int)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason); pass the URL of an existing, readable UTF-8 CSV file "
                + "(a relative path is resolved against the current directory)"
        case .malformedCSV(let source, let line, let problem):
            return "\(source):\(line): \(problem)"
        case .unexpectedHeader(let source, let expected, let found):
            return "\(source):1: the header is \(Self.columns(found)) (\(found.count) columns), but the loader reads "
                + "\(Self.columns(expected)) (\(expected.count) columns); pass a CSV whose first line names exactly "
                + "these columns in this order"
        case .unexpectedRowCount(let source, let expected, let found):
            return "\(source): found \(found) data rows, but the data set has \(expected); pass the complete file "
                + "(after the header, one line per sample)"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// Column names joined by commas; long lists show the first three and the last.
    static func columns(_ names: [String]) -> String {
        guard names.count > 6, let last = names.last else { return names.joined(separator: ",") }
        return names.prefix(3).joined(separator: ",") + ",…," + last
    }
}

/// The arguments were valid but the computation failed: a linear system is singular, an SVD did
/// not converge, or training diverged to a NaN or infinite loss or gradient norm.
///
/// Act on it by changing the numerical setup — more regularization, a smaller learning rate,
/// gradient clipping, rescaled data — or by recording the failure and skipping this setting.
public enum NumericalError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The Ridge system (XᵀX + αI, or XXᵀ + αI when features outnumber samples) is singular for
    /// this `alpha` (only possible with `alpha == 0`, or a tiny one, and redundant columns).
    case singularSystem(alpha: Double)
    /// LAPACK's singular value decomposition of a `rows`×`columns` matrix did not converge.
    case singularValueDecompositionFailed(rows: Int, columns: Int)
    /// A training loss became NaN or infinite at the given epoch and step (`Trainer.fitOrThrow`).
    case nonFiniteLoss(epoch: Int, step: Int, loss: Double)
    /// The total gradient norm was NaN or infinite while clipping with `errorIfNonfinite: true`.
    case nonFiniteGradientNorm(total: Double)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .singularSystem(let alpha):
            return "the Ridge system with alpha = \(alpha) is singular, so the fit has no unique solution "
                + "(x has constant, duplicated or collinear columns); use alpha > 0, or remove the redundant columns"
        case .singularValueDecompositionFailed(let rows, let columns):
            return "LAPACK could not compute the singular values of a \(rows)×\(columns) matrix (the SVD did not converge); "
                + "check the matrix for NaN, infinite or extremely large entries, and rescale it"
        case .nonFiniteLoss(let epoch, let step, let loss):
            return "the training loss became \(loss) at epoch \(epoch), step \(step), so training diverged; "
                + "lower the learning rate, add gradient clipping, or check the inputs for NaN or infinity"
        case .nonFiniteGradientNorm(let total):
            return "the total gradient norm is \(total), so the gradients cannot be clipped; lower the learning rate, "
                + "check the loss for overflow, or pass errorIfNonfinite: false to propagate the non-finite values "
                + "as PyTorch does"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}

// MARK: - Argument checks of the data and model-fitting API

extension ArgumentError {
    /// Throws `invalidValue` unless `value` is finite and satisfies `condition`.
    static func check(
        _ argument: String, _ value: Double, _ requirement: String, _ condition: (Double) -> Bool
    ) throws(ArgumentError) {
        guard value.isFinite, condition(value) else {
            throw .invalidValue(argument: argument, value: "\(value)", requirement: requirement)
        }
    }

    /// Throws `invalidValue` unless `value` satisfies `condition`.
    static func check(
        _ argument: String, _ value: Int, _ requirement: String, _ condition: (Int) -> Bool
    ) throws(ArgumentError) {
        guard condition(value) else {
            throw .invalidValue(argument: argument, value: "\(value)", requirement: requirement)
        }
    }

    /// Throws `nonFinite` at the first NaN or infinity of `values`.
    static func checkFinite(_ values: [Double], _ argument: String) throws(ArgumentError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(argument: argument, index: index)
        }
    }
}
