/// Mini-batch training of an `MLP` with regularization hooks: a penalty on the weight
/// matrices, gradient clipping, a weight constraint, pruning masks kept through training, and
/// the network's own dropout/DropConnect. Records an `EpochRecord` per epoch.
///
/// ```swift
/// var trainer = Trainer(optimizer: SGD<Float>(learningRate: 0.1), batchSize: 64)
/// trainer.penalty = .l2(1e-4, convention: .halfSquared)
/// trainer.clipping = .globalNorm(1.0, norm: .l2)
/// let history = trainer.fit(&net, on: train, validation: test, epochs: 20, using: &rng)
/// ```
public struct Trainer<O: Optimizer>: Sendable {
    /// The optimizer (its state persists across `fit` calls).
    public var optimizer: O
    /// Mini-batch size; the last batch of an epoch may be smaller.
    public var batchSize: Int
    /// Shuffle the training examples at the start of every epoch.
    public var shuffle: Bool = true
    /// A penalty added to the loss for every weight matrix (biases are never penalized).
    public var penalty: Penalty = .none
    /// Apply the penalty through its proximal operator after each step (exact zeros for L1)
    /// instead of adding its gradient.
    public var proximalPenalty: Bool = false
    /// What to do to the gradients before the optimizer step.
    public var clipping: ClippingPolicy = .none
    /// A constraint projected onto every weight matrix after each step.
    public var constraint: WeightConstraint? = nil
    /// Pruning masks by layer index, re-applied after every step so pruned weights stay zero.
    public var pruningMasks: [Int: PruningMask<O.Scalar>] = [:]
    /// Set by `fitOrThrow`: stop with an error as well as recording the stop reason.
    var throwOnNonFiniteLoss: Bool = false
    /// The ε of `EpochRecord.nearZeroFraction`.
    public var sparsityThreshold: Double = 1e-3

    /// Creates a trainer.
    public init(optimizer: O, batchSize: Int) {
        precondition(batchSize >= 1, "batchSize \(batchSize) must be ≥ 1")
        self.optimizer = optimizer
        self.batchSize = batchSize
    }

    /// Trains `network` for `epochs` epochs and returns the history. Stops early, recording
    /// `StopReason.nonFiniteLoss`, if a batch loss is NaN or infinite (nothing is updated from
    /// that batch).
    public mutating func fit(
        _ network: inout MLP<O.Scalar>, on data: SupervisedData<O.Scalar>, validation: SupervisedData<O.Scalar>? = nil,
        epochs: Int, using generator: inout SeededGenerator
    ) -> TrainingHistory {
        var history = TrainingHistory()
        do {
            try run(&network, data, validation, epochs, &generator, &history)
        } catch {
            // Unreachable unless fitOrThrow is running; the stop reason is recorded either way.
        }
        return history
    }

    /// Like `fit`, but throws `NumericalError.nonFiniteLoss` when the loss is not finite.
    public mutating func fitOrThrow(
        _ network: inout MLP<O.Scalar>, on data: SupervisedData<O.Scalar>, validation: SupervisedData<O.Scalar>? = nil,
        epochs: Int, using generator: inout SeededGenerator
    ) throws(NumericalError) -> TrainingHistory {
        var history = TrainingHistory()
        let saved = throwOnNonFiniteLoss
        throwOnNonFiniteLoss = true
        defer { throwOnNonFiniteLoss = saved }
        try run(&network, data, validation, epochs, &generator, &history)
        return history
    }

    /// One training step on a batch: backpropagation, penalty, masks, clipping, the optimizer
    /// update, then the constraint and the masks. When the loss is not finite nothing is updated
    /// and the result's `loss` says so.
    public mutating func step(
        _ network: inout MLP<O.Scalar>, inputs: Tensor<O.Scalar>, targets: Tensor<O.Scalar>,
        using generator: inout SeededGenerator
    ) -> StepResult {
        step(&network, inputs: inputs, targets: targets, using: &generator, measuring: true)
    }

