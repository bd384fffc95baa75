extension Tensor: ExpressibleByArrayLiteral {
    /// A vector from a literal: `let v: Tensor<Double> = [3, -4]`.
    public init(arrayLiteral elements: Scalar...) {
        self.init(elements)
    }
}
