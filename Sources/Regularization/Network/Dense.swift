/// A fully connected layer `a = f(x·W + b)` with `W` of shape `[inputs, outputs]` (the
/// Keras/JAX layout: one column per output unit) and `b` of shape `[outputs]`.
public struct Dense<Scalar: TensorScalar>: Sendable, Equatable {
    /// The weight matrix, `[inputs, outputs]`.
    public var weight: Tensor<Scalar>
    /// The bias vector, `[outputs]`.
    public var bias: Tensor<Scalar>
    /// The activation applied to `x·W + b`.
    public var activation: Activation

    /// A layer with given parameters.
    public init(weight: Tensor<Scalar>, bias: Tensor<Scalar>, activation: Activation = .identity) {
        precondition(weight.rank == 2, "Dense weight must be a [inputs, outputs] matrix, got shape \(weight.shape)")
        precondition(bias.shape == [weight.shape[1]], "Dense bias must have shape [\(weight.shape[1])], got \(bias.shape)")
        self.weight = weight
        self.bias = bias
        self.activation = activation
    }

    /// A layer with Glorot-uniform weights and zero biases (Keras's default initialisation).
    public init(inputs: Int, outputs: Int, activation: Activation = .identity, using generator: inout SeededGenerator) {
        self.init(
            weight: .glorotUniform([inputs, outputs], using: &generator), bias: .zeros([outputs]), activation: activation)
    }

    /// The number of inputs.
    public var inputCount: Int { weight.shape[0] }
    /// The number of outputs (units).
    public var outputCount: Int { weight.shape[1] }

    /// The layer's output for a batch `[rows, inputs]` (or one input vector).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func callAsFunction(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        activation(x.matmul(weight) + bias)
    }
}
