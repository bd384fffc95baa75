import Regularization
import Testing

@Suite("Dropout and DropConnect")
struct DropoutTests {
    @Test func scalingMatchesTorch() throws {
        let fixture = try Fixture.load("dropout")
        let cases = fixture["cases"] as? [Any] ?? []
        #expect(cases.count == 3)
        for case let c as [String: Any] in cases {
            let p = Fixture.number(c["p"])
            let dropout = Dropout(rate: p)
            var rng = SeededGenerator(seed: 0)
            if c["float32"] as? Bool ?? false {
                let x = Tensor<Float>(shape: [4, 6], scalars: Fixture.numbers(c["x"]).map { Float($0) })
                let mask = Tensor<Float>(shape: [4, 6], scalars: Fixture.numbers(c["mask"]).map { Float($0) })
                expectClose(dropout.apply(x, mask: mask), Fixture.numbers(c["y"]), 1e-6, "Float")
                expectClose(dropout(x, training: false, using: &rng), Fixture.numbers(c["eval"]), 1e-15, "eval")
            } else {
                let x = Tensor<Double>(shape: [4, 6], scalars: Fixture.numbers(c["x"]))
                let mask = Tensor<Double>(shape: [4, 6], scalars: Fixture.numbers(c["mask"]))
                expectClose(dropout.apply(x, mask: mask), Fixture.numbers(c["y"]), 1e-12, "p = \(p)")
                expectClose(dropout(x, training: false, using: &rng), Fixture.numbers(c["eval"]), 1e-15, "eval")
            }
        }
    }

    @Test(arguments: [0.1, 0.5, 0.8])
    func invertedDropoutIsUnbiased(rate: Double) {
        var rng = SeededGenerator(seed: 99)
        let x = Tensor<Double>(repeating: 2, shape: [200_000])
        let y = Dropout(rate: rate)(x, training: true, using: &rng)
        let dropped = Double(y.zeroCount) / Double(y.count)
        #expect(Swift.abs(dropped - rate) < 0.01)
        #expect(Swift.abs(y.mean() - 2) < 0.03)
        #expect(y.scalars.allSatisfy { $0 == 0 || Swift.abs($0 - 2 / (1 - rate)) < 1e-12 })
    }

    @Test func dropoutIsSeededAndRateOneDropsAll() {
        var a = SeededGenerator(seed: 4)
        var b = SeededGenerator(seed: 4)
        let x = Tensor<Float>.ones([100])
        #expect(Dropout(rate: 0.5)(x, training: true, using: &a) == Dropout(rate: 0.5)(x, training: true, using: &b))
        #expect(Dropout(rate: 1)(x, training: true, using: &a).zeroCount == 100)
    }

    @Test func dropConnectKeepsTheExpectedWeights() {
        var rng = SeededGenerator(seed: 8)
        let w = Tensor<Double>(repeating: 1.5, shape: [300, 300])
        let dropped = DropConnect(rate: 0.4).apply(w, using: &rng)
        #expect(Swift.abs(dropped.mean() - 1.5) < 0.02)
        #expect(Swift.abs(Double(dropped.zeroCount) / Double(dropped.count) - 0.4) < 0.01)
    }
}
