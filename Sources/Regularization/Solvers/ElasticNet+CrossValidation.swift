import Foundation

extension ElasticNet {
    /// Cross-validates α (scikit-learn's `ElasticNetCV`/`LassoCV` for one l1Ratio): on each fold
    /// the path is fitted on the training samples (centered with their own means) and scored by
    /// mean squared error on the held-out samples; then `alpha` is refitted on all the data at the
    /// best α. The `alpha` of `self` is ignored.
    ///
    /// - Parameters:
    ///   - x: the features, `[samples, features]`.
    ///   - y: the targets, `[samples]`.
    ///   - folds: the validation samples of each fold.
    ///   - alphas: the grid; default: `alphaGrid` on all the data with `count` and `eps`.
    ///   - count: the number of values of the default grid.
    ///   - eps: the default grid's smallest α as a fraction of α_max.
    public func crossValidate(
        _ x: Tensor<Double>, _ y: Tensor<Double>, folds: CrossValidationFolds, alphas: [Double]? = nil, count: Int = 100,
        eps: Double = 1e-3
    ) throws(ArgumentError) -> CrossValidationResult<ElasticNetFit> {
        try validateSettings()
        let full = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        try folds.check(sampleCount: full.samples)
        let grid: [Double]
        if let alphas {
            try SolverChecks.alphas(alphas, Self.validateAlpha)
            grid = alphas.sorted(by: >)
        } else {
            grid = try Self.alphaGrid(problem: full, l1Ratio: l1Ratio, count: count, eps: eps)
        }
        let errors = foldErrors(
            x: x.scalars, y: y.scalars, features: full.features, fitIntercept: fitIntercept, folds: folds, alphaCount: grid.count
        ) { train in
            let path = self.path(problem: train, alphas: grid, useGram: nil)
            return Array(zip(path.coefficients, path.intercepts))
        }
        let curve = try CrossValidationCurve(alphas: grid, foldErrors: errors)
        var best = self
        best.alpha = curve.bestAlpha
        return CrossValidationResult(curve: curve, model: best.fit(problem: full, warmStart: nil))
    }
}

/// Validation MSE `[alpha][fold]` for models produced per fold by `fitFold` on the training rows
/// (the folds are checked against the samples already).
func foldErrors<Failure: Error>(
    x: [Double], y: [Double], features p: Int, fitIntercept: Bool, folds: CrossValidationFolds, alphaCount: Int,
    fitFold: (LinearProblem) throws(Failure) -> [([Double], Double)]
) throws(Failure) -> [[Double]] {
    let n = y.count
    var errors = [[Double]](repeating: [Double](repeating: 0, count: folds.count), count: alphaCount)
    for f in 0..<folds.count {
        let train = folds.trainingIndices(fold: f, sampleCount: n)
        let validation = folds.validationIndices[f]
        let trainProblem = LinearProblem(
            rowMajor: SolverChecks.rows(x, features: p, train), samples: train.count, features: p, y: train.map { y[$0] },
            fitIntercept: fitIntercept)
        let models = try fitFold(trainProblem)
        let xValidation = SolverChecks.rows(x, features: p, validation)
        let yValidation = validation.map { y[$0] }
        for (k, (w, b)) in models.enumerated() {
            let prediction = LinearModel(coefficients: w, intercept: b).predictRows(xValidation, samples: validation.count)
            errors[k][f] = SolverChecks.meanSquaredDifference(prediction, yValidation)
        }
    }
    return errors
}

extension SolverChecks {
    /// The rows `indices` of a row-major matrix with `p` columns.
    static func rows(_ x: [Double], features p: Int, _ indices: [Int]) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(indices.count * p)
        for i in indices { out.append(contentsOf: x[(i * p)..<((i + 1) * p)]) }
        return out
    }
}
