import Regularization
import Testing

@Suite("Vector and matrix norms")
struct NormTests {
    @Test func vectorNormsMatchTorch() throws {
        let fixture = try Fixture.load("norms")
        for case let c as [String: Any] in fixture["vectors"] as? [Any] ?? [] {
            let v: Tensor<Double> = Fixture.tensor(c["v"])
            expectClose([v.norm(.l1), v.norm(.l2), v.norm(.infinity), v.norm(.p(3)), v.norm(.p(0.5)), v.norm(.p(0))],
                        ["l1", "l2", "inf", "p3", "p0_5", "p0"].map { Fixture.number(c[$0]) }, 1e-12, "vector \(v.count)")
            let f: Tensor<Float> = Fixture.tensor(c["v"])
            expectClose([Double(f.norm(.l1)), Double(f.norm(.l2))], [Fixture.number(c["l1"]), Fixture.number(c["l2"])], 1e-5)
        }
    }

    @Test func matrixNormsMatchTorch() throws {
        let fixture = try Fixture.load("norms")
        let cases = fixture["matrices"] as? [Any] ?? []
        #expect(cases.count == 4)
        for case let c as [String: Any] in cases {
            let w: Tensor<Double> = Fixture.tensor(c["w"])
            expectClose(
                [w.matrixNorm(.frobenius), w.matrixNorm(.nuclear), w.matrixNorm(.spectral), w.matrixNorm(.inducedOne),
                 w.matrixNorm(.inducedInfinity)],
                ["fro", "nuc", "spectral", "one", "inf"].map { Fixture.number(c[$0]) }, 1e-12, "matrix \(w.shape)")
            expectClose(w.rowNorms(.l2), Fixture.numbers(c["row_l2"]), 1e-12, "row L2")
            expectClose(w.columnNorms(.l2), Fixture.numbers(c["col_l2"]), 1e-12, "column L2")
            expectClose(w.rowNorms(.l1), Fixture.numbers(c["row_l1"]), 1e-12, "row L1")
            expectClose(w.columnNorms(.infinity), Fixture.numbers(c["col_inf"]), 1e-12, "column L∞")
            expectClose(try w.singularValues(), Fixture.numbers(c["singular_values"]), 1e-12, "σ")
            let f: Tensor<Float> = Fixture.tensor(c["w"])
            expectClose([Double(f.norm(.spectral)), Double(f.norm(.nuclear))],
                        [Fixture.number(c["spectral"]), Fixture.number(c["nuc"])], 1e-5, "Float")
        }
    }

    @Test func frobeniusAndSpectralDiffer() {
        // The 2-norm of a matrix is its largest singular value, not √ΣW².
        let w = Tensor<Double>(rows: [[1, 0], [0, 1]])
        #expect(Swift.abs(w.norm(.frobenius) - 2.0.squareRoot()) < 1e-15)
        #expect(Swift.abs(w.norm(.spectral) - 1) < 1e-15)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func normEquivalencesHold(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let n = 1 + Int(rng.next() % 200)
        let v = Tensor<Double>.randomNormal([n], standardDeviation: Double(seed), using: &rng)
        let (inf, two, one) = (v.norm(.infinity), v.norm(.l2), v.norm(.l1))
        let slack = 1 + 1e-12
        #expect(inf <= two * slack)
        #expect(two <= one * slack)
        #expect(one <= Double(n).squareRoot() * two * slack)
    }

    @Test func nonFiniteMatricesReportFailure() {
        let w = Tensor<Double>(rows: [[.nan, 1], [2, 3]])
        #expect(w.matrixNorm(.spectral).isNaN)
    }
}
