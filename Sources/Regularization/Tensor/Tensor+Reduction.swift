/// Reductions over all elements or along one axis (NumPy's `axis`, negative counts from the end).
extension Tensor {
    /// The sum of all elements (in index order).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum() -> Scalar { scalars.reduce(0, +) }

    /// The mean of all elements (NaN for an empty tensor).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func mean() -> Scalar { sum() / Scalar(count) }

    /// The largest element. - Precondition: the tensor is not empty.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func max() -> Scalar {
        precondition(count > 0, "max() of an empty tensor")
        return scalars.dropFirst().reduce(scalars[0]) { $1 > $0 || $1.isNaN ? $1 : $0 }
    }

    /// The smallest element. - Precondition: the tensor is not empty.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func min() -> Scalar {
        precondition(count > 0, "min() of an empty tensor")
        return scalars.dropFirst().reduce(scalars[0]) { $1 < $0 || $1.isNaN ? $1 : $0 }
    }

    /// The row-major position of the first largest element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func argmax() -> Int {
        precondition(count > 0, "argmax() of an empty tensor")
        var best = 0
        for i in 1..<count where scalars[i] > scalars[best] { best = i }
        return best
    }

    /// The row-major position of the first smallest element.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func argmin() -> Int {
        precondition(count > 0, "argmin() of an empty tensor")
        var best = 0
        for i in 1..<count where scalars[i] < scalars[best] { best = i }
        return best
    }

    /// A non-negative axis index; traps with a clear message when out of range.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func normalizedAxis(_ axis: Int) -> Int {
        let a = axis < 0 ? axis + rank : axis
        precondition(a >= 0 && a < rank, "axis \(axis) is out of range for a tensor of shape \(shape)")
        return a
    }

    /// Folds the elements along `axis`: for every position of the other axes, `combine` sees the
    /// `shape[axis]` elements in order and returns one value.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func reduce(axis: Int, keepingDimension: Bool, _ combine: (UnsafeBufferPointer<Scalar>) -> Scalar) -> Tensor {
        let a = normalizedAxis(axis)
        let outer = shape[..<a].reduce(1, *)
        let length = shape[a]
        let inner = shape[(a + 1)...].reduce(1, *)
        var out = [Scalar](repeating: 0, count: outer * inner)
        var buffer = [Scalar](repeating: 0, count: length)
        scalars.withUnsafeBufferPointer { p in
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * length * inner + i
                    for k in 0..<length { buffer[k] = p[base + k * inner] }
                    out[o * inner + i] = buffer.withUnsafeBufferPointer(combine)
                }
            }
        }
        var newShape = shape
        if keepingDimension { newShape[a] = 1 } else { newShape.remove(at: a) }
        return Tensor(shape: newShape, scalars: out)
    }

    /// Sums along `axis` (e.g. `sum(axis: 0)` of a matrix gives column sums).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func sum(axis: Int, keepingDimension: Bool = false) -> Tensor {
        reduce(axis: axis, keepingDimension: keepingDimension) { $0.reduce(0, +) }
    }

    /// Means along `axis`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func mean(axis: Int, keepingDimension: Bool = false) -> Tensor {
        reduce(axis: axis, keepingDimension: keepingDimension) { $0.reduce(0, +) / Scalar($0.count) }
    }

    /// Maxima along `axis`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func max(axis: Int, keepingDimension: Bool = false) -> Tensor {
        precondition(shape[normalizedAxis(axis)] > 0, "max(axis:) along an empty axis")
        return reduce(axis: axis, keepingDimension: keepingDimension) { b in
            b.dropFirst().reduce(b[0]) { $1 > $0 || $1.isNaN ? $1 : $0 }
        }
    }

    /// Minima along `axis`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func min(axis: Int, keepingDimension: Bool = false) -> Tensor {
        precondition(shape[normalizedAxis(axis)] > 0, "min(axis:) along an empty axis")
        return reduce(axis: axis, keepingDimension: keepingDimension) { b in
            b.dropFirst().reduce(b[0]) { $1 < $0 || $1.isNaN ? $1 : $0 }
        }
    }

    /// The index of the first largest element along `axis`, for every position of the other axes
    /// (row-major). For a `[n, classes]` matrix, `argmax(axis: 1)` gives the predicted classes.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func argmax(axis: Int) -> [Int] {
        precondition(shape[normalizedAxis(axis)] > 0, "argmax(axis:) along an empty axis")
        return reduce(axis: axis, keepingDimension: false) { b in
            var best = 0
            for i in 1..<b.count where b[i] > b[best] { best = i }
            return Scalar(best)
        }.scalars.map { Int($0) }
    }
}
