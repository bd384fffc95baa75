import Regularization
import Testing

@Suite("Tensor arithmetic, reductions and linear algebra")
struct TensorTests {
    @Test func broadcastingAddsABiasToEveryRow() {
        let m = Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6]])
        let b = Tensor<Double>([10, 20, 30])
        #expect((m + b).scalars == [11, 22, 33, 14, 25, 36])
        #expect((b + m).shape == [2, 3])
    }

    @Test func broadcastingFormsOuterProducts() {
        let column = Tensor<Double>(shape: [3, 1], scalars: [1, 2, 3])
        let row = Tensor<Double>(shape: [1, 2], scalars: [10, 100])
        let p = column * row
        #expect(p.shape == [3, 2])
        #expect(p.scalars == [10, 100, 20, 200, 30, 300])
    }

    @Test(arguments: [([2, 3], [3], [2, 3]), ([4, 1, 5], [3, 1], [4, 3, 5]), ([1], [7], [7]), ([2, 0], [1], [2, 0])])
    func broadcastShapes(a: [Int], b: [Int], expected: [Int]) {
        #expect(Tensor<Float>.broadcastShape(a, b) == expected)
    }

    @Test func incompatibleShapesAreReported() {
        #expect(Tensor<Float>.broadcastShape([2, 3], [2]) == nil)
        #expect(Tensor<Float>.broadcastShape([4, 3], [5, 1, 2]) == nil)
    }

    @Test func scalarOperationsAndInPlaceUpdates() {
        var t = Tensor<Float>([1, -2, 4])
        #expect((t * 2).scalars == [2, -4, 8])
        #expect((1 - t).scalars == [0, 3, -3])
        #expect((t / Tensor([1, 2, 4])).scalars == [1, -1, 1])
        t += Tensor([1, 1, 1])
        t *= 3
        #expect(t.scalars == [6, -3, 15])
        #expect((-t).scalars == [-6, 3, -15])
    }

    @Test func elementWiseMath() {
        let t = Tensor<Double>([-2, 0, 3])
        #expect(t.abs().scalars == [2, 0, 3])
        #expect(t.sign().scalars == [-1, 0, 1])
        #expect(t.relu().scalars == [0, 0, 3])
        #expect(t.squared().scalars == [4, 0, 9])
        #expect(t.clamped(min: -1, max: 2).scalars == [-1, 0, 2])
        #expect(Tensor<Double>([4, 9]).sqrt().scalars == [2, 3])
        #expect(Swift.abs(Tensor<Double>([1]).exp().scalars[0] - 2.718281828459045) < 1e-15)
        #expect(Tensor<Double>([1]).exp().log().scalars[0] == 1)
        #expect(Swift.abs(Tensor<Double>([0]).sigmoid().scalars[0] - 0.5) < 1e-15)
        let s = Tensor<Double>(rows: [[1, 2, 3], [1000, 1000, 1000]]).softmax()
        #expect(Swift.abs(s.sum(axis: 1).scalars[0] - 1) < 1e-12)
        #expect(Swift.abs(s[1, 0] - 1.0 / 3) < 1e-12)
    }

    @Test func reductionsAlongAxes() {
        let m = Tensor<Double>(rows: [[1, 5, 3], [4, 2, 6]])
        #expect(m.sum() == 21)
        #expect(m.mean() == 3.5)
        #expect(m.sum(axis: 0).scalars == [5, 7, 9])
        #expect(m.sum(axis: 1).scalars == [9, 12])
        #expect(m.sum(axis: -1, keepingDimension: true).shape == [2, 1])
        #expect(m.mean(axis: 0).scalars == [2.5, 3.5, 4.5])
        #expect(m.max(axis: 1).scalars == [5, 6])
        #expect(m.min(axis: 0).scalars == [1, 2, 3])
        #expect(m.argmax(axis: 1) == [1, 2])
        #expect(m.argmax(axis: 0) == [1, 0, 1])
        #expect(m.max() == 6 && m.min() == 1 && m.argmax() == 5)
        let cube = Tensor<Double>(shape: [2, 3, 2], scalars: (0..<12).map(Double.init))
        #expect(cube.sum(axis: 1).scalars == [6, 9, 24, 27])
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func matmulMatchesTheDefinition(transposingSelf: Bool, transposingOther: Bool) {
        var rng = SeededGenerator(seed: 7)
        let a = Tensor<Double>.randomNormal(transposingSelf ? [4, 3] : [3, 4], using: &rng)
        let b = Tensor<Double>.randomNormal(transposingOther ? [5, 4] : [4, 5], using: &rng)
        let c = a.matmul(b, transposingSelf: transposingSelf, transposingOther: transposingOther)
        let a2 = transposingSelf ? a.transposed() : a
        let b2 = transposingOther ? b.transposed() : b
        #expect(c.shape == [3, 5])
        for i in 0..<3 {
            for j in 0..<5 {
                let expected = (0..<4).reduce(0.0) { $0 + a2[i, $1] * b2[$1, j] }
                #expect(Swift.abs(c[i, j] - expected) < 1e-12)
            }
        }
    }

    @Test func floatMatmulAndVectors() {
        let a = Tensor<Float>(rows: [[1, 2], [3, 4]])
        #expect(a.matmul(Tensor([1, 1])).scalars == [3, 7])
        #expect(Tensor<Float>([1, 1]).matmul(a).scalars == [4, 6])
        #expect(a.matmul(.identity(2)) == a)
        #expect(a.T.scalars == [1, 3, 2, 4])
        #expect(Tensor<Float>([1, 2, 3]).dot(Tensor([4, 5, 6])) == 32)
    }

    @Test func slicing() {
        let m = Tensor<Double>(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(m.row(1).scalars == [4, 5, 6])
        #expect(m.column(2).scalars == [3, 6, 9])
        #expect(m.rows(1..<3).scalars == [4, 5, 6, 7, 8, 9])
        #expect(m.rows([2, 0]).scalars == [7, 8, 9, 1, 2, 3])
        #expect(m.columns(0..<2).scalars == [1, 2, 4, 5, 7, 8])
        var n = m
        n.setRow(0, to: Tensor([0, 0, 0]))
        n.setColumn(2, to: Tensor([1, 1, 1]))
        #expect(n.scalars == [0, 0, 1, 4, 5, 1, 7, 8, 1])
        #expect(Tensor.stack(rows: [m.row(0), m.row(2)]).shape == [2, 3])
    }

    @Test func randomTensorsDependOnlyOnTheSeed() {
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 3)
        let x = Tensor<Double>.randomNormal([50], using: &a)
        let y = Tensor<Double>.randomNormal([50], using: &b)
        #expect(x == y)
        let u = Tensor<Float>.randomUniform([1000], low: -1, high: 2, using: &a)
        #expect(u.min() >= -1 && u.max() < 2)
        let mask = Tensor<Double>.bernoulli([10_000], probability: 0.3, using: &a)
        #expect(Swift.abs(mask.mean() - 0.3) < 0.03)
        #expect(mask.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        let n = Tensor<Double>.randomNormal([20_000], mean: 2, standardDeviation: 3, using: &a)
        #expect(Swift.abs(n.mean() - 2) < 0.1)
        let m = Tensor<Double>(rows: [[1, 1], [2, 2], [3, 3]]).shuffledRows(using: &a)
        #expect(m.sum(axis: 0).scalars == [6, 6])
    }

    @Test func literalsAndFlatIndexing() {
        var v: Tensor<Double> = [3, -4]
        #expect(v.shape == [2] && v.norm(.l2) == 5)
        v[flat: 1] = 4
        #expect(v.scalars == [3, 4])
        #expect(v.isFinite && v.zeroCount == 0 && v.fraction(below: 3.5) == 0.5)
    }

    @Test func descriptionIsReadable() {
        #expect(Tensor<Double>(rows: [[1, 2], [3, 4.5]]).description == "[[1, 2],\n [3, 4.5]]")
        #expect(Tensor<Float>([Float.nan, -.infinity]).description == "[nan, -inf]")
    }

    @Test func blasThreadsCanBeSet() {
        let before = BLAS.threads
        BLAS.setThreads(1)
        #expect(BLAS.threads == 1)
        BLAS.setThreads(before)
    }
}
