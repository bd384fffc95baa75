// An internal import: no C type appears in the engine's API or stored layout. Chapter programs
// still need the module map to load this module (the chapter kit carries it, see ChapterKit).
internal import COpenBLAS

/// The outcome of one coordinate-descent solve.
struct CoordinateDescentOutcome: Sendable {
    /// Completed sweeps over the working set.
    var iterations: Int
    /// The duality gap in cd_fast's units (n times the gap of the 1/(2n) objective).
    var gap: Double
    /// Whether `gap <= tolerance` was reached.
    var converged: Bool
}

/// Coordinate descent for ½‖y − Xw‖² + l1‖w‖₁ + ½·l2‖w‖², following scikit-learn's
/// `_cd_fast.enet_coordinate_descent` (1.9): cyclic updates, the residual updated with `daxpy`,
/// the duality gap computed when the largest update is small relative to the largest weight
/// (`d_w_max / w_max <= tol`), stopping when `gap <= tol·‖y‖²`.
///
/// With `screening`, sweeps run over a working set: along a path, the sequential strong set
/// {j : |x_jᵀr| ≥ 2·l1 − l1_previous} ∪ {w_j ≠ 0}; for a single fit, the non-zero weights after
/// one full sweep. Every gap check is a full `Xᵀr`, and
/// any feature outside the set that violates its optimality condition `|x_jᵀr| ≤ l1` is added
/// back before the solver may stop, so the answer is that of the full problem.
enum CoordinateDescent {
    /// The dual gap (formulation A for l1 > 0, B for l1 = 0 < l2, ‖Xᵀr‖² for OLS) from the pieces.
    static func gap(
        l1: Double, l2: Double, wL1: Double, wL2: Double, rNorm2: Double, ry: Double, xtA: UnsafeMutablePointer<Double>,
        w: UnsafePointer<Double>, p: Int
    ) -> Double {
        if l1 == 0 {
            var dn = 0.0
            for j in 0..<p { dn += xtA[j] * xtA[j] }
            if l2 == 0 { return dn }
            return rNorm2 + 0.5 * l2 * wL2 - ry + dn / (2 * l2)
        }
        var dualNorm = 0.0
        for j in 0..<p {
            xtA[j] -= l2 * w[j]
            dualNorm = Swift.max(dualNorm, abs(xtA[j]))
        }
        let primal = 0.5 * (rNorm2 + l2 * wL2) + l1 * wL1
        let scale = dualNorm > l1 ? l1 / dualNorm : 1
        let dual = -0.5 * scale * scale * (rNorm2 + l2 * wL2) + scale * ry
        return primal - dual
    }

    /// Solves in place from the warm start `w` with residual `r = y − Xw` (column-major `x`).
    ///
    /// - Parameters:
    ///   - tolerance: the relative tolerance `tol` (the gap test uses `tol·‖y‖²`).
    ///   - previousL1: for the sequential strong rule, the l1 penalty the warm start solved
    ///     (`nil` with `screening` uses the largest |x_jᵀr|, i.e. the start of a path).
    static func solveResidual(
        problem: LinearProblem, norms: [Double], l1: Double, l2: Double, tolerance: Double,
        maxIterations: Int, screening: Bool, previousL1: Double?, w: inout [Double], r: inout [Double]
    ) -> CoordinateDescentOutcome {
        let n = problem.samples
        let p = problem.features
        let n32 = Int32(n)
        var xtA = [Double](repeating: 0, count: p)
        let y = problem.target
        let tolAbs = tolerance * cblas_ddot(n32, y, 1, y, 1)
        var outcome = CoordinateDescentOutcome(iterations: 0, gap: .infinity, converged: false)

        problem.columns.withUnsafeBufferPointer { xb in
            let x = xb.baseAddress!
            w.withUnsafeMutableBufferPointer { wb in
                r.withUnsafeMutableBufferPointer { rb in
                    xtA.withUnsafeMutableBufferPointer { ab in
                        let w = wb.baseAddress!
                        let r = rb.baseAddress!
                        let xtA = ab.baseAddress!
                        func computeGap() -> Double {
                            let wL2 = l2 > 0 ? cblas_ddot(Int32(p), w, 1, w, 1) : 0
                            let rNorm2 = cblas_ddot(n32, r, 1, r, 1)
                            let ry = cblas_ddot(n32, r, 1, y, 1)
                            cblas_dgemv(CblasColMajor, CblasTrans, n32, Int32(p), 1, x, n32, r, 1, 0, xtA, 1)
                            let wL1 = cblas_dasum(Int32(p), w, 1)
                            return gap(l1: l1, l2: l2, wL1: wL1, wL2: wL2, rNorm2: rNorm2, ry: ry, xtA: xtA, w: w, p: p)
                        }
                        outcome = iterate(
                            p: p, l1: l1, l2: l2, tolerance: tolerance, tolAbs: tolAbs, maxIterations: maxIterations,
                            screening: screening, previousL1: previousL1, w: w,
                            norm: { norms[$0] },
                            // Strong rule and optimality check: x_jᵀr, from the last gap check (gap() leaves Xᵀr − l2·w).
                            correlation: { xtA[$0] + l2 * w[$0] },
                            // The coordinate update's x_jᵀr, from the current residual.
                            currentCorrelation: { cblas_ddot(n32, x + $0 * n, 1, r, 1) },
                            shift: { j, delta in cblas_daxpy(n32, delta, x + j * n, 1, r, 1) },
                            gap: computeGap)
                    }
                }
            }
        }
        return outcome
    }

