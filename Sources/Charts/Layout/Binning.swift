import Foundation

/// Histogram binning.
package enum Binning {
    /// Bin edges by the Freedman–Diaconis rule (width 2·IQR·n^(−1/3)), falling back to Sturges'
    /// rule when the IQR is zero; at most 200 bins.
    package static func freedmanDiaconisEdges(_ values: [Double]) -> [Double] {
        let v = values.filter(\.isFinite).sorted()
        guard let lo = v.first, let hi = v.last else { return [] }
        if hi == lo { return [lo - 0.5, lo + 0.5] }
        let iqr = quantile(v, 0.75) - quantile(v, 0.25)
        var bins: Int
        if iqr > 0 {
            let width = 2 * iqr / cbrt(Double(v.count))
            bins = Int(ceil((hi - lo) / width))
        } else {
            bins = Int(ceil(log2(Double(v.count)))) + 1
        }
        bins = Swift.min(Swift.max(bins, 1), 200)
        return (0...bins).map { lo + (hi - lo) * Double($0) / Double(bins) }
    }

    /// Linear-interpolated quantile of sorted values (numpy's default).
    package static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let i = Int(floor(h))
        let j = Swift.min(i + 1, sorted.count - 1)
        return sorted[i] + (h - Double(i)) * (sorted[j] - sorted[i])
    }

    /// Counts per bin (the last bin includes its right edge, like numpy); values outside are ignored.
    package static func counts(_ values: [Double], edges: [Double]) -> [Double] {
        guard edges.count >= 2 else { return [] }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for v in values where v.isFinite && v >= edges[0] && v <= edges[edges.count - 1] {
            // Binary search for the bin.
            var lo = 0
            var hi = edges.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if v >= edges[mid] { lo = mid } else { hi = mid }
            }
            counts[lo] += 1
        }
        return counts
    }

    /// The bars of a histogram mark: edges and heights (counts, or densities).
    package static func bars(_ mark: HistogramMark) -> (edges: [Double], heights: [Double]) {
        let edges = mark.edges ?? freedmanDiaconisEdges(mark.values)
        var heights = counts(mark.values, edges: edges)
        if mark.density {
            let total = heights.reduce(0, +)
            if total > 0 {
                for i in heights.indices { heights[i] /= total * (edges[i + 1] - edges[i]) }
            }
        }
        return (edges, heights)
    }
}
