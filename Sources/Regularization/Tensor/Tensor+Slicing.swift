/// Rows, columns and sub-matrices.
extension Tensor {
    /// The number of rows of a matrix (the first dimension).
    public var rowCount: Int {
        precondition(rank >= 1, "rowCount of a scalar")
        return shape[0]
    }

    /// The number of columns of a matrix (the second dimension).
    public var columnCount: Int {
        precondition(rank == 2, "columnCount needs a matrix, got shape \(shape)")
        return shape[1]
    }

    /// Row `i` of a matrix as a vector.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func row(_ i: Int) -> Tensor {
        precondition(rank == 2, "row(_:) needs a matrix, got shape \(shape)")
        precondition(i >= 0 && i < shape[0], "row \(i) is out of range for \(shape[0]) rows")
        let c = shape[1]
        return Tensor(Array(scalars[(i * c)..<((i + 1) * c)]))
    }

    /// Column `j` of a matrix as a vector.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func column(_ j: Int) -> Tensor {
        precondition(rank == 2, "column(_:) needs a matrix, got shape \(shape)")
        precondition(j >= 0 && j < shape[1], "column \(j) is out of range for \(shape[1]) columns")
        let c = shape[1]
        return Tensor((0..<shape[0]).map { scalars[$0 * c + j] })
    }

    /// The rows in `range` of a matrix (or elements of a vector).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rows(_ range: Range<Int>) -> Tensor {
        precondition(rank >= 1, "rows(_:) of a scalar")
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[0], "rows \(range) out of range for \(shape[0]) rows")
        let width = count / Swift.max(shape[0], 1)
        var newShape = shape
        newShape[0] = range.count
        return Tensor(shape: newShape, scalars: Array(scalars[(range.lowerBound * width)..<(range.upperBound * width)]))
    }

    /// The rows at `indices`, in that order (a gather; used to form shuffled mini-batches).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func rows(_ indices: [Int]) -> Tensor {
        precondition(rank >= 1, "rows(_:) of a scalar")
        let width = count / Swift.max(shape[0], 1)
        var out = [Scalar]()
        out.reserveCapacity(indices.count * width)
        for i in indices {
            precondition(i >= 0 && i < shape[0], "row \(i) is out of range for \(shape[0]) rows")
            out.append(contentsOf: scalars[(i * width)..<((i + 1) * width)])
        }
        var newShape = shape
        newShape[0] = indices.count
        return Tensor(shape: newShape, scalars: out)
    }

    /// The columns in `range` of a matrix.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func columns(_ range: Range<Int>) -> Tensor {
        precondition(rank == 2, "columns(_:) needs a matrix, got shape \(shape)")
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[1], "columns \(range) out of range for \(shape[1]) columns")
        let c = shape[1]
        var out = [Scalar]()
        out.reserveCapacity(shape[0] * range.count)
        for i in 0..<shape[0] { out.append(contentsOf: scalars[(i * c + range.lowerBound)..<(i * c + range.upperBound)]) }
        return Tensor(shape: [shape[0], range.count], scalars: out)
    }

    /// The element at a row-major position, whatever the rank (`w[flat: 5]`).
    public subscript(flat index: Int) -> Scalar {
        get {
            precondition(index >= 0 && index < count, "flat index \(index) is out of range for \(count) elements")
            return scalars[index]
        }
        set {
            precondition(index >= 0 && index < count, "flat index \(index) is out of range for \(count) elements")
            scalars[index] = newValue
        }
    }

    /// The elements flattened into a vector.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func flattened() -> Tensor { reshaped([count]) }

    /// Stacks vectors of equal length as the rows of a matrix.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func stack(rows: [Tensor]) -> Tensor {
        let width = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == width }, "stack(rows:) needs tensors with equal element counts")
        return Tensor(shape: [rows.count, width], scalars: rows.flatMap { $0.scalars })
    }

    /// Sets row `i` of a matrix to the elements of `values`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func setRow(_ i: Int, to values: Tensor) {
        precondition(rank == 2 && values.count == shape[1], "setRow: needs \(shape.count == 2 ? shape[1] : 0) values in a matrix")
        precondition(i >= 0 && i < shape[0], "row \(i) is out of range for \(shape[0]) rows")
        let c = shape[1]
        for j in 0..<c { scalars[i * c + j] = values.scalars[j] }
    }

    /// Sets column `j` of a matrix to the elements of `values`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func setColumn(_ j: Int, to values: Tensor) {
        precondition(rank == 2 && values.count == shape[0], "setColumn: needs one value per row of a matrix")
        precondition(j >= 0 && j < shape[1], "column \(j) is out of range for \(shape[1]) columns")
        let c = shape[1]
        for i in 0..<shape[0] { scalars[i * c + j] = values.scalars[i] }
    }
}
