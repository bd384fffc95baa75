/// Contour lines by marching squares.
package enum Contours {
    /// A contour segment in data coordinates.
    package struct Segment: Sendable, Equatable {
        /// Start x.
        package var x0: Double
        /// Start y.
        package var y0: Double
        /// End x.
        package var x1: Double
        /// End y.
        package var y1: Double
    }

    /// Segments where the gridded function crosses `level` (cells with a NaN corner are skipped).
    package static func segments(x: [Double], y: [Double], z: [Double], level: Double) -> [Segment] {
        let nx = x.count
        let ny = y.count
        guard nx >= 2, ny >= 2, z.count >= nx * ny else { return [] }
        var out: [Segment] = []
        for r in 0..<(ny - 1) {
            for c in 0..<(nx - 1) {
                let v00 = z[r * nx + c], v10 = z[r * nx + c + 1]
                let v01 = z[(r + 1) * nx + c], v11 = z[(r + 1) * nx + c + 1]
                guard v00.isFinite, v10.isFinite, v01.isFinite, v11.isFinite else { continue }
                // Corners counter-clockwise: (c,r) (c+1,r) (c+1,r+1) (c,r+1).
                let xs = [x[c], x[c + 1], x[c + 1], x[c]]
                let ys = [y[r], y[r], y[r + 1], y[r + 1]]
                let vs = [v00, v10, v11, v01]
                var crossings: [(Double, Double)] = []
                for e in 0..<4 {
                    let a = e, b = (e + 1) % 4
                    let va = vs[a] - level, vb = vs[b] - level
                    if (va < 0) != (vb < 0) {
                        let t = va / (va - vb)
                        crossings.append((xs[a] + t * (xs[b] - xs[a]), ys[a] + t * (ys[b] - ys[a])))
                    }
                }
                if crossings.count == 2 {
                    out.append(Segment(x0: crossings[0].0, y0: crossings[0].1, x1: crossings[1].0, y1: crossings[1].1))
                } else if crossings.count == 4 {
                    // Saddle: decide by the centre value.
                    let centre = (v00 + v10 + v11 + v01) / 4 - level
                    let pairs = (centre < 0) == (vs[0] - level < 0) ? [(0, 3), (1, 2)] : [(0, 1), (2, 3)]
                    for (i, j) in pairs {
                        out.append(Segment(x0: crossings[i].0, y0: crossings[i].1, x1: crossings[j].0, y1: crossings[j].1))
                    }
                }
            }
        }
        return out
    }

    /// The levels of a contour mark: given ones, or nice ticks over the finite z range (ends excluded).
    package static func levels(_ mark: ContourMark) -> [Double] {
        if let given = mark.levels { return given }
        let finite = mark.z.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return [] }
        return ExtendedTicks.ticks(lo, hi, m: Swift.max(mark.levelCount, 2)).filter { $0 > lo && $0 < hi }
    }
}
