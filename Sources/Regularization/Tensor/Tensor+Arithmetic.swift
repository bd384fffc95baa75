/// Element-wise arithmetic with NumPy broadcasting.
///
/// Two shapes broadcast when, aligned at their last dimension, each pair of sizes is equal or one
/// of them is 1 (missing leading dimensions count as 1). `[64, 10] + [10]` adds a bias to every
/// row; `[64, 1] * [1, 10]` forms an outer product.
extension Tensor {
    /// The shape two tensors broadcast to, or `nil` when they are incompatible.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if x == y || y == 1 {
                result[i] = x
            } else if x == 1 {
                result[i] = y
            } else {
                return nil
            }
        }
        return result
    }

    /// The row-major strides of `shape` seen from a tensor of `outputShape`, with 0 for broadcast
    /// dimensions.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func broadcastStrides(_ shape: [Int], to outputShape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: outputShape.count)
        var step = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            let o = i + outputShape.count - shape.count
            strides[o] = shape[i] == 1 ? 0 : step
            step *= shape[i]
        }
        return strides
    }

    /// Combines two tensors element by element after broadcasting them to a common shape.
    ///
    /// - Precondition: the shapes broadcast (see `broadcastShape(_:_:)`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func zipWith(_ other: Tensor, _ operation: (Scalar, Scalar) -> Scalar) -> Tensor {
        if shape == other.shape {
            var out = [Scalar](repeating: 0, count: count)
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { out[i] = operation(a[i], b[i]) }
                }
            }
            return Tensor(shape: shape, scalars: out)
        }
        if other.count == 1 && other.rank <= rank {
            let s = other.scalars[0]
            return Tensor(shape: shape, scalars: scalars.map { operation($0, s) })
        }
        if count == 1 && rank <= other.rank {
            let s = scalars[0]
            return Tensor(shape: other.shape, scalars: other.scalars.map { operation(s, $0) })
        }
        return broadcastZip(other, operation)
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func broadcastZip(_ other: Tensor, _ operation: (Scalar, Scalar) -> Scalar) -> Tensor {
        guard let outShape = Tensor.broadcastShape(shape, other.shape) else {
            preconditionFailure(
                "Shapes \(shape) and \(other.shape) cannot be broadcast together: aligned from the last "
                    + "dimension, each pair of sizes must be equal or one of them must be 1")
        }
        let total = outShape.reduce(1, *)
        var out = [Scalar](repeating: 0, count: total)
        if total == 0 { return Tensor(shape: outShape, scalars: out) }
        let sa = Tensor.broadcastStrides(shape, to: outShape)
        let sb = Tensor.broadcastStrides(other.shape, to: outShape)
        let rank = outShape.count
        var index = [Int](repeating: 0, count: rank)
        var ia = 0
        var ib = 0
        scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                for k in 0..<total {
                    out[k] = operation(a[ia], b[ib])
                    var d = rank - 1
                    while d >= 0 {
                        index[d] += 1
                        ia += sa[d]
                        ib += sb[d]
                        if index[d] < outShape[d] { break }
                        ia -= sa[d] * outShape[d]
                        ib -= sb[d] * outShape[d]
                        index[d] = 0
                        d -= 1
                    }
                }
            }
        }
        return Tensor(shape: outShape, scalars: out)
    }

    /// Applies a function to every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func map(_ transform: (Scalar) -> Scalar) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Element-wise sum with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, +) }
    /// Element-wise difference with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, -) }
    /// Element-wise (Hadamard) product with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs, *) }
    /// Element-wise quotient with broadcasting.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor { lhs.zipWith(rhs) { $0 / $1 } }

    /// Adds a scalar to every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 + rhs } }
    /// Subtracts a scalar from every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 - rhs } }
    /// Multiplies every element by a scalar.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 * rhs } }
    /// Divides every element by a scalar.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func / (lhs: Tensor, rhs: Scalar) -> Tensor { lhs.map { $0 / rhs } }
    /// Adds every element to a scalar.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func + (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs + $0 } }
    /// Subtracts every element from a scalar.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func - (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs - $0 } }
    /// Multiplies a scalar by every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func * (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs * $0 } }
    /// Divides a scalar by every element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func / (lhs: Scalar, rhs: Tensor) -> Tensor { rhs.map { lhs / $0 } }

    /// Negates every element.
    public static prefix func - (operand: Tensor) -> Tensor { operand.map { -$0 } }

    /// Updates `lhs` in place; `rhs` must broadcast to `lhs`'s shape.
    private static func assign(_ lhs: inout Tensor, _ rhs: Tensor, _ operation: (Scalar, Scalar) -> Scalar, _ name: String) {
        if lhs.shape == rhs.shape {
            lhs.scalars.withUnsafeMutableBufferPointer { a in
                rhs.scalars.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { a[i] = operation(a[i], b[i]) }
                }
            }
            return
        }
        let result = lhs.zipWith(rhs, operation)
        precondition(
            result.shape == lhs.shape,
            "\(name): the right-hand side of shape \(rhs.shape) would change the left-hand side's shape \(lhs.shape) to \(result.shape)")
        lhs = result
    }

    /// In-place element-wise sum; `rhs` must broadcast to `lhs`'s shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func += (lhs: inout Tensor, rhs: Tensor) { assign(&lhs, rhs, +, "+=") }
    /// In-place element-wise difference; `rhs` must broadcast to `lhs`'s shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func -= (lhs: inout Tensor, rhs: Tensor) { assign(&lhs, rhs, -, "-=") }
    /// In-place element-wise product; `rhs` must broadcast to `lhs`'s shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func *= (lhs: inout Tensor, rhs: Tensor) { assign(&lhs, rhs, *, "*=") }
    /// In-place element-wise quotient; `rhs` must broadcast to `lhs`'s shape.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func /= (lhs: inout Tensor, rhs: Tensor) { assign(&lhs, rhs, { $0 / $1 }, "/=") }
    /// Adds a scalar to every element in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func += (lhs: inout Tensor, rhs: Scalar) { lhs.mapInPlace { $0 + rhs } }
    /// Subtracts a scalar from every element in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func -= (lhs: inout Tensor, rhs: Scalar) { lhs.mapInPlace { $0 - rhs } }
    /// Multiplies every element by a scalar in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func *= (lhs: inout Tensor, rhs: Scalar) { lhs.mapInPlace { $0 * rhs } }
    /// Divides every element by a scalar in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func /= (lhs: inout Tensor, rhs: Scalar) { lhs.mapInPlace { $0 / rhs } }

    /// Applies a function to every element in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func mapInPlace(_ transform: (Scalar) -> Scalar) {
        scalars.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = transform(p[i]) }
        }
    }
}
