extension Chart {
    /// Checks the spec and throws the first problem found: no data, mismatched lengths,
    /// series with no finite value, non-positive values on a log axis, bad options.
    public func validate() throws {
        let name = title.isEmpty ? "untitled" : title
        guard width >= 50, height >= 50, width.isFinite, height.isFinite else {
            throw ChartError.invalidOption(chart: name, detail: "size \(width)×\(height) is too small; use at least 50×50 points")
        }
        let marks = self.marks
        guard !marks.isEmpty else { throw ChartError.emptyData(chart: name, mark: "the chart") }
        if !marks.contains(where: { $0.hasData }) {
            throw ChartError.emptyData(chart: name, mark: marks[0].label)
        }
        if let lo = x.min, let hi = x.max, !(lo < hi) {
            throw ChartError.invalidOption(chart: name, detail: "x limits \(lo)…\(hi) are empty; the lower limit must be below the upper")
        }
        if let lo = y.min, let hi = y.max, !(lo < hi) {
            throw ChartError.invalidOption(chart: name, detail: "y limits \(lo)…\(hi) are empty; the lower limit must be below the upper")
        }
        for (axis, axisName) in [(x, "x"), (y, "y")] {
            for limit in [axis.min, axis.max].compactMap({ $0 }) {
                guard limit.isFinite else {
                    throw ChartError.invalidOption(chart: name, detail: "\(axisName) limit \(limit) is not a finite number")
                }
                if axis.scale == .log10, limit <= 0 {
                    throw ChartError.invalidOption(
                        chart: name, detail: "\(axisName) limit \(limit) is not above 0, which a log axis cannot show; use positive limits or a linear or symlog scale")
                }
            }
        }
        for mark in marks { try validate(mark, chart: name) }
    }

    private func requireSame(_ a: Int, _ b: Int, _ detail: @autoclosure () -> String, mark: Mark, chart: String) throws {
        if a != b { throw ChartError.mismatchedLengths(chart: chart, mark: mark.label, detail: detail()) }
    }

    private func checkLog(_ values: [Double], axis: Axis, axisName: String, mark: Mark, chart: String) throws {
        guard axis.scale == .log10 else { return }
        if let bad = values.first(where: { $0.isFinite && $0 <= 0 }) {
            throw ChartError.nonPositiveOnLogAxis(chart: chart, axis: axisName, mark: mark.label, value: bad)
        }
    }

