/// A training loss on a network's final outputs, averaged over the batch (PyTorch's
/// `reduction='mean'`).
public enum Loss: String, Sendable, Hashable, Codable {
    /// Mean of (output − target)² over all elements (`nn.MSELoss`).
    case meanSquaredError
    /// Binary cross-entropy on **logits**, one column per independent label
    /// (`nn.BCEWithLogitsLoss`); targets are 0 or 1 (or probabilities).
    case binaryCrossEntropy
    /// Softmax cross-entropy on **logits** with one-hot (or probability) targets
    /// (`nn.CrossEntropyLoss`), averaged over rows.
    case softmaxCrossEntropy

    /// Maps final outputs to predictions: probabilities for the cross-entropies, the outputs
    /// themselves for MSE.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func predictions<S: TensorScalar>(fromOutputs z: Tensor<S>) -> Tensor<S> {
        switch self {
        case .meanSquaredError: return z
        case .binaryCrossEntropy: return z.sigmoid()
        case .softmaxCrossEntropy: return z.softmax()
        }
    }

    /// The loss of outputs `z` against `targets` (both `[rows, width]`).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func value<S: TensorScalar>(outputs z: Tensor<S>, targets: Tensor<S>) -> S {
        precondition(z.shape == targets.shape, "\(self): outputs of shape \(z.shape) but targets of shape \(targets.shape)")
        var g = z.scalars
        let rows = z.rank >= 2 ? z.shape[0] : 1
        let width = z.count / Swift.max(rows, 1)
        return g.withUnsafeMutableBufferPointer { gp in
            z.scalars.withUnsafeBufferPointer { zp in
                targets.scalars.withUnsafeBufferPointer { tp in
                    valueAndGradient(zp.baseAddress!, tp.baseAddress!, gp.baseAddress!, rows: rows, width: width)
                }
            }
        }
    }

    /// dLoss/dz for outputs `z` against `targets`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func gradient<S: TensorScalar>(outputs z: Tensor<S>, targets: Tensor<S>) -> Tensor<S> {
        precondition(z.shape == targets.shape, "\(self): outputs of shape \(z.shape) but targets of shape \(targets.shape)")
        var g = z
        let rows = z.rank >= 2 ? z.shape[0] : 1
        let width = z.count / Swift.max(rows, 1)
        g.scalars.withUnsafeMutableBufferPointer { gp in
            z.scalars.withUnsafeBufferPointer { zp in
                targets.scalars.withUnsafeBufferPointer { tp in
                    _ = valueAndGradient(zp.baseAddress!, tp.baseAddress!, gp.baseAddress!, rows: rows, width: width)
                }
            }
        }
        return g
    }

    /// Computes the mean loss and writes dLoss/dz into `grad` (which may alias nothing else).
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func valueAndGradient<S: TensorScalar>(
        _ z: UnsafePointer<S>, _ t: UnsafePointer<S>, _ grad: UnsafeMutablePointer<S>, rows: Int, width: Int
    ) -> S {
        let n = rows * width
        switch self {
        case .meanSquaredError:
            var total: S = 0
            let scale = 2 / S(n)
            for i in 0..<n {
                let d = z[i] - t[i]
                total += d * d
                grad[i] = scale * d
            }
            return total / S(n)
        case .binaryCrossEntropy:
            var total: S = 0
            let scale = 1 / S(n)
            for i in 0..<n {
                let x = z[i]
                // max(x, 0) − x·t + log(1 + e^{−|x|}), the stable form torch uses.
                total += Swift.max(x, 0) - x * t[i] + S.logarithm(1 + S.exponential(-Swift.abs(x)))
                grad[i] = (Tensor<S>.sigmoid(x) - t[i]) * scale
            }
            return total / S(n)
        case .softmaxCrossEntropy:
            var total: S = 0
            let scale = 1 / S(rows)
            for r in 0..<rows {
                let zr = z + r * width
                let tr = t + r * width
                let gr = grad + r * width
                var m = zr[0]
                for j in 1..<Swift.max(width, 1) where zr[j] > m { m = zr[j] }
                var sum: S = 0
                for j in 0..<width {
                    let e = S.exponential(zr[j] - m)
                    gr[j] = e
                    sum += e
                }
                let logSum = S.logarithm(sum) + m
                var targetSum: S = 0
                for j in 0..<width {
                    total += tr[j] * (logSum - zr[j])
                    targetSum += tr[j]
                }
                for j in 0..<width { gr[j] = (gr[j] / sum * targetSum - tr[j]) * scale }
            }
            return total / S(rows)
        }
    }
}
