import Foundation

extension Dataset {
    /// A sparse linear regression with a known truth: X has independent standard normal entries,
    /// `nonZeros` coefficients (at random positions, `coefficients` holds them all) are ±U(1, 3)
    /// with random signs and the rest are 0, and y = X·w + `noise`·N(0, 1).
    public static func sparseRegression(
        samples: Int, features: Int, nonZeros: Int, noise: Double, generator: inout SeededGenerator
    ) throws(ArgumentError) -> Dataset {
        try ArgumentError.check("samples", samples, "samples must be at least 1") { $0 >= 1 }
        try ArgumentError.check("features", features, "features must be at least 1") { $0 >= 1 }
        try ArgumentError.check("nonZeros", nonZeros, "nonZeros must lie in 0...features (0...\(features))") { $0 >= 0 && $0 <= features }
        try ArgumentError.check("noise", noise, "noise (a standard deviation) must be >= 0") { $0 >= 0 }
        var x = [Double](repeating: 0, count: samples * features)
        for i in x.indices { x[i] = generator.normal() }
        var w = [Double](repeating: 0, count: features)
        for j in generator.permutation(features).prefix(nonZeros).sorted() {
            let magnitude = generator.uniform(1, 3)
            w[j] = generator.bernoulli(0.5) ? magnitude : -magnitude
        }
        var y = [Double](repeating: 0, count: samples)
        for i in 0..<samples {
            var value = 0.0
            for j in 0..<features where w[j] != 0 { value += x[i * features + j] * w[j] }
            y[i] = value + noise * generator.normal()
        }
        return Dataset(
            unchecked: (0..<features).map { "x\($0)" }, features: Tensor(shape: [samples, features], scalars: x),
            targets: y, coefficients: w)
    }

    /// The four points of the XOR truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0.
    public static func xor() -> Dataset {
        Dataset(
            unchecked: ["x1", "x2"], features: Tensor(rows: [[0, 0], [0, 1], [1, 0], [1, 1]]), targets: [0, 1, 1, 0],
            classNames: ["0", "1"])
    }

    /// A noisy XOR: each sample picks a corner (a, b) of the unit square uniformly, lies at
    /// (a, b) + `noise`·N(0, I) and is labelled a XOR b.
    public static func xor(samples: Int, noise: Double, generator: inout SeededGenerator) throws(ArgumentError) -> Dataset {
        try ArgumentError.check("samples", samples, "samples must be at least 1") { $0 >= 1 }
        try ArgumentError.check("noise", noise, "noise (a standard deviation) must be >= 0") { $0 >= 0 }
        var x: [Double] = []
        var y: [Double] = []
        for _ in 0..<samples {
            let a = generator.bernoulli(0.5) ? 1.0 : 0.0
            let b = generator.bernoulli(0.5) ? 1.0 : 0.0
            x.append(a + noise * generator.normal())
            x.append(b + noise * generator.normal())
            y.append(a != b ? 1 : 0)
        }
        return Dataset(unchecked: ["x1", "x2"], features: Tensor(shape: [samples, 2], scalars: x), targets: y, classNames: ["0", "1"])
    }

    /// Two interleaving half circles, like scikit-learn's `make_moons`: ⌊n/2⌋ points on the
    /// upper unit half circle (label 0) and the rest on a lower one shifted by (1, −0.5)
    /// (label 1), shuffled, plus `noise`·N(0, I).
    public static func moons(samples: Int, noise: Double, generator: inout SeededGenerator) throws(ArgumentError) -> Dataset {
        try ArgumentError.check("samples", samples, "samples must be at least 2") { $0 >= 2 }
        try ArgumentError.check("noise", noise, "noise (a standard deviation) must be >= 0") { $0 >= 0 }
        let outer = samples / 2
        let inner = samples - outer
        func angle(_ i: Int, _ count: Int) -> Double { count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0 }
        var points: [(Double, Double, Double)] = []
        for i in 0..<outer { points.append((cos(angle(i, outer)), sin(angle(i, outer)), 0)) }
        for i in 0..<inner { points.append((1 - cos(angle(i, inner)), 1 - sin(angle(i, inner)) - 0.5, 1)) }
        var x: [Double] = []
        var y: [Double] = []
        for i in generator.permutation(samples) {
            x.append(points[i].0)
            x.append(points[i].1)
            y.append(points[i].2)
        }
        if noise > 0 { for i in x.indices { x[i] += noise * generator.normal() } }
        return Dataset(unchecked: ["x1", "x2"], features: Tensor(shape: [samples, 2], scalars: x), targets: y, classNames: ["0", "1"])
    }

    /// Samples of y = sin(2πx) + `noise`·N(0, 1) at x drawn uniformly from [0, 1) and sorted
    /// increasingly (one feature, "x"): the classic polynomial-fitting example. Expand x with
    /// `PolynomialFeatures`.
    public static func noisySine(samples: Int, noise: Double, generator: inout SeededGenerator) throws(ArgumentError) -> Dataset {
        try ArgumentError.check("samples", samples, "samples must be at least 1") { $0 >= 1 }
        try ArgumentError.check("noise", noise, "noise (a standard deviation) must be >= 0") { $0 >= 0 }
        let x = (0..<samples).map { _ in generator.uniform() }.sorted()
        let y = x.map { sin(2 * Double.pi * $0) + noise * generator.normal() }
        return Dataset(unchecked: ["x"], features: Tensor(shape: [samples, 1], scalars: x), targets: y)
    }
}
