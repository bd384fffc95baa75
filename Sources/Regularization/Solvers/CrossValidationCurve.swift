import Foundation

/// The validation error of every penalty strength across the folds of a cross-validation.
public struct CrossValidationCurve: Sendable, Equatable, Codable {
    /// The penalty strengths (for Lasso/ElasticNet largest first).
    public var alphas: [Double]
    /// Validation mean squared error: `foldErrors[k][f]` is fold f at `alphas[k]` (scikit-learn's `mse_path_`).
    public var foldErrors: [[Double]]
    /// The mean over folds at each α.
    public var meanError: [Double]
    /// The sample standard deviation (k − 1 denominator) over folds at each α.
    public var standardDeviation: [Double]
    /// The index of the smallest mean error (the first one on ties).
    public var bestIndex: Int
    /// The index chosen by the one-standard-error rule: the largest α whose mean error is at most
    /// the best mean plus its standard error (standard deviation / √folds).
    public var oneStandardErrorIndex: Int

    /// The α with the smallest mean validation error.
    public var bestAlpha: Double { alphas[bestIndex] }
    /// The most regularized α within one standard error of the best.
    public var oneStandardErrorAlpha: Double { alphas[oneStandardErrorIndex] }
    /// The standard error of the mean at each α.
    public var standardError: [Double] {
        let k = Double(foldErrors.first?.count ?? 1)
        return standardDeviation.map { $0 / k.squareRoot() }
    }

    /// Summarizes per-fold errors: `foldErrors[k]` holds one validation error per fold at `alphas[k]`.
    ///
    /// - Throws: `ArgumentError` when there is no alpha, when `foldErrors` does not have one row
    ///   per alpha, or when its rows are empty or of different lengths.
    public init(alphas: [Double], foldErrors: [[Double]]) throws(ArgumentError) {
        guard !alphas.isEmpty else {
            throw .invalidValue(argument: "alphas", value: "[]", requirement: "pass at least one alpha")
        }
        guard foldErrors.count == alphas.count else {
            throw .shapeMismatch(
                argument: "foldErrors", shape: [foldErrors.count],
                requirement: "there are \(alphas.count) alphas and foldErrors needs one row of fold errors per alpha")
        }
        let folds = foldErrors[0].count
        if let k = foldErrors.indices.first(where: { foldErrors[$0].count != folds || folds == 0 }) {
            throw .shapeMismatch(
                argument: "foldErrors[\(k)]", shape: [foldErrors[k].count],
                requirement: "every row needs one error per fold, as many as foldErrors[0] has (\(folds)), and at least one")
        }
        self.alphas = alphas
        self.foldErrors = foldErrors
        meanError = foldErrors.map { $0.reduce(0, +) / Double(Swift.max($0.count, 1)) }
        standardDeviation = zip(foldErrors, meanError).map { errors, mean in
            guard errors.count > 1 else { return 0 }
            let squares = errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (squares / Double(errors.count - 1)).squareRoot()
        }
        var best = 0
        for k in meanError.indices where meanError[k] < meanError[best] { best = k }
        bestIndex = best
        let k = Double(foldErrors.first?.count ?? 1)
        let threshold = meanError[best] + standardDeviation[best] / k.squareRoot()
        var chosen = best
        for i in alphas.indices where meanError[i] <= threshold && alphas[i] > alphas[chosen] { chosen = i }
        oneStandardErrorIndex = chosen
    }
}