    private func validate(_ mark: Mark, chart: String) throws {
        switch mark {
        case let .series(s):
            guard !s.x.isEmpty else { throw ChartError.emptyData(chart: chart, mark: mark.label) }
            try requireSame(s.x.count, s.y.count, "x has \(s.x.count) values, y has \(s.y.count)", mark: mark, chart: chart)
            guard zip(s.x, s.y).contains(where: { $0.isFinite && $1.isFinite }) else {
                throw ChartError.noFiniteValues(chart: chart, mark: mark.label)
            }
            try checkLog(s.x, axis: x, axisName: "x", mark: mark, chart: chart)
            try checkLog(s.y, axis: y, axisName: "y", mark: mark, chart: chart)
        case let .bar(b):
            guard !b.categories.isEmpty, !b.groups.isEmpty else { throw ChartError.emptyData(chart: chart, mark: mark.label) }
            for g in b.groups {
                try requireSame(g.values.count, b.categories.count,
                                "group \"\(g.name)\" has \(g.values.count) values for \(b.categories.count) categories", mark: mark, chart: chart)
            }
            if !b.groups.contains(where: { $0.values.contains(where: \.isFinite) }) {
                throw ChartError.noFiniteValues(chart: chart, mark: mark.label)
            }
            try checkLog(b.groups.flatMap(\.values), axis: b.horizontal ? x : y, axisName: b.horizontal ? "x" : "y", mark: mark, chart: chart)
        case let .histogram(h):
            guard !h.values.isEmpty else { throw ChartError.emptyData(chart: chart, mark: mark.label) }
            guard h.values.contains(where: \.isFinite) else { throw ChartError.noFiniteValues(chart: chart, mark: mark.label) }
            if let edges = h.edges {
                guard edges.count >= 2, edges.allSatisfy(\.isFinite), zip(edges.dropFirst(), edges).allSatisfy({ $0 > $1 }) else {
                    throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) needs at least two finite, strictly increasing bin edges")
                }
            }
            try checkLog(h.values, axis: x, axisName: "x", mark: mark, chart: chart)
        case let .heatmap(h):
            try checkGrid(x: h.x, y: h.y, z: h.z, mark: mark, chart: chart)
        case let .contour(c):
            try checkGrid(x: c.x, y: c.y, z: c.z, mark: mark, chart: chart)
            if c.x.count < 2 || c.y.count < 2 {
                throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) needs a grid of at least 2×2 points")
            }
        case let .region(r):
            guard r.x.count >= 3 else { throw ChartError.emptyData(chart: chart, mark: mark.label + " (needs at least 3 vertices)") }
            try requireSame(r.x.count, r.y.count, "x has \(r.x.count) values, y has \(r.y.count)", mark: mark, chart: chart)
            guard r.x.allSatisfy(\.isFinite), r.y.allSatisfy(\.isFinite) else {
                throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) has non-finite vertices")
            }
            try checkLog(r.x, axis: x, axisName: "x", mark: mark, chart: chart)
            try checkLog(r.y, axis: y, axisName: "y", mark: mark, chart: chart)
        case let .band(b):
            guard !b.x.isEmpty else { throw ChartError.emptyData(chart: chart, mark: mark.label) }
            try requireSame(b.x.count, b.lower.count, "x has \(b.x.count) values, lower has \(b.lower.count)", mark: mark, chart: chart)
            try requireSame(b.x.count, b.upper.count, "x has \(b.x.count) values, upper has \(b.upper.count)", mark: mark, chart: chart)
            guard (0..<b.x.count).contains(where: { b.x[$0].isFinite && b.lower[$0].isFinite && b.upper[$0].isFinite }) else {
                throw ChartError.noFiniteValues(chart: chart, mark: mark.label)
            }
            try checkLog(b.x, axis: x, axisName: "x", mark: mark, chart: chart)
            try checkLog(b.lower + b.upper, axis: y, axisName: "y", mark: mark, chart: chart)
        case let .rule(r):
            guard r.value.isFinite else { throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) is not at a finite value") }
            if r.orientation == .horizontal {
                try checkLog([r.value], axis: y, axisName: "y", mark: mark, chart: chart)
            } else {
                try checkLog([r.value], axis: x, axisName: "x", mark: mark, chart: chart)
            }
        case let .text(t):
            guard t.x.isFinite, t.y.isFinite else { throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) is not at a finite position") }
            try checkLog([t.x], axis: x, axisName: "x", mark: mark, chart: chart)
            try checkLog([t.y], axis: y, axisName: "y", mark: mark, chart: chart)
        }
    }

    private func checkGrid(x xs: [Double], y ys: [Double], z: [Double], mark: Mark, chart: String) throws {
        guard !xs.isEmpty, !ys.isEmpty, !z.isEmpty else { throw ChartError.emptyData(chart: chart, mark: mark.label) }
        try requireSame(z.count, xs.count * ys.count,
                        "z has \(z.count) values for a grid of \(ys.count) rows × \(xs.count) columns", mark: mark, chart: chart)
        guard xs.allSatisfy(\.isFinite), ys.allSatisfy(\.isFinite),
              zip(xs.dropFirst(), xs).allSatisfy({ $0 > $1 }), zip(ys.dropFirst(), ys).allSatisfy({ $0 > $1 }) else {
            throw ChartError.invalidOption(chart: chart, detail: "\(mark.label) needs finite, strictly increasing x and y grid coordinates")
        }
        guard z.contains(where: \.isFinite) else { throw ChartError.noFiniteValues(chart: chart, mark: mark.label) }
        try checkLog(xs, axis: x, axisName: "x", mark: mark, chart: chart)
        try checkLog(ys, axis: y, axisName: "y", mark: mark, chart: chart)
    }
}

extension Mark {
    /// Whether the mark carries data (rules and text alone do not make a chart).
    var hasData: Bool {
        switch self {
        case .rule, .text: return false
        default: return true
        }
    }
}
