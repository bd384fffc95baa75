/// Inputs and targets for supervised training: `inputs` is `[n, features]`, `targets` is
/// `[n, outputs]` (one-hot rows for classification, 0/1 for a binary label, values for
/// regression).
public struct SupervisedData<Scalar: TensorScalar>: Sendable, Equatable {
    /// One example per row.
    public var inputs: Tensor<Scalar>
    /// One target row per example.
    public var targets: Tensor<Scalar>

    /// Pairs inputs with targets of the same row count.
    public init(inputs: Tensor<Scalar>, targets: Tensor<Scalar>) {
        precondition(inputs.rank == 2, "inputs must be a [n, features] matrix, got shape \(inputs.shape)")
        let t = targets.rank == 1 ? targets.reshaped([targets.count, 1]) : targets
        precondition(t.rank == 2 && t.shape[0] == inputs.shape[0],
                     "targets must have one row per input row (\(inputs.shape[0])), got shape \(targets.shape)")
        self.inputs = inputs
        self.targets = t
    }

    /// Classification data with integer labels in `0..<classes`, one-hot encoded (for two
    /// classes with `oneColumn: true`, a single 0/1 column for binary cross-entropy).
    public init(inputs: Tensor<Scalar>, labels: [Int], classes: Int, oneColumn: Bool = false) {
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classes }, "labels must be in 0..<\(classes)")
        if oneColumn {
            precondition(classes == 2, "oneColumn targets need exactly 2 classes")
            self.init(inputs: inputs, targets: Tensor(shape: [labels.count, 1], scalars: labels.map { Scalar($0) }))
        } else {
            var t = [Scalar](repeating: 0, count: labels.count * classes)
            for (i, l) in labels.enumerated() { t[i * classes + l] = 1 }
            self.init(inputs: inputs, targets: Tensor(shape: [labels.count, classes], scalars: t))
        }
    }

    /// The number of examples.
    public var count: Int { inputs.shape[0] }

    /// The examples at `indices`, in that order.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func subset(_ indices: [Int]) -> SupervisedData {
        SupervisedData(inputs: inputs.rows(indices), targets: targets.rows(indices))
    }

    /// The first `fraction` of the examples (rounded down) and the rest, without shuffling.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func split(trainingFraction fraction: Double) -> (training: SupervisedData, validation: SupervisedData) {
        precondition(fraction >= 0 && fraction <= 1, "trainingFraction \(fraction) must be in [0, 1]")
        let k = Int(Double(count) * fraction)
        return (subset(Array(0..<k)), subset(Array(k..<count)))
    }

    /// The examples in a random order.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func shuffled(using generator: inout SeededGenerator) -> SupervisedData {
        subset(generator.permutation(count))
    }
}
