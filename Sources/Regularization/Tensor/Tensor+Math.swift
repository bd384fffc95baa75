/// Element-wise mathematical functions. Each returns a new tensor of the same shape.
extension Tensor {
    /// The absolute value of every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func abs() -> Tensor { map { Swift.abs($0) } }

    /// The sign of every element: −1, 0 or 1 (NaN stays NaN), as `torch.sign`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sign() -> Tensor { map { $0 > 0 ? 1 : ($0 < 0 ? -1 : $0) } }

    /// `e` raised to every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func exp() -> Tensor { map { Scalar.exponential($0) } }

    /// The natural logarithm of every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func log() -> Tensor { map { Scalar.logarithm($0) } }

    /// The square root of every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sqrt() -> Tensor { map { $0.squareRoot() } }

    /// Every element squared.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func squared() -> Tensor { map { $0 * $0 } }

    /// Every element raised to the power `exponent`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func pow(_ exponent: Scalar) -> Tensor { map { Scalar.power($0, exponent) } }

    /// Every element limited to `[minimum, maximum]` (either bound may be omitted).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func clamped(min minimum: Scalar? = nil, max maximum: Scalar? = nil) -> Tensor {
        if let lo = minimum, let hi = maximum {
            precondition(lo <= hi, "clamped(min: \(lo), max: \(hi)) needs min ≤ max")
        }
        return map { x in
            var y = x
            if let lo = minimum, y < lo { y = lo }
            if let hi = maximum, y > hi { y = hi }
            return y
        }
    }

    /// `max(x, 0)` for every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func relu() -> Tensor { map { $0 > 0 ? $0 : 0 } }

    /// The logistic sigmoid `1 / (1 + e^{-x})` of every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sigmoid() -> Tensor { map { Tensor.sigmoid($0) } }

    /// The hyperbolic tangent of every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func tanh() -> Tensor { map { Scalar.hyperbolicTangent($0) } }

    /// The softmax along the last axis (each row of a matrix sums to 1), computed stably.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func softmax() -> Tensor {
        precondition(rank >= 1, "softmax needs a tensor of rank ≥ 1, got a scalar")
        var result = self
        let width = shape[rank - 1]
        if width == 0 { return result }
        result.scalars.withUnsafeMutableBufferPointer { p in
            var start = 0
            while start < p.count {
                Tensor.softmaxRow(p.baseAddress! + start, width)
                start += width
            }
        }
        return result
    }

    /// The numerically stable logistic function of one value.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sigmoid(_ x: Scalar) -> Scalar {
        if x >= 0 {
            return 1 / (1 + Scalar.exponential(-x))
        }
        let e = Scalar.exponential(x)
        return e / (1 + e)
    }

    /// Replaces `width` values by their softmax.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func softmaxRow(_ p: UnsafeMutablePointer<Scalar>, _ width: Int) {
        var m = p[0]
        for j in 1..<Swift.max(width, 1) where p[j] > m { m = p[j] }
        var total: Scalar = 0
        for j in 0..<width {
            let e = Scalar.exponential(p[j] - m)
            p[j] = e
            total += e
        }
        for j in 0..<width { p[j] /= total }
    }

    /// True when every element is finite (no NaN, no infinity).
    public var isFinite: Bool { scalars.allSatisfy { $0.isFinite } }

    /// The number of elements exactly equal to zero.
    public var zeroCount: Int { Self.countZeros(scalars) }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func countZeros(_ values: [Scalar]) -> Int {
        var count = 0
        values.withUnsafeBufferPointer { v in
            for x in v where x == 0 { count += 1 }
        }
        return count
    }

    /// The fraction of elements whose magnitude is below `threshold` (0 for an empty tensor).
    /// `threshold: 0` is not useful; use `zeroCount` for exact zeros.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func fraction(below threshold: Scalar) -> Double {
        if count == 0 { return 0 }
        return Double(scalars.reduce(0) { $0 + (Swift.abs($1) < threshold ? 1 : 0) }) / Double(count)
    }
}
