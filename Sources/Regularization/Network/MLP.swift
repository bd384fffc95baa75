/// A multilayer perceptron: a stack of `Dense` layers trained with manual backpropagation.
///
/// The final layer outputs logits (identity activation) and the `loss` turns them into
/// probabilities, so softmax/sigmoid cross-entropies are computed stably. Training reuses
/// preallocated buffers and calls BLAS `?gemm` with transposes, so one step allocates nothing
/// once the buffers have grown to the batch size.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// var net = MLP<Float>(sizes: [64, 128, 10], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
/// let (loss, gradients) = net.lossAndGradients(x, y)
/// ```
public struct MLP<Scalar: TensorScalar>: Sendable {
    /// The layers, input first.
    public var layers: [Dense<Scalar>]
    /// The training loss on the last layer's outputs.
    public var loss: Loss
    /// Dropout applied to each hidden layer's output during training (one rate per hidden
    /// layer; 0 disables it). Evaluation never drops.
    public var dropoutRates: [Double]
    /// DropConnect rate applied to every weight matrix during training (0 disables it).
    public var dropConnectRate: Double = 0

    // Preallocated training buffers (grown on demand).
    var activations: [[Scalar]] = []  // post-activation outputs per layer
    var dropped: [[Scalar]] = []  // outputs after dropout (hidden layers with dropout only)
    var dropMasks: [[Scalar]] = []
    var deltas: [[Scalar]] = []  // dL/dz per layer
    var weightGradients: [[Scalar]] = []
    var biasGradients: [[Scalar]] = []
    var effectiveWeights: [[Scalar]] = []  // DropConnect weights
    var connectMasks: [[Scalar]] = []
    var targetBuffer: [Scalar] = []
    var inputBuffer: [Scalar] = []

    /// A network from explicit layers.
    public init(layers: [Dense<Scalar>], loss: Loss, dropoutRates: [Double]? = nil) {
        precondition(!layers.isEmpty, "an MLP needs at least one layer")
        for i in 1..<layers.count {
            precondition(
                layers[i].inputCount == layers[i - 1].outputCount,
                "layer \(i) expects \(layers[i].inputCount) inputs but layer \(i - 1) has \(layers[i - 1].outputCount) outputs")
        }
        self.layers = layers
        self.loss = loss
        self.dropoutRates = dropoutRates ?? Array(repeating: 0, count: layers.count - 1)
        precondition(self.dropoutRates.count == layers.count - 1, "one dropout rate per hidden layer (\(layers.count - 1))")
        precondition(self.dropoutRates.allSatisfy { $0 >= 0 && $0 < 1 }, "dropout rates must be in [0, 1)")
    }

    /// A network with layer widths `sizes` (inputs first), the given hidden activation and a
    /// linear output layer, initialised Glorot-uniform from `generator`.
    public init(
        sizes: [Int], hidden: Activation = .relu, loss: Loss, dropout: Double = 0, using generator: inout SeededGenerator
    ) {
        precondition(sizes.count >= 2, "MLP(sizes:) needs at least an input and an output size, got \(sizes)")
        var layers: [Dense<Scalar>] = []
        for i in 0..<(sizes.count - 1) {
            let last = i == sizes.count - 2
            layers.append(Dense(inputs: sizes[i], outputs: sizes[i + 1], activation: last ? .identity : hidden, using: &generator))
        }
        self.init(layers: layers, loss: loss, dropoutRates: Array(repeating: dropout, count: sizes.count - 2))
    }

