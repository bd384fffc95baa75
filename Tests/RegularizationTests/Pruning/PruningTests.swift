import Regularization
import Testing

@Suite("Pruning masks")
struct PruningTests {
    static func amount(_ any: Any?) -> PruningAmount {
        let d = any as? [String: Any] ?? [:]
        if let k = d["count"] { return .count(Int(Fixture.number(k))) }
        return .fraction(Fixture.number(d["fraction"]))
    }

    @Test func torchsDocumentedExample() throws {
        let w = Tensor<Double>(rows: [[1, 2, 3, 4], [-4, -3, -2, -1]])
        var mask = PruningMask<Double>(shape: w.shape)
        try mask.pruneL1Unstructured(w, amount: .count(2))
        #expect(mask.applied(to: w) == Tensor(rows: [[0, 2, 3, 4], [-4, -3, -2, 0]]))
        try mask.pruneL1Unstructured(w, amount: .count(2))
        #expect(mask.applied(to: w) == Tensor(rows: [[0, 0, 3, 4], [-4, -3, 0, 0]]))
        #expect(mask.prunedCount == 4 && mask.sparsity == 0.5)
    }

    @Test func l1UnstructuredMatchesTorch() throws {
        let fixture = try Fixture.load("pruning")
        let cases = fixture["l1"] as? [Any] ?? []
        #expect(cases.count == 4)
        for case let c as [String: Any] in cases {
            let w: Tensor<Double> = Fixture.tensor(c["w"])
            var mask = PruningMask<Double>(shape: w.shape)
            let weights = c["weights"] as? [Any] ?? []
            for (step, a) in (c["amounts"] as? [Any] ?? []).enumerated() {
                try mask.pruneL1Unstructured(w, amount: Self.amount(a))
                expectClose(mask.applied(to: w), Fixture.numbers(weights[step]), 0, "step \(step)")
            }
        }
    }

    @Test func lnStructuredMatchesTorch() throws {
        let fixture = try Fixture.load("pruning")
        let cases = fixture["ln"] as? [Any] ?? []
        #expect(cases.count == 3)
        for case let c as [String: Any] in cases {
            let w: Tensor<Double> = Fixture.tensor(c["w"])
            let n = Fixture.number(c["n"])
            let units: SliceAxis = Fixture.number(c["dim"]) == 0 ? .rows : .columns
            var mask = PruningMask<Double>(shape: w.shape)
            let masks = c["masks"] as? [Any] ?? []
            for (step, a) in (c["amounts"] as? [Any] ?? []).enumerated() {
                try mask.pruneLnStructured(w, amount: Self.amount(a), norm: n.isInfinite ? .infinity : .p(n), along: units)
                expectClose(mask.mask, Fixture.numbers(masks[step]), 0, "step \(step)")
            }
        }
    }

    @Test func globalUnstructuredMatchesTorch() throws {
        let fixture = try Fixture.load("pruning")
        let c = try #require((fixture["global"] as? [Any])?.first as? [String: Any])
        let weights: [Tensor<Double>] = (c["weights"] as? [Any] ?? []).map { Fixture.tensor($0) }
        var masks = weights.map { PruningMask<Double>(shape: $0.shape) }
        for case let step as [String: Any] in c["steps"] as? [Any] ?? [] {
            // torch scores the already-masked weights, as here.
            let current = zip(masks, weights).map { $0.applied(to: $1) }
            try PruningMask.pruneGlobalUnstructured(&masks, weights: current, amount: Self.amount(step["amount"]))
            let expected = (step["masks"] as? [Any] ?? []).map { Fixture.numbers($0) }
            for (m, e) in zip(masks, expected) { expectClose(m.mask, e, 0, "global") }
        }
    }

    @Test(arguments: [(10, 0.25, 2), (10, 0.35, 4), (5, 0.5, 2), (5, 0.3, 2), (7, 1.0, 7), (7, 0.0, 0)])
    func fractionsRoundHalfToEven(size: Int, fraction: Double, expected: Int) throws {
        #expect(try PruningAmount.fraction(fraction).resolve(candidates: size) == expected)
    }

    @Test func invalidAmountsThrow() {
        #expect(throws: ArgumentError.self) { try PruningAmount.count(5).resolve(candidates: 4) }
        #expect(throws: ArgumentError.self) { try PruningAmount.fraction(1.5).resolve(candidates: 4) }
        var mask = PruningMask<Float>(shape: [2, 2])
        #expect(throws: ArgumentError.self) { try mask.pruneL1Unstructured(.zeros([3]), amount: .count(1)) }
    }

    @Test(arguments: [UInt64(31), 32, 33, 34])
    func pruningRemovesExactlyK(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let w = Tensor<Float>.randomNormal([8, 9], using: &rng)
        var mask = PruningMask<Float>(shape: w.shape)
        let k = Int(rng.next() % 72)
        try mask.pruneL1Unstructured(w, amount: .count(k))
        #expect(mask.prunedCount == k)
        // The kept magnitudes all dominate the pruned ones.
        let kept = zip(w.scalars, mask.mask.scalars).filter { $0.1 == 1 }.map { Swift.abs($0.0) }
        let pruned = zip(w.scalars, mask.mask.scalars).filter { $0.1 == 0 }.map { Swift.abs($0.0) }
        #expect((pruned.max() ?? 0) <= (kept.min() ?? .infinity))
        let more = Int(rng.next() % UInt64(72 - k + 1))
        try mask.pruneRandomUnstructured(amount: .count(more), using: &rng)
        #expect(mask.prunedCount == k + more)
        var again = PruningMask<Float>(shape: w.shape)
        try again.pruneL1Unstructured(w, amount: .fraction(0.5))
        try again.pruneL1Unstructured(w, amount: .fraction(0.5))
        #expect(again.prunedCount == 36 + 18)
    }

    @Test func importanceScoresCanPruneTheLargestWeights() throws {
        let w = Tensor<Double>(rows: [[1, -5, 3], [0.5, 4, -2]])
        var mask = PruningMask<Double>(shape: w.shape)
        try mask.pruneL1Unstructured(w, amount: .count(2), importanceScores: -w.abs())
        #expect(mask.applied(to: w) == Tensor(rows: [[1, 0, 3], [0.5, 0, -2]]))
        #expect(throws: ArgumentError.self) {
            try mask.pruneL1Unstructured(w, amount: .count(1), importanceScores: .zeros([6]))
        }
    }

    @Test func randomPruningIsSeeded() throws {
        var a = SeededGenerator(seed: 5)
        var b = SeededGenerator(seed: 5)
        var m1 = PruningMask<Double>(shape: [10, 10])
        var m2 = PruningMask<Double>(shape: [10, 10])
        try m1.pruneRandomUnstructured(amount: .fraction(0.3), using: &a)
        try m2.pruneRandomUnstructured(amount: .fraction(0.3), using: &b)
        #expect(m1 == m2 && m1.prunedCount == 30)
    }
}
