// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// Linear regression with an L2 penalty in closed form: scikit-learn's `Ridge`, minimizing
/// ‖y − Xw − b‖² + α‖w‖² (no 1/2n factor), with the intercept handled by centering.
///
/// `fit` solves the normal equations (XᵀX + αI)w = Xᵀy with a Cholesky factorization (LAPACK
/// `dposv`), or the dual system (XXᵀ + αI)d = y, w = Xᵀd, when features outnumber samples.
/// `path` fits a whole grid of α from one SVD (LAPACK `dgesdd`).
///
/// ```swift
/// let model = try Ridge(alpha: 1).fit(x, y)
/// let path = try Ridge().path(x, y, alphas: [0.01, 0.1, 1, 10])
/// ```
public struct Ridge: Sendable, Equatable, Codable {
    /// The penalty strength α (≥ 0; 0 is ordinary least squares and needs a full-rank X).
    public var alpha: Double
    /// Whether to fit an intercept (by centering X and y).
    public var fitIntercept: Bool

    /// Creates a Ridge regression; defaults are scikit-learn's.
    public init(alpha: Double = 1, fitIntercept: Bool = true) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
    }

    /// Checks a penalty strength.
    static func validateAlpha(_ alpha: Double) throws(ArgumentError) {
        try ArgumentError.check("alpha", alpha, "Ridge needs a finite alpha >= 0 (0 is ordinary least squares)") { $0 >= 0 }
    }

    /// Fits the model through a Cholesky factorization.
    ///
    /// - Throws: `ArgumentError` for an invalid `alpha`, mismatched shapes or non-finite values;
    ///   `NumericalError.singularSystem` when the system is singular (only possible with
    ///   `alpha == 0` and collinear or constant columns).
    public func fit(_ x: Tensor<Double>, _ y: Tensor<Double>) throws -> LinearModel {
        try Self.validateAlpha(alpha)
        let problem = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        return try fit(problem: problem)
    }

    /// Fits a prepared problem by Cholesky.
    func fit(problem: LinearProblem) throws(NumericalError) -> LinearModel {
        let n = problem.samples
        let p = problem.features
        var w: [Double]
        if p <= n {
            var a = problem.gram()
            for j in 0..<p { a[j * p + j] += alpha }
            var b = problem.transposeTimes(problem.target)
            let info = LAPACKE_dposv(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), 1, &a, Int32(p), &b, Int32(p))
            try check(info, routine: "dposv")
            w = b
        } else {
            var k = [Double](repeating: 0, count: n * n)
            problem.columns.withUnsafeBufferPointer { x in
                cblas_dsyrk(CblasColMajor, CblasUpper, CblasNoTrans, Int32(n), Int32(p), 1, x.baseAddress!, Int32(n), 0, &k, Int32(n))
            }
            for i in 0..<n { k[i * n + i] += alpha }
            var d = problem.target
            let info = LAPACKE_dposv(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(n), 1, &k, Int32(n), &d, Int32(n))
            try check(info, routine: "dposv")
            w = problem.transposeTimes(d)
        }
        return LinearModel(coefficients: w, intercept: problem.intercept(for: w))
    }

    /// Turns a LAPACK `info` of `dposv` into an error: a positive one means the system is not
    /// positive definite (singular); a negative one is a bad argument from the engine itself, a bug.
    func check(_ info: Int32, routine: String) throws(NumericalError) {
        precondition(info >= 0, "LAPACK \(routine) rejected its argument \(-info): this is a bug in the Regularization engine, please report it")
        if info > 0 { throw .singularSystem(alpha: alpha) }
    }

    /// Fits every α of `alphas` from one SVD of the (centered) X: w(α) = V·diag(s/(s² + α))·Uᵀy.
    ///
    /// - Throws: `ArgumentError` for an empty or invalid grid, mismatched shapes or non-finite
    ///   values; `NumericalError.singularValueDecompositionFailed` when the SVD does not converge.
    public func path(_ x: Tensor<Double>, _ y: Tensor<Double>, alphas: [Double]) throws -> RidgePath {
        try SolverChecks.alphas(alphas, Self.validateAlpha)
        let problem = try LinearProblem(x: x, y: y, fitIntercept: fitIntercept)
        return try path(problem: problem, alphas: alphas)
    }

    /// The SVD path of a prepared problem.
    func path(problem: LinearProblem, alphas: [Double]) throws(NumericalError) -> RidgePath {
        let n = problem.samples
        let p = problem.features
        let k = Swift.min(n, p)
        var a = problem.columns
        var s = [Double](repeating: 0, count: k)
        var u = [Double](repeating: 0, count: n * k)
        var vt = [Double](repeating: 0, count: k * p)
        let info = LAPACKE_dgesdd(
            LAPACK_COL_MAJOR, Int8(UInt8(ascii: "S")), Int32(n), Int32(p), &a, Int32(n), &s, &u, Int32(n), &vt, Int32(k))
        precondition(info >= 0, "LAPACK dgesdd rejected its argument \(-info): this is a bug in the Regularization engine, please report it")
        if info > 0 { throw .singularValueDecompositionFailed(rows: n, columns: p) }
        var uty = [Double](repeating: 0, count: k)
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(k), 1, u, Int32(n), problem.target, 1, 0, &uty, 1)
        var result = RidgePath(alphas: alphas, coefficients: [], intercepts: [])
        for alpha in alphas {
            var d = [Double](repeating: 0, count: k)
            for i in 0..<k where s[i] > 1e-15 { d[i] = s[i] * uty[i] / (s[i] * s[i] + alpha) }
            var w = [Double](repeating: 0, count: p)
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(k), Int32(p), 1, vt, Int32(k), d, 1, 0, &w, 1)
            result.coefficients.append(w)
            result.intercepts.append(problem.intercept(for: w))
        }
        return result
    }

    /// Cross-validates α (validation mean squared error per α, one SVD per fold) and refits the
    /// best α on all the data by Cholesky.
    ///
    /// - Throws: `ArgumentError` for an empty or invalid grid, unusable folds, mismatched shapes or
    ///   non-finite values; `NumericalError` when a fold's SVD or the final fit fails.
    public func crossValidate(
        _ x: Tensor<Double>, _ y: Tensor<Double>, folds: CrossValidationFolds, alphas: [Double]
    ) throws -> CrossValidationResult<LinearModel> {
        try SolverChecks.alphas(alphas, Self.validateAlpha)
        let (n, p) = try SolverChecks.data(x: x, y: y)
        try folds.check(sampleCount: n)
        let errors = try foldErrors(x: x.scalars, y: y.scalars, features: p, fitIntercept: fitIntercept, folds: folds, alphaCount: alphas.count) { train in
            try self.path(problem: train, alphas: alphas).coefficientsAndIntercepts
        }
        let curve = try CrossValidationCurve(alphas: alphas, foldErrors: errors)
        var best = self
        best.alpha = curve.bestAlpha
        let model = try best.fit(problem: LinearProblem(rowMajor: x.scalars, samples: n, features: p, y: y.scalars, fitIntercept: fitIntercept))
        return CrossValidationResult(curve: curve, model: model)
    }
}
