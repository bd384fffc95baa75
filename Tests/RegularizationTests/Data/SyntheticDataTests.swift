import Foundation
import Testing
@testable import Regularization

@Suite("Seeded generators, splits and standardization")
struct SyntheticDataTests {
    @Test("sparse regression: the stated support and noise level")
    func sparseRegression() throws {
        var generator = SeededGenerator(seed: 1)
        let data = try Dataset.sparseRegression(samples: 400, features: 50, nonZeros: 7, noise: 0.5, generator: &generator)
        let w = try #require(data.coefficients)
        #expect(data.features.shape == [400, 50])
        #expect(w.filter { $0 != 0 }.count == 7)
        #expect(w.allSatisfy { $0 == 0 || (abs($0) >= 1 && abs($0) <= 3) })
        let residual = try LinearModel(coefficients: w).meanSquaredError(data.x, data.y)
        #expect(abs(residual.squareRoot() - 0.5) < 0.06)
        var again = SeededGenerator(seed: 1)
        #expect(try Dataset.sparseRegression(samples: 400, features: 50, nonZeros: 7, noise: 0.5, generator: &again) == data)
        #expect(throws: ArgumentError.self) { try Dataset.sparseRegression(samples: 10, features: 5, nonZeros: 6, noise: 1, generator: &generator) }
    }

    @Test("XOR: the truth table and a noisy version with balanced labels")
    func xor() throws {
        let table = Dataset.xor()
        #expect(table.features.scalars == [0, 0, 0, 1, 1, 0, 1, 1])
        #expect(table.labels == [0, 1, 1, 0])
        var generator = SeededGenerator(seed: 2)
        let noisy = try Dataset.xor(samples: 400, noise: 0, generator: &generator)
        for i in 0..<400 {
            let a = noisy.features.scalars[2 * i]
            let b = noisy.features.scalars[2 * i + 1]
            #expect(noisy.labels[i] == ((a == 1) != (b == 1) ? 1 : 0))
        }
        let ones = noisy.labels.reduce(0, +)
        #expect(ones > 150 && ones < 250)
    }

    @Test("moons: without noise every point lies on its half circle")
    func moons() throws {
        var generator = SeededGenerator(seed: 3)
        let moons = try Dataset.moons(samples: 101, noise: 0, generator: &generator)
        #expect(moons.features.shape == [101, 2])
        #expect(moons.labels.filter { $0 == 0 }.count == 50)
        for i in 0..<101 {
            let x = moons.features.scalars[2 * i]
            let y = moons.features.scalars[2 * i + 1]
            let radius = moons.labels[i] == 0 ? hypot(x, y) : hypot(x - 1, y - 0.5)
            #expect(abs(radius - 1) < 1e-12)
            #expect(moons.labels[i] == 0 ? y >= -1e-12 : y <= 0.5 + 1e-12)
        }
        #expect(moons.labels != moons.labels.sorted())  // shuffled
    }

    @Test("noisy sine and the polynomial expansion")
    func sineAndPolynomial() throws {
        var generator = SeededGenerator(seed: 4)
        let exact = try Dataset.noisySine(samples: 20, noise: 0, generator: &generator)
        #expect(exact.features.scalars == exact.features.scalars.sorted())
        for (x, y) in zip(exact.features.scalars, exact.targets) { #expect(abs(y - sin(2 * .pi * x)) < 1e-15) }
        let expansion = PolynomialFeatures(degree: 3)
        let expanded = try expansion.transform(Tensor<Double>([2, -1]))
        #expect(expanded.shape == [2, 3])
        #expect(expanded.scalars == [2, 4, 8, -1, 1, -1])
        #expect(try PolynomialFeatures(degree: 2, includeBias: true).transform(Tensor<Double>([3])).scalars == [1, 3, 9])
        #expect(expansion.featureNames() == ["x", "x^2", "x^3"])
        let data = try expansion.transform(exact)
        #expect(data.featureCount == 3)
        #expect(throws: ArgumentError.self) { try expansion.transform(Tensor<Double>(rows: [[1, 2]])) }
        #expect(throws: ArgumentError.self) { try PolynomialFeatures(degree: 0).transform(Tensor<Double>([1])) }
    }

    @Test("train/test split: sizes by scikit-learn's rounding, a seeded partition")
    func split() throws {
        var generator = SeededGenerator(seed: 5)
        let split = try TrainTestSplit.random(sampleCount: 10, testFraction: 0.25, generator: &generator)
        #expect(split.test.count == 3)
        #expect((split.train + split.test).sorted() == Array(0..<10))
        var again = SeededGenerator(seed: 5)
        #expect(try TrainTestSplit.random(sampleCount: 10, testFraction: 0.25, generator: &again) == split)
        #expect(throws: ArgumentError.self) { try TrainTestSplit.random(sampleCount: 10, testFraction: 1, generator: &generator) }
        #expect(throws: ArgumentError.self) { try TrainTestSplit.random(sampleCount: 1, testFraction: 0.5, generator: &generator) }
    }

    @Test("stratified split keeps the class proportions")
    func stratified() throws {
        let labels = Array(repeating: 0, count: 50) + Array(repeating: 1, count: 30) + Array(repeating: 2, count: 20)
        var generator = SeededGenerator(seed: 6)
        let split = try TrainTestSplit.stratified(labels: labels, testFraction: 0.3, generator: &generator)
        #expect(split.test.count == 30)
        #expect((0..<3).map { c in split.test.filter { labels[$0] == c }.count } == [15, 9, 6])
        #expect(Set(split.train).isDisjoint(with: split.test))
        let iris = try Dataset(
            featureNames: ["v"], features: Tensor(shape: [100, 1], scalars: (0..<100).map(Double.init)),
            targets: labels.map(Double.init))
        let (train, test) = try iris.stratifiedSplit(testFraction: 0.3, generator: &generator)
        #expect(train.sampleCount == 70 && test.sampleCount == 30)
    }

    @Test("the standardizer uses training statistics only")
    func standardizer() throws {
        let train = Tensor<Double>(rows: [[1, 10, 5], [3, 20, 5], [5, 30, 5]])
        let scaler = try Standardizer(fitting: train)
        #expect(scaler.mean == [3, 20, 5])
        #expect(abs(scaler.scale[0] - (8.0 / 3).squareRoot()) < 1e-12)
        #expect(scaler.scale[2] == 1)
        let scaled = try scaler.transform(train)
        for j in 0..<3 {
            let column = (0..<3).map { scaled.scalars[$0 * 3 + j] }
            #expect(abs(column.reduce(0, +)) < 1e-12)
        }
        let test = try scaler.transform(Tensor<Double>(rows: [[3, 40, 6]]))
        #expect(abs(test.scalars[1] - 20 / (200.0 / 3).squareRoot()) < 1e-12)
        #expect(test.scalars[2] == 1)
        let back = try scaler.inverseTransform(scaled)
        #expect(zip(back.scalars, train.scalars).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(throws: ArgumentError.self) { try scaler.transform(Tensor<Double>(rows: [[1, 2]])) }
    }
}
