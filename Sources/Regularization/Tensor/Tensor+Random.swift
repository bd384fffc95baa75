/// Random tensors. Every function takes the generator explicitly, so results are a pure function
/// of the seed.
extension Tensor {
    /// Independent normal draws with the given mean and standard deviation.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func randomNormal(
        _ shape: [Int], mean: Scalar = 0, standardDeviation: Scalar = 1, using generator: inout SeededGenerator
    ) -> Tensor {
        let n = shape.reduce(1, *)
        var out = [Scalar](repeating: 0, count: n)
        for i in 0..<n {
            out[i] = mean + standardDeviation * Scalar(generator.normal())
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// Independent uniform draws from `[low, high)`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func randomUniform(
        _ shape: [Int], low: Scalar = 0, high: Scalar = 1, using generator: inout SeededGenerator
    ) -> Tensor {
        precondition(low <= high, "randomUniform needs low ≤ high, got [\(low), \(high))")
        let n = shape.reduce(1, *)
        var out = [Scalar](repeating: 0, count: n)
        for i in 0..<n {
            out[i] = Scalar(generator.uniform(Double(low), Double(high)))
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// A mask of ones (probability `probability`) and zeros.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func bernoulli(
        _ shape: [Int], probability: Double, using generator: inout SeededGenerator
    ) -> Tensor {
        precondition(probability >= 0 && probability <= 1, "bernoulli probability \(probability) must be in [0, 1]")
        let n = shape.reduce(1, *)
        var out = [Scalar](repeating: 0, count: n)
        for i in 0..<n where generator.bernoulli(probability) { out[i] = 1 }
        return Tensor(shape: shape, scalars: out)
    }

    /// Glorot (Xavier) uniform initialisation for a `[fanIn, fanOut]` weight matrix:
    /// `U(−a, a)` with `a = √(6 / (fanIn + fanOut))`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func glorotUniform(_ shape: [Int], using generator: inout SeededGenerator) -> Tensor {
        precondition(shape.count == 2, "glorotUniform needs a [fanIn, fanOut] shape, got \(shape)")
        let a = Scalar((6.0 / Double(shape[0] + shape[1])).squareRoot())
        return randomUniform(shape, low: -a, high: a, using: &generator)
    }

    /// He (Kaiming) normal initialisation for a `[fanIn, fanOut]` weight matrix: `N(0, 2 / fanIn)`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func heNormal(_ shape: [Int], using generator: inout SeededGenerator) -> Tensor {
        precondition(shape.count == 2 && shape[0] > 0, "heNormal needs a [fanIn, fanOut] shape, got \(shape)")
        return randomNormal(shape, standardDeviation: Scalar((2.0 / Double(shape[0])).squareRoot()), using: &generator)
    }

    /// The rows in a random order (for shuffling a data set).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func shuffledRows(using generator: inout SeededGenerator) -> Tensor {
        rows(generator.permutation(rowCount))
    }
}
