import Regularization
import Testing

@Suite("Weight constraints")
struct ConstraintTests {
    @Test func constraintsMatchTorchAndKeras() throws {
        let fixture = try Fixture.load("constraints")
        let cases = fixture["cases"] as? [Any] ?? []
        #expect(cases.count == 2)
        for case let c as [String: Any] in cases {
            let w: Tensor<Double> = Fixture.tensor(c["w"])
            let m = Fixture.number(c["maxnorm"])
            let checks: [(WeightConstraint, String)] = [
                (.maxNorm(m, of: .rows, semantics: .torchRenorm(.l2)), "renorm_rows_l2"),
                (.maxNorm(m, of: .columns, semantics: .torchRenorm(.l2)), "renorm_cols_l2"),
                (.maxNorm(m, of: .rows, semantics: .torchRenorm(.l1)), "renorm_rows_l1"),
                (.maxNorm(m, of: .columns, semantics: .keras), "keras_maxnorm_cols"),
                (.maxNorm(m, of: .rows, semantics: .keras), "keras_maxnorm_rows"),
                (.unitNorm(of: .columns), "keras_unitnorm_cols"),
                (.nonNegative, "nonneg"),
                (.clipValue(minimum: -0.5, maximum: 0.7), "clip"),
            ]
            for (constraint, key) in checks {
                expectClose(constraint.apply(w), Fixture.numbers(c[key]), 1e-12, key)
                let f: Tensor<Float> = Fixture.tensor(c["w"])
                expectClose(constraint.apply(f), Fixture.numbers(c[key]), 1e-5, "Float \(key)")
            }
        }
    }

    @Test func renormLeavesSmallRowsUntouchedButKerasShrinksThemSlightly() {
        let w = Tensor<Double>(rows: [[0.3, 0.4], [3, 4]])
        let torch = WeightConstraint.maxNorm(1, of: .rows, semantics: .torchRenorm(.l2)).apply(w)
        #expect(torch.row(0) == w.row(0))
        #expect(Swift.abs(torch.row(1).norm(.l2) - 5 / (5 + 1e-7)) < 1e-12)
        let keras = WeightConstraint.maxNorm(1, of: .rows, semantics: .keras).apply(w)
        #expect(keras.row(0).norm(.l2) < 0.5 && keras.row(0).norm(.l2) > 0.5 - 1e-6)
    }
}