    /// Linear regression `y = x·W + b` trained with mean squared error.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func linearRegression(inputs: Int, outputs: Int = 1, using generator: inout SeededGenerator) -> MLP {
        MLP(sizes: [inputs, outputs], loss: .meanSquaredError, using: &generator)
    }

    /// Logistic regression `p = σ(x·w + b)` trained with binary cross-entropy.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func logisticRegression(inputs: Int, using generator: inout SeededGenerator) -> MLP {
        MLP(sizes: [inputs, 1], loss: .binaryCrossEntropy, using: &generator)
    }

    /// Softmax (multinomial logistic) regression trained with softmax cross-entropy.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func softmaxRegression(inputs: Int, classes: Int, using generator: inout SeededGenerator) -> MLP {
        MLP(sizes: [inputs, classes], loss: .softmaxCrossEntropy, using: &generator)
    }

    // MARK: Parameters

    /// All parameters in order `[W₀, b₀, W₁, b₁, …]`; the index of a tensor is its optimizer slot.
    public var parameters: [Tensor<Scalar>] {
        get { layers.flatMap { [$0.weight, $0.bias] } }
        set {
            precondition(newValue.count == 2 * layers.count, "MLP has \(2 * layers.count) parameter tensors, got \(newValue.count)")
            for i in layers.indices {
                precondition(newValue[2 * i].shape == layers[i].weight.shape && newValue[2 * i + 1].shape == layers[i].bias.shape,
                             "parameter shapes must not change")
                layers[i].weight = newValue[2 * i]
                layers[i].bias = newValue[2 * i + 1]
            }
        }
    }

    /// The optimizer slots of the weight matrices (`0, 2, 4, …`).
    public var weightSlots: [Int] { layers.indices.map { 2 * $0 } }
    /// The optimizer slots of the biases (`1, 3, 5, …`), e.g. to exclude them from weight decay.
    public var biasSlots: [Int] { layers.indices.map { 2 * $0 + 1 } }
    /// The total number of scalar parameters.
    public var parameterCount: Int { layers.reduce(0) { $0 + $1.weight.count + $1.bias.count } }

    // MARK: Evaluation

    /// The last layer's outputs (logits for the cross-entropies) in evaluation mode.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func outputs(_ x: Tensor<Scalar>) -> Tensor<Scalar> {
        var a = x.rank == 1 ? x.reshaped([1, x.count]) : x
        for layer in layers { a = layer(a) }
        return x.rank == 1 ? a.reshaped([a.count]) : a
    }

    /// Predictions in evaluation mode: probabilities for cross-entropy losses, values for MSE.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func predict(_ x: Tensor<Scalar>) -> Tensor<Scalar> { loss.predictions(fromOutputs: outputs(x)) }

    /// The mean loss on `(x, y)` in evaluation mode.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func lossValue(_ x: Tensor<Scalar>, _ y: Tensor<Scalar>) -> Scalar {
        loss.value(outputs: outputs(x), targets: y)
    }

    /// The classification accuracy on `(x, y)`: arg-max agreement for several outputs, a 0.5
    /// threshold (on probabilities) for one output. For MSE with one output, the output is
    /// thresholded at 0.5.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func accuracy(_ x: Tensor<Scalar>, _ y: Tensor<Scalar>) -> Double {
        MLP.accuracy(predictions: predict(x), targets: y)
    }

    /// The fraction of rows whose prediction matches the target class.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func accuracy(predictions p: Tensor<Scalar>, targets y: Tensor<Scalar>) -> Double {
        let rows = p.shape[0]
        if rows == 0 { return 0 }
        let width = p.count / rows
        var correct = 0
        if width == 1 {
            for i in 0..<rows where (p.scalars[i] >= 0.5) == (y.scalars[i] >= 0.5) { correct += 1 }
        } else {
            let a = p.argmax(axis: 1)
            let b = y.argmax(axis: 1)
            for i in 0..<rows where a[i] == b[i] { correct += 1 }
        }
        return Double(correct) / Double(rows)
    }

    // MARK: Gradients

    /// The mean loss on a batch and its gradients `[dW₀, db₀, dW₁, db₁, …]` (evaluation mode:
    /// no dropout).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func lossAndGradients(_ x: Tensor<Scalar>, _ y: Tensor<Scalar>) -> (loss: Scalar, gradients: [Tensor<Scalar>]) {
        var unused = SeededGenerator(seed: 0)
        return lossAndGradients(x, y, training: false, using: &unused)
    }

    /// The mean loss on a batch and its gradients, with dropout/DropConnect masks drawn from
    /// `generator` when `training` is true.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func lossAndGradients(
        _ x: Tensor<Scalar>, _ y: Tensor<Scalar>, training: Bool, using generator: inout SeededGenerator
    ) -> (loss: Scalar, gradients: [Tensor<Scalar>]) {
        let rows = checkBatch(x, y)
        let value = x.scalars.withUnsafeBufferPointer { xp in
            y.scalars.withUnsafeBufferPointer { yp in
                backpropagate(inputs: xp.baseAddress!, targets: yp.baseAddress!, rows: rows, training: training, using: &generator)
            }
        }
        return (value, currentGradients)
    }

    /// The gradients computed by the last call to `lossAndGradients`, `[dW₀, db₀, …]`.
    public var currentGradients: [Tensor<Scalar>] {
        if weightGradients.count != layers.count { return parameters.map { Tensor(repeating: 0, shape: $0.shape) } }
        return layers.indices.flatMap { i in
            [Tensor(shape: layers[i].weight.shape, scalars: weightGradients[i]),
             Tensor(shape: layers[i].bias.shape, scalars: biasGradients[i])]
        }
    }

    /// The global L2 norm of the gradients computed by the last pass.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func gradientNorm() -> Double {
        var total = 0.0
        for buffer in weightGradients { total += Self.sumOfSquares(buffer) }
        for buffer in biasGradients { total += Self.sumOfSquares(buffer) }
        return total.squareRoot()
    }

    /// The L2 norm of each layer's weight gradient.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func weightGradientNorms() -> [Double] {
        weightGradients.map { Self.sumOfSquares($0).squareRoot() }
    }

    /// Σ x², accumulated in Double. Specialized, so the training loop's per-step measurements
    /// do not go through generic arithmetic when called from chapter code.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func sumOfSquares(_ values: [Scalar]) -> Double {
        var total = 0.0
        values.withUnsafeBufferPointer { v in
            for x in v {
                let d = Double(x)
                total += d * d
            }
        }
        return total
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func checkBatch(_ x: Tensor<Scalar>, _ y: Tensor<Scalar>) -> Int {
        precondition(x.rank == 2 && x.shape[1] == layers[0].inputCount,
                      "inputs must be [rows, \(layers[0].inputCount)], got \(x.shape)")
        precondition(y.shape == [x.shape[0], layers[layers.count - 1].outputCount],
                     "targets must be [\(x.shape[0]), \(layers[layers.count - 1].outputCount)], got \(y.shape)")
        precondition(x.shape[0] > 0, "a batch needs at least one row; got an empty batch (check the data split)")
        return x.shape[0]
    }

    /// Grows the buffers to hold `rows` rows (and follows any change of the layers' shapes).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func reserve(rows: Int) {
        if activations.count != layers.count {
            activations = layers.map { _ in [] }
            dropped = layers.map { _ in [] }
            dropMasks = layers.map { _ in [] }
            deltas = layers.map { _ in [] }
            weightGradients = layers.map { _ in [] }
            biasGradients = layers.map { _ in [] }
            effectiveWeights = layers.map { _ in [] }
            connectMasks = layers.map { _ in [] }
        }
        for i in layers.indices {
            let n = rows * layers[i].outputCount
            if activations[i].count < n {
                activations[i] = [Scalar](repeating: 0, count: n)
                deltas[i] = [Scalar](repeating: 0, count: n)
            }
            if i < layers.count - 1 && dropoutRates[i] > 0 && dropped[i].count < n {
                dropped[i] = [Scalar](repeating: 0, count: n)
                dropMasks[i] = [Scalar](repeating: 0, count: n)
            }
            if weightGradients[i].count != layers[i].weight.count {
                weightGradients[i] = [Scalar](repeating: 0, count: layers[i].weight.count)
            }
            if biasGradients[i].count != layers[i].bias.count {
                biasGradients[i] = [Scalar](repeating: 0, count: layers[i].bias.count)
            }
        }
    }

    /// Forward and backward pass over `rows` rows; fills the gradient buffers and returns the loss.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    mutating func backpropagate(
        inputs: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows: Int, training: Bool,
        using generator: inout SeededGenerator
    ) -> Scalar {
        reserve(rows: rows)
        let count = layers.count
        let useConnect = training && dropConnectRate > 0
        let droppedLayers = (0..<count).map { training && $0 < count - 1 && dropoutRates[$0] > 0 }
        // Forward.
        for l in 0..<count {
            let inWidth = layers[l].inputCount
            let outWidth = layers[l].outputCount
            if useConnect {
                let scale = 1 / (1 - Scalar(dropConnectRate))
                var mask = [Scalar](repeating: 0, count: layers[l].weight.count)
                for i in mask.indices where !generator.bernoulli(dropConnectRate) { mask[i] = scale }
                effectiveWeights[l] = zip(layers[l].weight.scalars, mask).map { $0 * $1 }
                connectMasks[l] = mask
            }
            let weights = useConnect ? effectiveWeights[l] : layers[l].weight.scalars
            let bias = layers[l].bias.scalars
            let activation = layers[l].activation
            let previous: [Scalar]? = l == 0 ? nil : layerInput(l, droppedLayers)
            activations[l].withUnsafeMutableBufferPointer { out in
                let o = out.baseAddress!
                weights.withUnsafeBufferPointer { w in
                    if let previous {
                        previous.withUnsafeBufferPointer { a in
                            Scalar.gemm(transposeA: false, transposeB: false, m: rows, n: outWidth, k: inWidth, alpha: 1,
                                        a: a.baseAddress!, lda: inWidth, b: w.baseAddress!, ldb: outWidth, beta: 0, c: o, ldc: outWidth)
                        }
                    } else {
                        Scalar.gemm(transposeA: false, transposeB: false, m: rows, n: outWidth, k: inWidth, alpha: 1,
                                    a: inputs, lda: inWidth, b: w.baseAddress!, ldb: outWidth, beta: 0, c: o, ldc: outWidth)
                    }
                }
                bias.withUnsafeBufferPointer { b in
                    activation.applyWithBias(o, bias: b.baseAddress!, rows: rows, width: outWidth)
                }
            }
            if droppedLayers[l] {
                let rate = dropoutRates[l]
                let scale = 1 / (1 - Scalar(rate))
                let n = rows * outWidth
                for i in 0..<n {
                    let keep: Scalar = generator.bernoulli(1 - rate) ? scale : 0
                    dropMasks[l][i] = keep
                    dropped[l][i] = activations[l][i] * keep
                }
            }
        }
        // Loss and its gradient.
        let last = count - 1
        let outWidth = layers[last].outputCount
        let lossFunction = loss
        let value = activations[last].withUnsafeBufferPointer { z in
            deltas[last].withUnsafeMutableBufferPointer { g in
                lossFunction.valueAndGradient(z.baseAddress!, targets, g.baseAddress!, rows: rows, width: outWidth)
            }
        }
        // Backward.
        for l in stride(from: last, through: 0, by: -1) {
            let inWidth = layers[l].inputCount
            let width = layers[l].outputCount
            let delta = deltas[l]
            // dW = inputᵀ · delta, db = column sums of delta.
            let previous: [Scalar]? = l == 0 ? nil : layerInput(l, droppedLayers)
            weightGradients[l].withUnsafeMutableBufferPointer { gw in
                delta.withUnsafeBufferPointer { d in
                    if let previous {
                        previous.withUnsafeBufferPointer { a in
                            Scalar.gemm(transposeA: true, transposeB: false, m: inWidth, n: width, k: rows, alpha: 1,
                                        a: a.baseAddress!, lda: inWidth, b: d.baseAddress!, ldb: width, beta: 0,
                                        c: gw.baseAddress!, ldc: width)
                        }
                    } else {
                        Scalar.gemm(transposeA: true, transposeB: false, m: inWidth, n: width, k: rows, alpha: 1,
                                    a: inputs, lda: inWidth, b: d.baseAddress!, ldb: width, beta: 0,
                                    c: gw.baseAddress!, ldc: width)
                    }
                }
            }
            biasGradients[l].withUnsafeMutableBufferPointer { gb in
                delta.withUnsafeBufferPointer { d in
                    for j in 0..<width { gb[j] = 0 }
                    for r in 0..<rows {
                        let row = d.baseAddress! + r * width
                        for j in 0..<width { gb[j] += row[j] }
                    }
                }
            }
            if useConnect {
                let mask = connectMasks[l]
                weightGradients[l].withUnsafeMutableBufferPointer { gw in
                    for i in 0..<gw.count { gw[i] *= mask[i] }
                }
            }
            if l == 0 { break }
            // delta_{l−1} = (delta · Wᵀ) ⊙ dropout mask ⊙ f'(a_{l−1}).
            let weights = useConnect ? effectiveWeights[l] : layers[l].weight.scalars
            let activation = layers[l - 1].activation
            let hasDropout = droppedLayers[l - 1]
            let mask = hasDropout ? dropMasks[l - 1] : []
            let outputs = activations[l - 1]
            deltas[l - 1].withUnsafeMutableBufferPointer { dp in
                delta.withUnsafeBufferPointer { d in
                    weights.withUnsafeBufferPointer { w in
                        Scalar.gemm(transposeA: false, transposeB: true, m: rows, n: inWidth, k: width, alpha: 1,
                                    a: d.baseAddress!, lda: width, b: w.baseAddress!, ldb: width, beta: 0,
                                    c: dp.baseAddress!, ldc: inWidth)
                    }
                }
                if hasDropout {
                    for i in 0..<(rows * inWidth) { dp[i] *= mask[i] }
                }
                outputs.withUnsafeBufferPointer { a in
                    activation.backward(dp.baseAddress!, outputs: a.baseAddress!, rows: rows, width: inWidth)
                }
            }
        }
        return value
    }

    /// The input of layer `l ≥ 1`: the previous layer's output, after dropout when it was applied.
    private func layerInput(_ l: Int, _ droppedLayers: [Bool]) -> [Scalar] {
        droppedLayers[l - 1] ? dropped[l - 1] : activations[l - 1]
    }
}
