import Foundation

extension ChartLayout.Builder {
    /// A working-space axis range, widened by 1e-9 of its span at both ends for keeping candidate ticks.
    struct TickRange {
        let lower: Double
        let upper: Double
        let slack: Double

        init(lower: Double, upper: Double) {
            self.lower = lower
            self.upper = upper
            slack = (upper - lower) * 1e-9
        }

        func contains(_ t: Double) -> Bool { t >= lower - slack && t <= upper + slack }
    }

    /// An axis over `lower…upper` (working space) `length` points long: one tick per category on a
    /// categorical axis, otherwise about one tick per `spacing` points.
    func axisTicks(scale: ScaleKind, lower: Double, upper: Double, categories: [String]?, length: Double, spacing: Double) -> AxisLayout {
        if let cats = categories {
            return AxisLayout(scale: scale, lower: lower, upper: upper, ticks: cats.indices.map(Double.init), labels: cats,
                              categories: cats, showLabels: true)
        }
        // Vertical axes (short spacing) keep at least four ticks, even in small facets.
        let m = max(spacing < 60 ? 4 : 3, min(10, Int((length / spacing).rounded())))
        let (t, l) = ticksAndLabels(scale: scale, lower: lower, upper: upper, m: m)
        return AxisLayout(scale: scale, lower: lower, upper: upper, ticks: t, labels: l, categories: nil, showLabels: true)
    }

    /// About `m` ticks (as data values) within `lower…upper` (working space) and their labels.
    func ticksAndLabels(scale: ScaleKind, lower: Double, upper: Double, m: Int) -> ([Double], [String]) {
        let range = TickRange(lower: lower, upper: upper)
        switch scale {
        case .linear:
            // The best labelling may reach past the range ([-2, 0, 2] on -1.55…1.55), leaving a
            // single tick inside: ask for more until at least two fall inside.
            var ticks = ExtendedTicks.ticks(lower, upper, m: m).filter(range.contains)
            var more = m
            while ticks.count < 2 && more < m + 4 {
                more += 1
                ticks = ExtendedTicks.ticks(lower, upper, m: more).filter(range.contains)
            }
            return (ticks, TickFormatter.labels(ticks))
        case .log10:
            return logTicks(range, m: m)
        case let .symlog(constant):
            return symlogTicks(range, scale: scale, constant: constant > 0 ? constant : 1.0, m: m)
        }
    }

    /// Log-axis ticks: 1-2-5 steps over few decades, else powers of ten (every decade or every
    /// few), else nice values within less than a decade.
    func logTicks(_ range: TickRange, m: Int) -> ([Double], [String]) {
        let lower = range.lower, upper = range.upper
        let a = Int(ceil(lower - 1e-9)), b = Int(floor(upper + 1e-9))
        if upper - lower < 2.5, let steps = fewDecadeTicks(range, m: m) {
            return steps
        }
        if b - a >= 1 {
            return decadeTicks(from: a, through: b, m: m)
        }
        let values = ExtendedTicks.ticks(pow(10, lower), pow(10, upper), m: m).filter { $0 > 0 && range.contains(log10($0)) }
        return (values, TickFormatter.labels(values))
    }

    /// Few decades: 1-2-5 (or 1-5) steps within each decade, each labelled plainly; nil when
    /// neither gives 3 to m + 1 ticks.
    func fewDecadeTicks(_ range: TickRange, m: Int) -> ([Double], [String])? {
        for multiples in [[1.0, 2, 5], [1.0, 5]] {
            var values: [Double] = []
            for e in (Int(floor(range.lower)) - 1)...(Int(ceil(range.upper)) + 1) {
                for q in multiples {
                    let v = q * pow(10, Double(e))
                    if range.contains(log10(v)) { values.append(v) }
                }
            }
            if values.count >= 3 && values.count <= m + 1 {
                return (values, values.map { TickFormatter.labels([$0])[0] })
            }
        }
        return nil
    }

    /// Powers of ten from 10^a to 10^b, every decade or every few so that at most `m` remain,
    /// labelled 10ⁿ.
    func decadeTicks(from a: Int, through b: Int, m: Int) -> ([Double], [String]) {
        var step = 1
        while (b - a) / step + 1 > m { step += 1 }
        let exps = stride(from: a, through: b, by: 1).filter { ((($0 % step) + step) % step) == 0 }
        return (exps.map { pow(10, Double($0)) }, exps.map(TickFormatter.powerOfTenLabel))
    }

    /// Symlog ticks: zero and ± the constant times powers of ten, thinned to every few decades
    /// until at most m + 2 remain.
    func symlogTicks(_ range: TickRange, scale: ScaleKind, constant c0: Double, m: Int) -> ([Double], [String]) {
        var candidates: [Double] = [0]
        for k in 0...15 {
            let v = c0 * pow(10, Double(k))
            candidates.append(v)
            candidates.append(-v)
        }
        let c = candidates.filter { range.contains(scale.transform($0)) }.sorted()
        var chosen = c
        var step = 1
        while chosen.count > m + 2 && step < 10 {
            step += 1
            chosen = c.filter { $0 == 0 || Int(log10(abs($0) / c0).rounded()) % step == 0 }
        }
        return (chosen, chosen.map(Self.symlogLabel))
    }

    /// "0", a plain integer up to 1000, or ±10ⁿ.
    static func symlogLabel(_ v: Double) -> String {
        if v == 0 { return "0" }
        let e = Int(log10(abs(v)).rounded())
        return (v < 0 ? "−" : "") + (e >= 0 && e <= 3 ? String(Int(abs(v))) : TickFormatter.powerOfTenLabel(e))
    }

    /// Fewer ticks until labels on a horizontal axis do not overlap.
    func fitHorizontal(_ axis: AxisLayout, length: Double) -> AxisLayout {
        guard axis.categories == nil else { return axis }
        var a = axis
        var m = a.ticks.count
        while m > 2 && overlaps(a, length: length) {
            m -= 1
            let (t, l) = ticksAndLabels(scale: a.scale, lower: a.lower, upper: a.upper, m: m)
            if t.count >= 2 { a.ticks = t; a.labels = l }
        }
        return a
    }

    /// Whether two neighbouring labels of a horizontal axis `length` points long come closer than 10 points.
    func overlaps(_ a: AxisLayout, length: Double) -> Bool {
        let pos = a.ticks.map { a.fraction($0) * length }
        let widths = a.labels.map { TextMetrics.width($0, size: S.tickSize) }
        for i in 0..<max(0, pos.count - 1) where pos[i + 1] - pos[i] < (widths[i] + widths[i + 1]) / 2 + 10 { return true }
        return false
    }
}