    /// `step`, optionally skipping the gradient-norm measurements of the fast path.
    mutating func step(
        _ network: inout MLP<O.Scalar>, inputs: Tensor<O.Scalar>, targets: Tensor<O.Scalar>,
        using generator: inout SeededGenerator, measuring: Bool
    ) -> StepResult {
        typealias S = O.Scalar
        let rows = network.checkBatch(inputs, targets)
        let dataLoss = inputs.scalars.withUnsafeBufferPointer { x in
            targets.scalars.withUnsafeBufferPointer { y in
                network.backpropagate(inputs: x.baseAddress!, targets: y.baseAddress!, rows: rows, training: true, using: &generator)
            }
        }
        var loss = Double(dataLoss)
        if !proximalPenalty && penalty != .none {
            for l in network.layers.indices { loss += Double(penalty.value(network.layers[l].weight)) }
        }
        guard loss.isFinite else { return StepResult(loss: loss, normBefore: .nan, normAfter: .nan, clipped: false, layerNorms: []) }
        let simple = penalty == .none && clipping == .none && !proximalPenalty
        if simple {
            // Fast path: update straight from the network's gradient buffers.
            for (l, mask) in pruningMasks {
                network.weightGradients[l].withUnsafeMutableBufferPointer { g in
                    mask.mask.scalars.withUnsafeBufferPointer { m in
                        for i in 0..<g.count where m[i] == 0 { g[i] = 0 }
                    }
                }
            }
            for l in network.layers.indices {
                let gw = network.weightGradients[l]
                let gb = network.biasGradients[l]
                network.layers[l].weight.scalars.withUnsafeMutableBufferPointer { p in
                    gw.withUnsafeBufferPointer { g in
                        let (lr, wd) = optimizer.settings(for: 2 * l)
                        optimizer.update(p, gradient: g, slot: 2 * l, learningRate: lr, weightDecay: wd)
                    }
                }
                network.layers[l].bias.scalars.withUnsafeMutableBufferPointer { p in
                    gb.withUnsafeBufferPointer { g in
                        let (lr, wd) = optimizer.settings(for: 2 * l + 1)
                        optimizer.update(p, gradient: g, slot: 2 * l + 1, learningRate: lr, weightDecay: wd)
                    }
                }
            }
            let layerNorms = measuring ? network.weightGradientNorms() : []
            let norm = measuring ? network.gradientNorm() : .nan
            afterStep(&network)
            return StepResult(loss: loss, normBefore: norm, normAfter: norm, clipped: false, layerNorms: layerNorms)
        }
        var gradients = network.currentGradients
        if !proximalPenalty && penalty != .none {
            for l in network.layers.indices { gradients[2 * l] += penalty.gradient(network.layers[l].weight) }
        }
        for (l, mask) in pruningMasks { mask.apply(to: &gradients[2 * l]) }
        let before = Double(GradientClipping.totalNorm(gradients))
        let layerNorms = network.layers.indices.map { Double(gradients[2 * $0].norm(.l2)) }
        var parameters = network.parameters
        let clipped = clipping.apply(to: &gradients, parameters: parameters)
        let after = clipped ? Double(GradientClipping.totalNorm(gradients)) : before
        optimizer.step(&parameters, gradients: gradients)
        network.parameters = parameters
        if proximalPenalty && penalty != .none {
            for l in network.layers.indices {
                let lr = optimizer.settings(for: 2 * l).learningRate
                network.layers[l].weight = penalty.proximal(network.layers[l].weight, stepSize: lr)
            }
        }
        afterStep(&network)
        return StepResult(loss: loss, normBefore: before, normAfter: after, clipped: clipped, layerNorms: layerNorms)
    }

    /// One epoch of mini-batch steps without the per-epoch evaluation of `fit`. Returns the mean
    /// batch loss, or the first non-finite batch loss (the epoch then stops at that batch).
    @discardableResult
    public mutating func trainEpoch(
        _ network: inout MLP<O.Scalar>, on data: SupervisedData<O.Scalar>, using generator: inout SeededGenerator
    ) -> Double {
        let order = shuffle ? generator.permutation(data.count) : Array(0..<data.count)
        var total = 0.0
        var steps = 0
        var start = 0
        while start < data.count {
            let indices = Array(order[start..<Swift.min(start + batchSize, data.count)])
            let result = step(
                &network, inputs: data.inputs.rows(indices), targets: data.targets.rows(indices), using: &generator, measuring: false)
            if !result.loss.isFinite { return result.loss }
            total += result.loss
            steps += 1
            start += batchSize
        }
        return steps == 0 ? 0 : total / Double(steps)
    }

