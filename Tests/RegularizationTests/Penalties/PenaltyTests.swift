import Regularization
import Testing

@Suite("Penalties: values, subgradients and proximal operators")
struct PenaltyTests {
    @Test func separablePenaltiesMatchTorch() throws {
        let fixture = try Fixture.load("penalties")
        let cases = fixture["cases"] as? [Any] ?? []
        #expect(cases.count == 2)
        for case let c as [String: Any] in cases {
            let w: Tensor<Double> = Fixture.tensor(c["w"])
            let lam = Fixture.number(c["lambda"])
            let eta = Fixture.number(c["eta"])
            let (a, b) = (Fixture.number(c["enet_l1"]), Fixture.number(c["enet_l2"]))
            let penalties: [(Penalty, String)] = [
                (.l1(lam), "l1"), (.l2(lam, convention: .halfSquared), "l2half"), (.l2(lam, convention: .keras), "l2keras"),
                (.elasticNet(l1: a, l2: b, convention: .keras), "enet_keras"),
            ]
            for (penalty, key) in penalties {
                expectClose([penalty.value(w)], [Fixture.number(c["\(key)_value"])], 1e-12, "\(key) value")
                expectClose(penalty.gradient(w), Fixture.numbers(c["\(key)_grad"]), 1e-12, "\(key) gradient")
                expectClose(penalty.proximal(w, stepSize: eta), Fixture.numbers(c["\(key)_prox"]), 1e-12, "\(key) prox")
                let f: Tensor<Float> = Fixture.tensor(c["w"])
                expectClose(penalty.proximal(f, stepSize: eta), Fixture.numbers(c["\(key)_prox"]), 1e-5, "\(key) Float prox")
            }
        }
    }

    @Test func groupLassoMatchesTorch() throws {
        let fixture = try Fixture.load("penalties")
        for case let c as [String: Any] in fixture["cases"] as? [Any] ?? [] where c["group_w"] != nil {
            let w: Tensor<Double> = Fixture.tensor(c["group_w"])
            let lam = Fixture.number(c["lambda"])
            let eta = Fixture.number(c["eta"])
            let rows = Penalty.groupLasso(lam, groups: .rows)
            let columns = Penalty.groupLasso(lam, groups: .columns)
            expectClose([rows.value(w), columns.value(w)],
                        [Fixture.number(c["group_rows_value"]), Fixture.number(c["group_cols_value"])], 1e-12, "values")
            expectClose(rows.gradient(w), Fixture.numbers(c["group_rows_grad"]), 1e-12, "gradient")
            let prox = rows.proximal(w, stepSize: eta)
            expectClose(prox, Fixture.numbers(c["group_rows_prox"]), 1e-12, "row prox")
            #expect(prox.row(1).scalars.allSatisfy { $0 == 0 } && prox.row(2).scalars.allSatisfy { $0 == 0 })
            expectClose(columns.proximal(w, stepSize: eta), Fixture.numbers(c["group_cols_prox"]), 1e-12, "column prox")
        }
    }

    @Test func theTwoL2ConventionsDifferByTwo() {
        let w = Tensor<Double>([3, -4])
        #expect(Penalty.l2(0.1, convention: .halfSquared).value(w) == 0.1 / 2 * 25)
        #expect(Penalty.l2(0.1, convention: .keras).value(w) == 0.1 * 25)
        #expect(Penalty.l2(0.1, convention: .keras).gradient(w) == Penalty.l2(0.2, convention: .halfSquared).gradient(w))
        #expect(Penalty.l1(1).gradient(Tensor<Double>([0, 2, -3])).scalars == [0, 1, -1])
    }

    /// x = prox_{ηR}(w) satisfies (w − x)/η ∈ ∂R(x): checked for L1 via the subdifferential and
    /// for every penalty by comparing the prox objective with perturbed points.
    @Test(arguments: [UInt64(11), 12, 13])
    func proximalOperatorsAreOptimal(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let w = Tensor<Double>.randomNormal([4, 5], using: &rng)
        let eta = 0.7
        let penalties: [Penalty] = [
            .l1(0.5), .l2(0.5, convention: .halfSquared), .l2(0.5, convention: .keras),
            .elasticNet(l1: 0.3, l2: 0.4, convention: .halfSquared), .groupLasso(0.8, groups: .rows),
            .groupLasso(0.8, groups: .columns),
        ]
        for penalty in penalties {
            let x = penalty.proximal(w, stepSize: eta)
            func objective(_ z: Tensor<Double>) -> Double { 0.5 * (z - w).squared().sum() + eta * penalty.value(z) }
            let best = objective(x)
            for _ in 0..<30 {
                let perturbed = x + Tensor<Double>.randomNormal([4, 5], standardDeviation: 1e-3, using: &rng)
                #expect(objective(perturbed) >= best - 1e-12, "\(penalty): a perturbation lowers the prox objective")
            }
        }
        // L1 optimality: where x ≠ 0, (w − x)/η = λ·sign(x); where x = 0, |w|/η ≤ λ.
        let x = Penalty.l1(0.5).proximal(w, stepSize: eta)
        for (wi, xi) in zip(w.scalars, x.scalars) {
            if xi != 0 {
                #expect(Swift.abs((wi - xi) / eta - 0.5 * (xi > 0 ? 1 : -1)) < 1e-12)
            } else {
                #expect(Swift.abs(wi) / eta <= 0.5 + 1e-12)
            }
        }
    }
}