    /// The same algorithm on the Gram matrix `G = XᵀX` (column-major, full) and `q = Xᵀy`,
    /// maintaining the correlations `g = Xᵀr = q − Gw` instead of the residual (scikit-learn's
    /// `enet_coordinate_descent_gram`); the choice when samples outnumber features.
    static func solveGram(
        gram: [Double], q: [Double], yNorm2: Double, l1: Double, l2: Double, tolerance: Double,
        maxIterations: Int, screening: Bool, previousL1: Double?, w: inout [Double], g: inout [Double]
    ) -> CoordinateDescentOutcome {
        let p = q.count
        let p32 = Int32(p)
        let tolAbs = tolerance * yNorm2
        var xtA = [Double](repeating: 0, count: p)
        var outcome = CoordinateDescentOutcome(iterations: 0, gap: .infinity, converged: false)
        gram.withUnsafeBufferPointer { gb in
            let G = gb.baseAddress!
            w.withUnsafeMutableBufferPointer { wb in
                g.withUnsafeMutableBufferPointer { cb in
                    xtA.withUnsafeMutableBufferPointer { ab in
                        let w = wb.baseAddress!
                        let c = cb.baseAddress!
                        let xtA = ab.baseAddress!
                        func computeGap() -> Double {
                            let wL2 = l2 > 0 ? cblas_ddot(p32, w, 1, w, 1) : 0
                            let wq = cblas_ddot(p32, w, 1, q, 1)
                            let wg = cblas_ddot(p32, w, 1, c, 1)
                            let rNorm2 = yNorm2 - wq - wg
                            let ry = yNorm2 - wq
                            for j in 0..<p { xtA[j] = c[j] }
                            let wL1 = cblas_dasum(p32, w, 1)
                            return gap(l1: l1, l2: l2, wL1: wL1, wL2: wL2, rNorm2: rNorm2, ry: ry, xtA: xtA, w: w, p: p)
                        }
                        outcome = iterate(
                            p: p, l1: l1, l2: l2, tolerance: tolerance, tolAbs: tolAbs, maxIterations: maxIterations,
                            screening: screening, previousL1: previousL1, w: w,
                            norm: { G[$0 * p + $0] },
                            correlation: { c[$0] },
                            currentCorrelation: { c[$0] },
                            shift: { j, delta in cblas_daxpy(p32, delta, G + j * p, 1, c, 1) },
                            gap: computeGap)
                    }
                }
            }
        }
        return outcome
    }

    /// The loop both variants share: cyclic soft-threshold updates over a working set (the
    /// sequential strong set along a path, the non-zero weights after one full sweep for a single
    /// fit), a duality-gap check once the largest update is small relative to the largest weight,
    /// and every feature outside the set that violates `|x_jᵀr| ≤ l1` added back before stopping.
    ///
    /// - Parameters:
    ///   - norm: ‖x_j‖².
    ///   - correlation: x_jᵀr as of the last `gap()` call (screening and the optimality check).
    ///   - currentCorrelation: x_jᵀr now (the update).
    ///   - shift: adds `delta·x_j` to the residual (or `delta·G_j` to the correlations).
    ///   - gap: the duality gap, refreshing what `correlation` reads.
    private static func iterate(
        p: Int, l1: Double, l2: Double, tolerance: Double, tolAbs: Double, maxIterations: Int, screening: Bool,
        previousL1: Double?, w: UnsafeMutablePointer<Double>, norm: (Int) -> Double, correlation: (Int) -> Double,
        currentCorrelation: (Int) -> Double, shift: (Int, Double) -> Void, gap: () -> Double
    ) -> CoordinateDescentOutcome {
        var outcome = CoordinateDescentOutcome(iterations: 0, gap: gap(), converged: false)
        if outcome.gap <= tolAbs {
            outcome.converged = true
            return outcome
        }
        var inSet = [Bool](repeating: true, count: p)
        let useSet = screening && l1 > 0
        if useSet {
            // Strong rule: keep j when |x_jᵀr| >= 2·l1 − l1_previous (or w_j != 0).
            var largest = 0.0
            for j in 0..<p { largest = Swift.max(largest, abs(correlation(j))) }
            let threshold = 2 * l1 - (previousL1 ?? largest)
            for j in 0..<p { inSet[j] = w[j] != 0 || abs(correlation(j)) >= threshold }
        }
        var workingSet = (0..<p).filter { inSet[$0] && norm($0) > 0 }
        var shrunk = !useSet || previousL1 != nil
        while outcome.iterations < maxIterations {
            var wMax = 0.0
            var dwMax = 0.0
            for j in workingSet {
                let squaredNorm = norm(j)
                let old = w[j]
                let tmp = currentCorrelation(j) + old * squaredNorm
                let magnitude = abs(tmp) - l1
                let new = magnitude > 0 ? (tmp > 0 ? magnitude : -magnitude) / (squaredNorm + l2) : 0
                if new != old {
                    shift(j, old - new)
                    w[j] = new
                }
                dwMax = Swift.max(dwMax, abs(new - old))
                wMax = Swift.max(wMax, abs(new))
            }
            outcome.iterations += 1
            let last = outcome.iterations == maxIterations
            if !shrunk {
                // After the first sweep, cycle over the non-zero weights only.
                shrunk = true
                for j in 0..<p { inSet[j] = w[j] != 0 }
                workingSet = (0..<p).filter { inSet[$0] }
            }
            if wMax == 0 || dwMax / wMax <= tolerance || last {
                outcome.gap = gap()
                if useSet {
                    var added = false
                    for j in 0..<p where !inSet[j] && norm(j) > 0 && abs(correlation(j)) > l1 {
                        inSet[j] = true
                        added = true
                    }
                    if added {
                        workingSet = (0..<p).filter { inSet[$0] }
                        if !last { continue }
                    }
                }
                if outcome.gap <= tolAbs {
                    outcome.converged = true
                    break
                }
            }
        }
        return outcome
    }
}
