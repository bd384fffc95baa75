extension ChartLayout {
    /// Data positions in points, to find a legend corner that covers nothing.
    struct LegendObstacles {
        var points: [(Double, Double)] = []
        var segments: [(Double, Double, Double, Double)] = []
        var rects: [Rect] = []
        /// Heatmaps and contours fill the plot: every box covers them.
        var everywhere = false

        init(panel p: PanelLayout, marks: [Mark]) {
            for mark in marks {
                switch mark {
                case let .series(s):
                    addSeries(s, p)
                case let .bar(b):
                    for r in BarGeometry.rects(b, panel: p) { rects.append(r.rect) }
                case let .histogram(h):
                    addHistogram(h, p)
                case .heatmap, .contour:
                    everywhere = true
                case let .region(r):
                    addRegion(r, p)
                case let .band(b):
                    for i in b.x.indices where b.x[i].isFinite && b.lower[i].isFinite && b.upper[i].isFinite {
                        let x = p.px(b.x[i])
                        segments.append((x, p.py(b.lower[i]), x, p.py(b.upper[i])))
                    }
                case let .text(t):
                    let x = p.px(t.x), y = p.py(t.y)
                    let size = ChartLayout.Style.annotationSize
                    rects.append(Rect(x: x, y: y - 6 - size * 1.05, width: TextMetrics.width(t.text, size: size) + 8, height: size * 1.05 + 8))
                case .rule:
                    break
                }
            }
        }

        /// A series' points (at most about 4000 of them, and the last) and, for a line, the
        /// segments between finite neighbours.
        private mutating func addSeries(_ s: Series, _ p: PanelLayout) {
            let n = min(s.x.count, s.y.count)
            let step = max(1, n / 4000)
            var indices = Array(Swift.stride(from: 0, to: n, by: step))
            if let last = indices.last, last != n - 1 { indices.append(n - 1) }
            var prev: (Double, Double)? = nil
            for i in indices {
                if s.x[i].isFinite && s.y[i].isFinite {
                    let pt = (p.px(s.x[i]), p.py(s.y[i]))
                    points.append(pt)
                    if s.line, let q = prev { segments.append((q.0, q.1, pt.0, pt.1)) }
                    prev = pt
                } else {
                    prev = nil
                }
            }
        }

        /// The histogram's non-empty bars.
        private mutating func addHistogram(_ h: HistogramMark, _ p: PanelLayout) {
            let (edges, heights) = Binning.bars(h)
            for i in heights.indices where heights[i] > 0 {
                let x0 = p.px(edges[i]), x1 = p.px(edges[i + 1]), y0 = p.py(heights[i]), y1 = p.py(0)
                rects.append(Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
            }
        }

        /// The region's outline, closed.
        private mutating func addRegion(_ r: RegionMark, _ p: PanelLayout) {
            let pts = zip(r.x, r.y).map { (p.px($0), p.py($1)) }
            for i in pts.indices {
                let a = pts[i], b = pts[(i + 1) % pts.count]
                segments.append((a.0, a.1, b.0, b.1))
            }
        }

        /// How many points, segments and rectangles `r` covers (a million over a heatmap or contours).
        func count(in r: Rect) -> Int {
            if everywhere { return 1_000_000 }
            var c = 0
            for (x, y) in points where r.contains(x, y) { c += 1 }
            for s in segments where r.intersects(s.0, s.1, s.2, s.3) { c += 1 }
            for b in rects where b.x < r.maxX && b.maxX > r.x && b.y < r.maxY && b.maxY > r.y { c += 1 }
            return c
        }
    }
}
