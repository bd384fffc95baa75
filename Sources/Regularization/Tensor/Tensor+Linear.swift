/// Matrix products (OpenBLAS `?gemm`), transposes and dot products.
extension Tensor {
    /// The matrix product `op(self) · op(other)`, where `op` optionally transposes.
    ///
    /// Both operands must be matrices; the transposes are handed to BLAS, so no transposed copy is
    /// made. A vector on either side is treated as a row (left) or column (right) and the result
    /// is a vector.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func matmul(_ other: Tensor, transposingSelf: Bool = false, transposingOther: Bool = false) -> Tensor {
        if rank == 1 || other.rank == 1 {
            precondition(!transposingSelf && !transposingOther, "matmul: transposes apply to matrices only")
            let left = rank == 1 ? reshaped([1, count]) : self
            let right = other.rank == 1 ? other.reshaped([other.count, 1]) : other
            let product = left.matmul(right)
            return product.reshaped([product.count])
        }
        precondition(
            rank == 2 && other.rank == 2,
            "matmul needs matrices or vectors, got shapes \(shape) and \(other.shape)")
        let m = transposingSelf ? shape[1] : shape[0]
        let k = transposingSelf ? shape[0] : shape[1]
        let k2 = transposingOther ? other.shape[1] : other.shape[0]
        let n = transposingOther ? other.shape[0] : other.shape[1]
        precondition(
            k == k2,
            "matmul: inner dimensions differ (\(shape)\(transposingSelf ? "ᵀ" : "") · \(other.shape)\(transposingOther ? "ᵀ" : ""): \(k) vs \(k2))")
        if m == 0 || n == 0 || k == 0 { return .zeros([m, n]) }
        // beta = 0: BLAS writes every element of C, so the buffer need not be zero-filled first.
        let out = [Scalar](unsafeUninitializedCapacity: m * n) { c, initialized in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    Scalar.gemm(
                        transposeA: transposingSelf, transposeB: transposingOther, m: m, n: n, k: k,
                        alpha: 1, a: a.baseAddress!, lda: shape[1], b: b.baseAddress!, ldb: other.shape[1],
                        beta: 0, c: c.baseAddress!, ldc: n)
                }
            }
            initialized = m * n
        }
        return Tensor(shape: [m, n], scalars: out)
    }

    /// The transpose of a matrix (a vector is returned unchanged).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func transposed() -> Tensor {
        if rank == 1 { return self }
        precondition(rank == 2, "transposed() needs a matrix, got shape \(shape)")
        let r = shape[0]
        let c = shape[1]
        var out = [Scalar](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { p in
            for i in 0..<r {
                for j in 0..<c { out[j * r + i] = p[i * c + j] }
            }
        }
        return Tensor(shape: [c, r], scalars: out)
    }

    /// The transpose of a matrix (`transposed()`).
    public var T: Tensor { transposed() }

    /// The dot product of two tensors with the same number of elements (flattened).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func dot(_ other: Tensor) -> Scalar {
        precondition(count == other.count, "dot: \(count) vs \(other.count) elements (shapes \(shape), \(other.shape))")
        if count == 0 { return 0 }
        return scalars.withUnsafeBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                Scalar.dot(n: a.count, x: a.baseAddress!, y: b.baseAddress!)
            }
        }
    }

    /// The `n × n` identity matrix.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func identity(_ n: Int) -> Tensor {
        var t = Tensor.zeros([n, n])
        for i in 0..<n { t.scalars[i * n + i] = 1 }
        return t
    }
}
