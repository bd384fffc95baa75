/// A dense, row-major, n-dimensional array of `Float` or `Double`.
///
/// `Tensor` is a value type: copies are cheap until one of them is written to (the storage is a
/// Swift array). Shapes follow NumPy: `[]` is a scalar, `[n]` a vector, `[rows, columns]` a matrix.
public struct Tensor<Scalar: TensorScalar>: Sendable, Equatable, Codable {
    /// The size of each dimension, outermost first.
    public private(set) var shape: [Int]
    /// The elements in row-major (C) order; `scalars.count` is the product of `shape`.
    public internal(set) var scalars: [Scalar]

    /// Creates a tensor from a shape and row-major elements.
    ///
    /// - Precondition: `scalars.count` equals the product of `shape` and no dimension is negative.
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor shape \(shape) has a negative dimension")
        precondition(
            shape.reduce(1, *) == scalars.count,
            "Tensor shape \(shape) needs \(shape.reduce(1, *)) elements, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// Creates a vector.
    public init(_ vector: [Scalar]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// Creates a matrix from its rows, which must all have the same length.
    public init(rows: [[Scalar]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "Tensor(rows:) needs rows of equal length")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// Creates a tensor of the given shape filled with `value`.
    public init(repeating value: Scalar, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The element at a multi-dimensional index (one index per dimension).
    public subscript(_ index: Int...) -> Scalar {
        get { scalars[offset(of: index)] }
        set { scalars[offset(of: index)] = newValue }
    }

    /// The row-major offset of a multi-dimensional index.
    func offset(of index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
        var offset = 0
        for (i, (position, size)) in zip(index, shape).enumerated() {
            precondition(position >= 0 && position < size, "index \(index) is out of range for shape \(shape) at dimension \(i)")
            offset = offset * size + position
        }
        return offset
    }

    /// The same elements viewed with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }
}
