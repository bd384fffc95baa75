/// The outline of a polyline whose x never decreases, stroked with a round-join, butt-cap pen: the
/// region as a top and a bottom boundary sampled at evenly spaced x positions.
///
/// Why this is computed here instead of asking cairo to stroke: a dense series (several points per
/// pixel column) strokes into tens of thousands of overlapping, nearly vertical segments, and
/// cairo's general stroker and scan converter then spend most of a chart's drawing time on edges
/// that only cover pixels already covered. For an x-monotone polyline the stroke is simpler: the
/// pen's sweep meets every vertical line in a single interval (the trace is connected and each
/// segment's rectangle and each join's sector meet it in an interval that moves continuously with
/// x), so the whole stroke is the region between two functions of x. Filling that one polygon,
/// sampled every eighth of a pixel, gives the pixels of cairo's stroke within antialiasing (RMS
/// below 1) at a fraction of the cost.
package struct StrokeOutline: Equatable, Sendable {
    /// Sample positions, increasing.
    package var x: [Double]
    /// Smallest y of the stroke at each sample (the top edge in screen coordinates).
    package var top: [Double]
    /// Largest y of the stroke at each sample.
    package var bottom: [Double]

    /// Computes the outline of the polyline through `points` (x non-decreasing) stroked with a pen
    /// of half-width `radius`, sampled every `step` along x. Every segment contributes the rectangle
    /// swept by the pen, every interior vertex the sector of the pen's disk that rounds the outside
    /// of its turn; the run's two ends are cut square (butt caps), as cairo draws them. Only
    /// samples within `visible` are computed (a chart's plot area: data beyond an axis limit
    /// costs nothing).
    package init(points input: [(x: Double, y: Double)], radius: Double, step: Double, visible: ClosedRange<Double>? = nil) {
        x = []
        top = []
        bottom = []
        // Repeated points add nothing to the stroke and have no direction.
        var points: [(x: Double, y: Double)] = []
        points.reserveCapacity(input.count)
        for p in input where p.x != points.last?.x || p.y != points.last?.y { points.append(p) }
        guard let first = points.first, radius > 0, step > 0,
            points.allSatisfy({ $0.x.isFinite && $0.y.isFinite })
        else { return }
        let m = points.count
        let r = radius
        // The x extent of the stroke: the segments' rectangles reach at most r beyond their ends.
        var lower = first.x, upper = first.x
        for p in points {
            lower = Swift.min(lower, p.x)
            upper = Swift.max(upper, p.x)
        }
        let segments = Swift.max(m - 1, 0)
        if segments == 0 { return }
        let start = Swift.max(lower - r, visible?.lowerBound ?? -.infinity)
        let end = Swift.min(upper + r, visible?.upperBound ?? .infinity)
        // Sample count is bounded by the visible span; an unbounded one of extreme points draws nothing.
        guard start <= end, (end - start) / step < 1e8 else { return }
        let count = Int(((end - start) / step).rounded(.up)) + 1
        x.reserveCapacity(count)
        top.reserveCapacity(count)
        bottom.reserveCapacity(count)
        // Each segment's rectangle and each join's sector is scattered onto the samples it covers.
        // On the line x = a.x + u every constraint is linear in t = y − a.y, so a sample costs a
        // few multiply-adds and selects (and a square root for a join), without branches.
        var lo = [Double](repeating: .infinity, count: count)
        var hi = [Double](repeating: -.infinity, count: count)
        func samples(_ from: Double, _ to: Double) -> Range<Int> {
            let first = ((from - start) / step).rounded(.down), last = ((to - start) / step).rounded(.up) + 1
            guard first < Double(count) && last > 0 else { return 0..<0 }
            let lower = Int(Swift.max(first, 0)), upper = Int(Swift.min(last, Double(count)))
            return lower..<Swift.max(lower, upper)
        }
        lo.withUnsafeMutableBufferPointer { lo in
            hi.withUnsafeMutableBufferPointer { hi in
                var previous = (dx: 0.0, dy: 0.0)
                for i in 0..<segments {
                    let a = points[i], b = points[i + 1]
                    let ex = b.x - a.x, ey = b.y - a.y
                    // Scaled so that far-off points (beyond an axis limit) cannot overflow.
                    let scale = Swift.max(Swift.abs(ex), Swift.abs(ey))
                    let length = scale * ((ex / scale) * (ex / scale) + (ey / scale) * (ey / scale)).squareRoot()
                    let dx = ex / length, dy = ey / length
                    let base = start - a.x
                    // The pen's rectangle: 0 ≤ (p − a)·d ≤ L and |(p − a)·n| ≤ r with n = (−dy, dx):
                    // t·dy lies in [−u·dx, L − u·dx] and t·dx in [u·dy − r, u·dy + r].
                    if dx == 0 {
                        let t0 = Swift.min(0, ey), t1 = Swift.max(0, ey)
                        for k in samples(a.x - r, a.x + r) {
                            let u = base + Double(k) * step
                            let inside = Swift.abs(u) <= r
                            lo[k] = inside ? Swift.min(lo[k], a.y + t0) : lo[k]
                            hi[k] = inside ? Swift.max(hi[k], a.y + t1) : hi[k]
                        }
                    } else if dy == 0 {
                        for k in samples(a.x, b.x) {
                            let u = base + Double(k) * step
                            let inside = u >= 0 && u <= length
                            lo[k] = inside ? Swift.min(lo[k], a.y - r) : lo[k]
                            hi[k] = inside ? Swift.max(hi[k], a.y + r) : hi[k]
                        }
                    } else {
                        let along = -dx / dy, span = length / dy
                        let low0 = Swift.min(0, span), high0 = Swift.max(0, span)
                        let slope = dy / dx, width = r / dx
                        let reach = r * Swift.abs(dy)
                        for k in samples(a.x - reach, b.x + reach) {
                            let u = base + Double(k) * step
                            let t0 = Swift.max(u * along + low0, u * slope - width)
                            let t1 = Swift.min(u * along + high0, u * slope + width)
                            let inside = t0 <= t1
                            lo[k] = inside ? Swift.min(lo[k], a.y + t0) : lo[k]
                            hi[k] = inside ? Swift.max(hi[k], a.y + t1) : hi[k]
                        }
                    }
                    // The round join at the segment's start: the sector of the pen's disk on the
                    // outside of the turn, ahead of the incoming segment (u·d₀ˣ + t·d₀ʸ ≥ 0) and
                    // behind the outgoing one (u·dˣ + t·dʸ ≤ 0). Each is a bound on t, or on u when
                    // its segment is horizontal.
                    if i > 0 {
                        var lower = (Bound.none, Bound.none), upper = (Bound.none, Bound.none)
                        var uMin = -r, uMax = r
                        if previous.dy > 0 { lower.0 = Bound(-previous.dx / previous.dy) }
                        else if previous.dy < 0 { upper.0 = Bound(-previous.dx / previous.dy) }
                        else { uMin = 0 }
                        if dy > 0 { upper.1 = Bound(-dx / dy) }
                        else if dy < 0 { lower.1 = Bound(-dx / dy) }
                        else { uMax = 0 }
                        let r2 = r * r
                        for k in samples(a.x + uMin, a.x + uMax) {
                            let u = base + Double(k) * step
                            let h = r2 - u * u
                            let s = Swift.max(h, 0).squareRoot()
                            let t0 = Swift.max(-s, Swift.max(u * lower.0.slope + lower.0.offset, u * lower.1.slope + lower.1.offset))
                            let t1 = Swift.min(s, Swift.min(u * upper.0.slope - upper.0.offset, u * upper.1.slope - upper.1.offset))
                            let inside = h >= 0 && u >= uMin && u <= uMax && t0 <= t1
                            lo[k] = inside ? Swift.min(lo[k], a.y + t0) : lo[k]
                            hi[k] = inside ? Swift.max(hi[k], a.y + t1) : hi[k]
                        }
                    }
                    previous = (dx, dy)
                }
            }
        }
        for k in 0..<count where lo[k] <= hi[k] {
            x.append(Swift.min(start + Double(k) * step, end))
            top.append(lo[k])
            bottom.append(hi[k])
        }
    }

    /// A linear bound u·slope on t, or no bound (an offset of −∞ for a lower bound; an upper bound
    /// subtracts the offset).
    private struct Bound {
        var slope = 0.0
        var offset = -Double.infinity
        static let none = Bound()
        init() {}
        init(_ slope: Double) {
            self.slope = slope
            offset = 0
        }
    }
}

extension StrokeOutline {
    /// Whether the point lies inside the outline (between the boundaries interpolated at `x`).
    package func contains(x px: Double, y py: Double) -> Bool {
        guard let first = x.first, let last = x.last, px >= first, px <= last else { return false }
        // The first sample at or after px.
        var low = 0, high = x.count - 1
        while low < high {
            let mid = (low + high) / 2
            if x[mid] < px { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return py >= top[0] && py <= bottom[0] }
        let span = x[low] - x[low - 1]
        let f = span > 0 ? (px - x[low - 1]) / span : 0
        let t = top[low - 1] + f * (top[low] - top[low - 1])
        let b = bottom[low - 1] + f * (bottom[low] - bottom[low - 1])
        return py >= t && py <= b
    }
}
