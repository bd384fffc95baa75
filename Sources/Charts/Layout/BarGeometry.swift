/// Where each bar of a bar mark goes.
package enum BarGeometry {
    /// One bar: its rectangle in points and its group index.
    package struct Bar: Sendable, Equatable {
        /// The rectangle.
        package var rect: Rect
        /// Index of the group (for its colour).
        package var group: Int
    }

    /// The bars of `mark` in `panel` (non-finite values are skipped).
    package static func rects(_ mark: BarMark, panel p: PanelLayout) -> [Bar] {
        var out: [Bar] = []
        let groups = mark.groups.count
        let slot = 0.8
        let valueAxis = mark.horizontal ? p.x : p.y
        let base = valueAxis.scale == .log10 ? valueAxis.scale.inverse(valueAxis.lower) : 0
        for c in mark.categories.indices {
            var pos = base, neg = base
            for (g, group) in mark.groups.enumerated() {
                let v = group.values[c]
                guard v.isFinite else { continue }
                var from = base, to = v
                var lo = Double(c) - slot / 2, hi = Double(c) + slot / 2
                if mark.arrangement == .stacked {
                    if v >= 0 { from = pos; to = pos + v; pos = to } else { from = neg; to = neg + v; neg = to }
                } else {
                    let w = slot / Double(groups)
                    lo = Double(c) - slot / 2 + Double(g) * w
                    hi = lo + w
                }
                let rect: Rect
                if mark.horizontal {
                    let x0 = p.px(from), x1 = p.px(to), y0 = p.py(lo), y1 = p.py(hi)
                    rect = Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
                } else {
                    let x0 = p.px(lo), x1 = p.px(hi), y0 = p.py(from), y1 = p.py(to)
                    rect = Rect(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
                }
                out.append(Bar(rect: rect, group: g))
            }
        }
        return out
    }
}
