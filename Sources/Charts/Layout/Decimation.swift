/// M4-style reduction of long series: per pixel column keep the first, minimum, maximum and last
/// point, so a polyline drawn from the kept points covers the same pixels.
package enum Decimation {
    /// Indices of the points to keep, in order. `column` maps a point's x to its pixel column;
    /// non-finite points are always kept (they mark gaps).
    package static func m4(x: [Double], y: [Double], column: (Double) -> Int) -> [Int] {
        let n = Swift.min(x.count, y.count)
        guard n > 8 else { return Array(0..<n) }
        var keep: [Int] = []
        keep.reserveCapacity(Swift.min(n, 4096))
        var runStart = -1
        var runColumn = Int.min
        var minIndex = 0
        var maxIndex = 0
        var last = 0
        func flush() {
            guard runStart >= 0 else { return }
            var picks = [runStart, minIndex, maxIndex, last]
            picks.sort()
            var previous = -1
            for p in picks where p != previous {
                keep.append(p)
                previous = p
            }
            runStart = -1
        }
        for i in 0..<n {
            let xv = x[i]
            let yv = y[i]
            guard xv.isFinite && yv.isFinite else {
                flush()
                keep.append(i)
                runColumn = Int.min
                continue
            }
            let c = column(xv)
            if c != runColumn || runStart < 0 {
                flush()
                runStart = i
                runColumn = c
                minIndex = i
                maxIndex = i
            } else {
                if yv < y[minIndex] { minIndex = i }
                if yv > y[maxIndex] { maxIndex = i }
            }
            last = i
        }
        flush()
        return keep
    }
}
