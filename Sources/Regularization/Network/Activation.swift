/// An element-wise (or, for softmax, row-wise) activation function of a dense layer.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable {
    /// f(z) = z.
    case identity
    /// f(z) = max(z, 0).
    case relu
    /// f(z) = tanh z.
    case tanh
    /// f(z) = 1 / (1 + e^{−z}).
    case sigmoid
    /// Row-wise softmax over the layer's outputs.
    case softmax

    /// Applies the activation to a tensor whose last axis holds one layer's outputs.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    public func callAsFunction<S: TensorScalar>(_ z: Tensor<S>) -> Tensor<S> {
        switch self {
        case .identity: return z
        case .relu: return z.relu()
        case .tanh: return z.tanh()
        case .sigmoid: return z.sigmoid()
        case .softmax: return z.softmax()
        }
    }

    /// Adds `bias` to every row of `rows × width` values and applies the activation, in one pass
    /// for ReLU and identity.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func applyWithBias<S: TensorScalar>(_ p: UnsafeMutablePointer<S>, bias b: UnsafePointer<S>, rows: Int, width: Int) {
        switch self {
        case .relu:
            S.reluAddingBias(p, bias: b, rows: rows, width: width)
        default:
            for r in 0..<rows {
                let row = p + r * width
                for j in 0..<width { row[j] += b[j] }
            }
            apply(p, rows: rows, width: width)
        }
    }

    /// Applies the activation in place to `rows × width` values.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func apply<S: TensorScalar>(_ p: UnsafeMutablePointer<S>, rows: Int, width: Int) {
        let n = rows * width
        switch self {
        case .identity: break
        case .relu: for i in 0..<n { p[i] = p[i] < 0 ? 0 : p[i] }  // branch-free; NaN stays NaN
        case .tanh: for i in 0..<n { p[i] = S.hyperbolicTangent(p[i]) }
        case .sigmoid: for i in 0..<n { p[i] = Tensor<S>.sigmoid(p[i]) }
        case .softmax: for r in 0..<rows { Tensor<S>.softmaxRow(p + r * width, width) }
        }
    }

    /// Turns dL/da into dL/dz in place, given the activation's outputs `a`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func backward<S: TensorScalar>(_ grad: UnsafeMutablePointer<S>, outputs a: UnsafePointer<S>, rows: Int, width: Int) {
        let n = rows * width
        switch self {
        case .identity: break
        case .relu:
            S.reluBackward(grad, outputs: a, count: n)
        case .tanh: for i in 0..<n { grad[i] *= 1 - a[i] * a[i] }
        case .sigmoid: for i in 0..<n { grad[i] *= a[i] * (1 - a[i]) }
        case .softmax:
            for r in 0..<rows {
                let g = grad + r * width
                let s = a + r * width
                var dot: S = 0
                for j in 0..<width { dot += g[j] * s[j] }
                for j in 0..<width { g[j] = s[j] * (g[j] - dot) }
            }
        }
    }
}
