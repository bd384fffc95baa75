/// Vector norms, matrix norms and norms per row or column.
extension Tensor {
    /// The vector norm of all elements, e.g. `v.norm(.l2)` or `v.norm(.p(3))`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func norm(_ kind: VectorNorm = .l2) -> Scalar {
        Scalar(scalars.withUnsafeBufferPointer { kind.evaluate($0) })
    }

    /// A matrix norm, e.g. `W.norm(.spectral)`; the same as `matrixNorm(_:)`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func norm(_ kind: MatrixNorm) -> Scalar { matrixNorm(kind) }

    /// A matrix norm, e.g. `W.matrixNorm(.spectral)`.
    ///
    /// The spectral and nuclear norms come from the singular values (LAPACK `?gesdd`); when
    /// LAPACK fails (a matrix with NaN or infinite entries) they are NaN. Use
    /// `singularValues()` to get a thrown error instead.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func matrixNorm(_ kind: MatrixNorm) -> Scalar {
        precondition(rank == 2, "matrixNorm(\(kind)) needs a matrix, got shape \(shape); use norm(.l2) for a vector")
        switch kind {
        case .frobenius:
            return norm(.l2)
        case .spectral, .nuclear:
            if count == 0 { return 0 }
            guard let s = Scalar.singularValues(rows: shape[0], columns: shape[1], scalars: scalars) else {
                return .nan
            }
            if kind == .spectral { return s.first ?? 0 }
            return Scalar(s.reduce(0.0) { $0 + Double($1) })
        case .inducedOne:
            return columnNorms(.l1).scalars.max() ?? 0
        case .inducedInfinity:
            return rowNorms(.l1).scalars.max() ?? 0
        }
    }

    /// The singular values of a matrix in descending order (LAPACK `?gesdd`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func singularValues() throws(NumericalError) -> Tensor {
        precondition(rank == 2, "singularValues() needs a matrix, got shape \(shape)")
        guard let s = Scalar.singularValues(rows: shape[0], columns: shape[1], scalars: scalars) else {
            throw .singularValueDecompositionFailed(rows: shape[0], columns: shape[1])
        }
        return Tensor(s)
    }

    /// The norm of every slice along `axis`, reducing over all other axes (a vector of length
    /// `shape[axis]`). For a matrix, `norms(.l2, alongAxis: 0)` gives one norm per row.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func norms(_ kind: VectorNorm, alongAxis axis: Int) -> Tensor {
        let a = normalizedAxis(axis)
        let outer = shape[..<a].reduce(1, *)
        let length = shape[a]
        let inner = shape[(a + 1)...].reduce(1, *)
        var out = [Scalar](repeating: 0, count: length)
        var buffer = [Scalar](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { p in
            for k in 0..<length {
                var n = 0
                for o in 0..<outer {
                    for i in 0..<inner {
                        buffer[n] = p[(o * length + k) * inner + i]
                        n += 1
                    }
                }
                out[k] = Scalar(buffer.withUnsafeBufferPointer { kind.evaluate($0) })
            }
        }
        return Tensor(out)
    }

    /// The norm of each row of a matrix (one value per row).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rowNorms(_ kind: VectorNorm = .l2) -> Tensor {
        precondition(rank == 2, "rowNorms needs a matrix, got shape \(shape)")
        return norms(kind, alongAxis: 0)
    }

    /// The norm of each column of a matrix (one value per column).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func columnNorms(_ kind: VectorNorm = .l2) -> Tensor {
        precondition(rank == 2, "columnNorms needs a matrix, got shape \(shape)")
        return norms(kind, alongAxis: 1)
    }
}