    /// Applies the constraint and the pruning masks after an optimizer step.
    private func afterStep(_ network: inout MLP<O.Scalar>) {
        if let constraint {
            for l in network.layers.indices { network.layers[l].weight = constraint.apply(network.layers[l].weight) }
        }
        for (l, mask) in pruningMasks { mask.apply(to: &network.layers[l].weight) }
    }

    private mutating func run(
        _ network: inout MLP<O.Scalar>, _ data: SupervisedData<O.Scalar>, _ validation: SupervisedData<O.Scalar>?,
        _ epochs: Int, _ generator: inout SeededGenerator, _ history: inout TrainingHistory
    ) throws(NumericalError) {
        precondition(data.count > 0, "training data is empty")
        for (l, mask) in pruningMasks {
            precondition(network.layers.indices.contains(l), "pruning mask for layer \(l), but the network has \(network.layers.count) layers")
            mask.apply(to: &network.layers[l].weight)
        }
        for epoch in 1...Swift.max(epochs, 1) where epochs >= 1 {
            let order = shuffle ? generator.permutation(data.count) : Array(0..<data.count)
            var lossSum = 0.0
            var steps = 0
            var normBeforeSum = 0.0
            var normAfterSum = 0.0
            var normMax = 0.0
            var clippedSteps = 0
            var layerNormSums: [Double] = []
            var start = 0
            while start < data.count {
                let indices = Array(order[start..<Swift.min(start + batchSize, data.count)])
                let x = data.inputs.rows(indices)
                let y = data.targets.rows(indices)
                let result = step(&network, inputs: x, targets: y, using: &generator)
                steps += 1
                if !result.loss.isFinite {
                    history.stopReason = .nonFiniteLoss(epoch: epoch, step: steps, loss: result.loss)
                    if throwOnNonFiniteLoss { throw .nonFiniteLoss(epoch: epoch, step: steps, loss: result.loss) }
                    return
                }
                lossSum += result.loss
                normBeforeSum += result.normBefore
                normAfterSum += result.normAfter
                normMax = Swift.max(normMax, result.normBefore)
                if layerNormSums.count != result.layerNorms.count {
                    layerNormSums = Array(repeating: 0, count: result.layerNorms.count)
                }
                for (l, n) in result.layerNorms.enumerated() { layerNormSums[l] += n }
                if result.clipped { clippedSteps += 1 }
                start += batchSize
            }
            history.epochs.append(record(epoch, network, data, validation, lossSum / Double(steps), steps,
                                         normBeforeSum, normAfterSum, normMax, clippedSteps, layerNormSums))
        }
    }

    private func record(
        _ epoch: Int, _ network: MLP<O.Scalar>, _ data: SupervisedData<O.Scalar>, _ validation: SupervisedData<O.Scalar>?,
        _ running: Double, _ steps: Int, _ before: Double, _ after: Double, _ maxNorm: Double, _ clipped: Int,
        _ layerNormSums: [Double]
    ) -> EpochRecord {
        let weights = network.layers.map(\.weight)
        let threshold = O.Scalar(sparsityThreshold)
        return EpochRecord(
            epoch: epoch,
            trainingLoss: Double(network.lossValue(data.inputs, data.targets)),
            trainingAccuracy: network.accuracy(data.inputs, data.targets),
            runningLoss: running,
            penalty: weights.reduce(0.0) { $0 + Double(penalty.value($1)) },
            validationLoss: validation.map { Double(network.lossValue($0.inputs, $0.targets)) },
            validationAccuracy: validation.map { network.accuracy($0.inputs, $0.targets) },
            weightL1: weights.map { Double($0.norm(.l1)) },
            weightL2: weights.map { Double($0.norm(.l2)) },
            exactZeroFraction: weights.map { $0.count == 0 ? 0 : Double($0.zeroCount) / Double($0.count) },
            nearZeroFraction: weights.map { $0.fraction(below: threshold) },
            gradientNormBefore: before / Double(steps),
            gradientNormAfter: after / Double(steps),
            maxGradientNormBefore: maxNorm,
            layerGradientNorms: layerNormSums.map { $0 / Double(steps) },
            clippedFraction: Double(clipped) / Double(steps))
    }
}
