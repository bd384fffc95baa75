import Regularization
import Testing

@Suite("Gradient clipping")
struct ClippingTests {
    @Test func globalNormMatchesClipGradNorm() throws {
        let fixture = try Fixture.load("clipping")
        let cases = fixture["global"] as? [Any] ?? []
        #expect(cases.count == 8)
        for case let c as [String: Any] in cases {
            let label = c["label"] as? String ?? ""
            let p = Fixture.number(c["norm_type"])
            let kind: VectorNorm = p == 2 ? .l2 : (p == 1 ? .l1 : (p.isInfinite ? .infinity : .p(p)))
            let expectedClipped = (c["clipped"] as? [Any] ?? []).flatMap { Fixture.numbers($0) }
            let raises = c["raises"] as? Bool ?? false
            if c["float32"] as? Bool ?? false {
                var grads: [Tensor<Float>] = (c["grads"] as? [Any] ?? []).map { Fixture.tensor($0) }
                let total = try GradientClipping.clipByGlobalNorm(&grads, maxNorm: Fixture.number(c["max_norm"]), norm: kind)
                expectClose([Double(total)], [Fixture.number(c["total"])], 1e-5, label)
                expectClose(grads.flatMap { $0.scalars.map(Double.init) }, expectedClipped, 1e-5, label)
                continue
            }
            let original: [Tensor<Double>] = (c["grads"] as? [Any] ?? []).map { Fixture.tensor($0) }
            var grads = original
            let total = try GradientClipping.clipByGlobalNorm(&grads, maxNorm: Fixture.number(c["max_norm"]), norm: kind)
            expectClose([total], [Fixture.number(c["total"])], 1e-12, "\(label) total")
            expectClose(grads.flatMap(\.scalars), expectedClipped, 1e-12, "\(label) gradients")
            var again = original
            if raises {
                #expect(throws: NumericalError.self) {
                    try GradientClipping.clipByGlobalNorm(&again, maxNorm: 1, norm: kind, errorIfNonfinite: true)
                }
                #expect(again.flatMap(\.scalars).map(\.bitPattern) == original.flatMap(\.scalars).map(\.bitPattern))
            } else {
                _ = try GradientClipping.clipByGlobalNorm(&again, maxNorm: 1, norm: kind, errorIfNonfinite: true)
            }
        }
    }

    @Test func valueAndPerTensorNormMatchReferences() throws {
        let fixture = try Fixture.load("clipping")
        for case let c as [String: Any] in fixture["value"] as? [Any] ?? [] {
            let g: Tensor<Double> = Fixture.tensor(c["g"])
            expectClose(GradientClipping.clipByValue(g, limit: Fixture.number(c["limit"])), Fixture.numbers(c["clipped"]), 1e-12)
        }
        let norms = fixture["norm"] as? [Any] ?? []
        #expect(norms.count == 5)
        for case let c as [String: Any] in norms {
            let g: Tensor<Double> = Fixture.tensor(c["g"])
            expectClose(GradientClipping.clipByNorm(g, maxNorm: Fixture.number(c["max_norm"])), Fixture.numbers(c["clipped"]), 1e-12)
        }
    }

    @Test func adaptiveClippingMatchesOptax() throws {
        let fixture = try Fixture.load("clipping")
        let agc = try #require(fixture["agc"] as? [String: Any])
        let params: [Tensor<Double>] = (agc["params"] as? [Any] ?? []).map { Fixture.tensor($0) }
        var grads: [Tensor<Double>] = (agc["grads"] as? [Any] ?? []).map { Fixture.tensor($0) }
        let before = grads
        GradientClipping.adaptiveClip(&grads, parameters: params, clipping: Fixture.number(agc["clipping"]), eps: Fixture.number(agc["eps"]))
        let expected = (agc["clipped"] as? [Any] ?? []).map { Fixture.numbers($0) }
        #expect(grads != before)
        for (g, e) in zip(grads, expected) { expectClose(g, e, 1e-12, "AGC") }
    }

    @Test(arguments: [UInt64(21), 22, 23, 24, 25])
    func clipByNormBoundsTheNormAndKeepsTheDirection(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let g = Tensor<Double>.randomNormal([30], standardDeviation: 10, using: &rng)
        for c in [0.01, 1.0, 5.0, 1e6] {
            let clipped = GradientClipping.clipByNorm(g, maxNorm: c)
            #expect(clipped.norm(.l2) <= c * (1 + 1e-6))
            let cosine = clipped.dot(g) / (clipped.norm(.l2) * g.norm(.l2))
            #expect(Swift.abs(cosine - 1) < 1e-12)
            var list = [g, g * 0.5]
            try? GradientClipping.clipByGlobalNorm(&list, maxNorm: c)
            #expect(GradientClipping.totalNorm(list) <= c * (1 + 1e-6))
            #expect(Swift.abs(list[0].dot(g) / (list[0].norm(.l2) * g.norm(.l2)) - 1) < 1e-12)
        }
        let f = Tensor<Float>.randomNormal([30], standardDeviation: 10, using: &rng)
        #expect(Double(GradientClipping.clipByNorm(f, maxNorm: 1).norm(.l2)) <= 1 + 1e-6)
    }

    @Test func valueClippingChangesTheDirection() {
        let g = Tensor<Double>([10, 0.1])
        let clipped = GradientClipping.clipByValue(g, limit: 1)
        #expect(clipped.scalars == [1, 0.1])
        #expect(clipped.dot(g) / (clipped.norm(.l2) * g.norm(.l2)) < 0.999)
    }

    @Test func policiesReportWhetherTheyClipped() {
        var g = [Tensor<Double>([3, 4])]
        #expect(ClippingPolicy.globalNorm(1, norm: .l2).apply(to: &g, parameters: g))
        var h = [Tensor<Double>([0.3, 0.4])]
        #expect(!ClippingPolicy.globalNorm(1, norm: .l2).apply(to: &h, parameters: h))
        #expect(!ClippingPolicy.perTensorNorm(1).apply(to: &h, parameters: h))
        #expect(ClippingPolicy.value(0.35).apply(to: &h, parameters: h))
    }
}
