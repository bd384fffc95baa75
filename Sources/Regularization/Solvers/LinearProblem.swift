// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// A validated least-squares problem stored column by column (column-major), centered when an
/// intercept is fitted, as scikit-learn's `_preprocess_data` does for `fit_intercept=True`.
struct LinearProblem: Sendable {
    /// Number of rows of X.
    let samples: Int
    /// Number of columns of X.
    let features: Int
    /// X (minus its column means when fitting an intercept), column-major: column j is
    /// `columns[j * samples ..< (j + 1) * samples]`.
    let columns: [Double]
    /// y (minus its mean when fitting an intercept).
    let target: [Double]
    /// The column means of X that were subtracted (zeros without an intercept).
    let xOffset: [Double]
    /// The mean of y that was subtracted (0 without an intercept).
    let yOffset: Double
    /// Whether the intercept is fitted (the data are centered).
    let fitIntercept: Bool

    /// Validates and prepares `x` (`[samples, features]`) and `y` (`[samples]` or `[samples, 1]`).
    init(x: Tensor<Double>, y: Tensor<Double>, fitIntercept: Bool) throws(ArgumentError) {
        let (n, p) = try SolverChecks.data(x: x, y: y)
        self.init(rowMajor: x.scalars, samples: n, features: p, y: y.scalars, fitIntercept: fitIntercept)
    }

    /// Prepares already validated row-major data.
    init(rowMajor x: [Double], samples n: Int, features p: Int, y: [Double], fitIntercept: Bool) {
        samples = n
        features = p
        self.fitIntercept = fitIntercept
        var means = [Double](repeating: 0, count: p)
        var yMean = 0.0
        if fitIntercept {
            x.withUnsafeBufferPointer { src in
                means.withUnsafeMutableBufferPointer { m in
                    for i in 0..<n {
                        let row = i * p
                        for j in 0..<p { m[j] += src[row + j] }
                    }
                    let scale = 1 / Double(n)
                    for j in 0..<p { m[j] *= scale }
                }
            }
            yMean = y.reduce(0, +) / Double(n)
        }
        xOffset = means
        yOffset = yMean
        target = fitIntercept ? y.map { $0 - yMean } : y
        columns = [Double](unsafeUninitializedCapacity: n * p) { out, initialized in
            x.withUnsafeBufferPointer { src in
                means.withUnsafeBufferPointer { m in
                    let block = 32
                    var i0 = 0
                    while i0 < n {
                        let i1 = Swift.min(i0 + block, n)
                        for j in 0..<p {
                            let mean = m[j]
                            let column = j * n
                            for i in i0..<i1 { out[column + i] = src[i * p + j] - mean }
                        }
                        i0 = i1
                    }
                }
            }
            initialized = n * p
        }
    }

    /// The intercept that goes with coefficients `w` fitted on the centered data.
    func intercept(for w: [Double]) -> Double {
        guard fitIntercept else { return 0 }
        var dot = 0.0
        for j in 0..<features { dot += xOffset[j] * w[j] }
        return yOffset - dot
    }

    /// The squared norm of every column.
    func columnSquaredNorms() -> [Double] {
        columns.withUnsafeBufferPointer { x in
            (0..<features).map { j in
                let column = x.baseAddress! + j * samples
                return cblas_ddot(Int32(samples), column, 1, column, 1)
            }
        }
    }

    /// Xᵀ v for a vector of length `samples`.
    func transposeTimes(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: features)
        columns.withUnsafeBufferPointer { x in
            cblas_dgemv(
                CblasColMajor, CblasTrans, Int32(samples), Int32(features), 1, x.baseAddress!,
                Int32(samples), v, 1, 0, &out, 1)
        }
        return out
    }

    /// The Gram matrix XᵀX (full, symmetric, p × p) through `dsyrk`.
    func gram() -> [Double] {
        let p = features
        var g = [Double](repeating: 0, count: p * p)
        columns.withUnsafeBufferPointer { x in
            cblas_dsyrk(
                CblasColMajor, CblasUpper, CblasTrans, Int32(p), Int32(samples), 1, x.baseAddress!,
                Int32(samples), 0, &g, Int32(p))
        }
        for j in 0..<p {
            for i in (j + 1)..<Swift.max(p, j + 1) { g[j * p + i] = g[i * p + j] }
        }
        return g
    }
}

extension SolverChecks {
    /// Checks that `x` is a non-empty matrix and `y` a vector with one value per row of `x`.
    static func shape(x: Tensor<Double>, y: Tensor<Double>) throws(ArgumentError) -> (samples: Int, features: Int) {
        guard x.rank == 2 else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape,
                requirement: "it must be a matrix [samples, features]; reshape a single feature with x.reshaped([n, 1])")
        }
        let n = x.shape[0]
        let p = x.shape[1]
        guard n > 0, p > 0 else {
            throw .shapeMismatch(
                argument: "x", shape: x.shape, requirement: "a fit needs at least one sample (row) and one feature (column)")
        }
        guard y.rank == 1 || (y.rank == 2 && y.shape[1] == 1) else {
            throw .shapeMismatch(argument: "y", shape: y.shape, requirement: "it must be a vector [samples] (or a matrix [samples, 1])")
        }
        guard y.shape[0] == n else {
            throw .shapeMismatch(argument: "y", shape: y.shape, requirement: "x has \(n) rows and y needs one value per row")
        }
        return (n, p)
    }

    /// Checks the shapes of `x` and `y` and that every value is finite.
    static func data(x: Tensor<Double>, y: Tensor<Double>) throws(ArgumentError) -> (samples: Int, features: Int) {
        let size = try shape(x: x, y: y)
        try ArgumentError.checkFinite(x.scalars, "x")
        try ArgumentError.checkFinite(y.scalars, "y")
        return size
    }

    /// Checks that an explicit grid of penalty strengths is non-empty and that `valid` accepts each.
    static func alphas(_ alphas: [Double], _ valid: (Double) throws(ArgumentError) -> Void) throws(ArgumentError) {
        guard !alphas.isEmpty else {
            throw .invalidValue(argument: "alphas", value: "[]", requirement: "pass at least one alpha")
        }
        for alpha in alphas { try valid(alpha) }
    }
}

/// Internal validation and numeric helpers of the solvers (namespaced to avoid clashes).
enum SolverChecks {}
