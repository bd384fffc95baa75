import Foundation

/// Tick positions by the extended Wilkinson algorithm (Talbot, Lin & Hanrahan, InfoVis 2010),
/// following the reference implementation in R's `labeling::extended`.
package enum ExtendedTicks {
    /// Nice step multiples, most preferred first.
    package static let q: [Double] = [1, 5, 2, 2.5, 4, 3]
    /// Weights of simplicity, coverage, density and legibility.
    package static let weights: [Double] = [0.25, 0.2, 0.5, 0.05]

    /// About `m` nicely spaced ticks covering `[dmin, dmax]`; with `onlyLoose` the ticks enclose the range.
    package static func ticks(_ dmin: Double, _ dmax: Double, m: Int, onlyLoose: Bool = false) -> [Double] {
        guard let best = search(dmin, dmax, m: m, onlyLoose: onlyLoose) else {
            if !(dmin.isFinite && dmax.isFinite) { return [] }
            if dmax - dmin < 1e-300 || m < 2 { return [dmin] }
            return (0..<m).map { dmin + (dmax - dmin) * Double($0) / Double(m - 1) }
        }
        return best
    }

    /// The best labelling, or nil for a degenerate range.
    static func search(_ dminIn: Double, _ dmaxIn: Double, m: Int, onlyLoose: Bool) -> [Double]? {
        guard dminIn.isFinite, dmaxIn.isFinite, m >= 1 else { return nil }
        let dmin = Swift.min(dminIn, dmaxIn)
        let dmax = Swift.max(dminIn, dmaxIn)
        let eps = Double.ulpOfOne * 100
        if dmax - dmin < eps * Swift.max(1, abs(dmax)) { return nil }
        let w = weights
        let n = Double(q.count)
        var bestScore = -2.0
        var best: (lmin: Double, step: Double, k: Int, j: Double, start: Double)?
        var j = 1.0
        outer: while j < 1e4 {
            for (qi, qv) in q.enumerated() {
                let sm = 1 - Double(qi) / (n - 1) - j + 1
                if w[0] * sm + w[1] + w[2] + w[3] < bestScore { break outer }
                var k = 2
                while k < 1000 {
                    let dm = k >= m ? 2 - Double(k - 1) / Double(Swift.max(m - 1, 1)) : 1
                    if w[0] * sm + w[1] + w[2] * dm + w[3] < bestScore { break }
                    let delta = (dmax - dmin) / Double(k + 1) / j / qv
                    var z = ceil(log10(delta))
                    while z < 400 {
                        let step = j * qv * pow(10, z)
                        let cm = coverageMax(dmin, dmax, step * Double(k - 1))
                        if w[0] * sm + w[1] * cm + w[2] * dm + w[3] < bestScore { break }
                        let minStart = floor(dmax / step) * j - Double(k - 1) * j
                        let maxStart = ceil(dmin / step) * j
                        if minStart > maxStart { z += 1; continue }
                        var start = minStart
                        while start <= maxStart {
                            let lmin = start * (step / j)
                            let lmax = lmin + step * Double(k - 1)
                            let s = simplicity(qi: qi, n: n, j: j, lmin: lmin, lmax: lmax, step: step, eps: eps)
                            let c = coverage(dmin, dmax, lmin, lmax)
                            let g = density(k: k, m: m, dmin, dmax, lmin, lmax)
                            let score = w[0] * s + w[1] * c + w[2] * g + w[3] * 1
                            if score > bestScore && (!onlyLoose || (lmin <= dmin && lmax >= dmax)) {
                                bestScore = score
                                best = (lmin, step, k, j, start)
                            }
                            start += 1
                        }
                        z += 1
                    }
                    k += 1
                }
            }
            j += 1
        }
        guard let b = best else { return nil }
        // Rebuild from integers and round to the step's precision so 0.1 + 0.2 prints as 0.3.
        let decimals = Swift.max(0, Int(-floor(log10(b.step))) + 2)
        let scale = pow(10, Double(Swift.min(decimals, 300)))
        return (0..<b.k).map { i in
            let v = b.lmin + Double(i) * b.step
            let r = (v * scale).rounded() / scale
            return r == 0 ? 0 : (r.isFinite ? r : v)
        }
    }

    static func floorMod(_ a: Double, _ b: Double) -> Double { a - floor(a / b) * b }

    static func simplicity(qi: Int, n: Double, j: Double, lmin: Double, lmax: Double, step: Double, eps: Double) -> Double {
        let r = floorMod(lmin, step)
        let v: Double = ((r < eps || step - r < eps) && lmin <= 0 && lmax >= 0) ? 1 : 0
        return 1 - Double(qi) / (n - 1) - j + v
    }

    static func coverage(_ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let range = dmax - dmin
        return 1 - 0.5 * (pow(dmax - lmax, 2) + pow(dmin - lmin, 2)) / pow(0.1 * range, 2)
    }

    static func coverageMax(_ dmin: Double, _ dmax: Double, _ span: Double) -> Double {
        let range = dmax - dmin
        if span > range {
            let half = (span - range) / 2
            return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
        }
        return 1
    }

    static func density(k: Int, m: Int, _ dmin: Double, _ dmax: Double, _ lmin: Double, _ lmax: Double) -> Double {
        let r = Double(k - 1) / (lmax - lmin)
        let rt = Double(m - 1) / (Swift.max(lmax, dmax) - Swift.min(dmin, lmin))
        return 2 - Swift.max(r / rt, rt / r)
    }
}
