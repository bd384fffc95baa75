import Regularization
import Testing

@Suite("Training loop")
struct TrainerTests {
    /// Two Gaussian blobs per class, 3 classes, 4 features.
    static func blobs(_ n: Int, seed: UInt64) -> SupervisedData<Double> {
        var rng = SeededGenerator(seed: seed)
        var labels: [Int] = []
        var rows: [[Double]] = []
        for i in 0..<n {
            let c = i % 3
            labels.append(c)
            rows.append((0..<4).map { j in (j == c ? 2.0 : 0) + rng.normal() * 0.7 })
        }
        return SupervisedData(inputs: Tensor(rows: rows), labels: labels, classes: 3)
    }

    @Test func recordsEveryEpochAndLearns() {
        var rng = SeededGenerator(seed: 1)
        let data = Self.blobs(150, seed: 2)
        let (train, validation) = data.split(trainingFraction: 0.8)
        var net = MLP<Double>(sizes: [4, 16, 3], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.1, momentum: 0.9), batchSize: 16)
        trainer.clipping = .globalNorm(0.5, norm: .l2)
        let history = trainer.fit(&net, on: train, validation: validation, epochs: 15, using: &rng)
        #expect(history.stopReason == .completed)
        #expect(history.epochs.count == 15)
        let first = try! #require(history.epochs.first)
        let last = try! #require(history.last)
        #expect(last.trainingLoss < first.trainingLoss)
        #expect(last.trainingAccuracy > 0.8)
        #expect(last.validationAccuracy ?? 0 > 0.7)
        #expect(last.weightL1.count == 2 && last.weightL2.count == 2 && last.nearZeroFraction.count == 2)
        #expect(history.epochs.allSatisfy { $0.gradientNormAfter <= 0.5 * (1 + 1e-6) })
        #expect(history.epochs.allSatisfy { $0.gradientNormAfter <= $0.gradientNormBefore + 1e-12 })
        #expect(history.epochs.contains { $0.clippedFraction > 0 })
        #expect(history.epochs.allSatisfy { $0.clippedFraction >= 0 && $0.clippedFraction <= 1 })
        #expect(history.epochs.allSatisfy { $0.layerGradientNorms.count == 2 && $0.layerGradientNorms.allSatisfy { $0 > 0 } })
        // The per-layer norms are parts of the global norm.
        #expect(history.epochs.allSatisfy { e in e.layerGradientNorms.allSatisfy { $0 <= e.gradientNormBefore + 1e-12 } })
    }

    @Test func stepReportsNormsOnTheFastPathToo() {
        var rng = SeededGenerator(seed: 21)
        let data = Self.blobs(20, seed: 22)
        var net = MLP<Double>(sizes: [4, 5, 3], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var probe = net
        let (_, gradients) = probe.lossAndGradients(data.inputs, data.targets)
        var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.1), batchSize: 20)
        let result = trainer.step(&net, inputs: data.inputs, targets: data.targets, using: &rng)
        #expect(!result.clipped && result.normBefore == result.normAfter)
        expectClose([result.normBefore], [Double(GradientClipping.totalNorm(gradients))], 1e-12)
        expectClose(result.layerNorms, [gradients[0].norm(.l2), gradients[2].norm(.l2)], 1e-12)
    }

    @Test func trainingIsDeterministic() {
        func run() -> TrainingHistory {
            var rng = SeededGenerator(seed: 9)
            var net = MLP<Float>(sizes: [4, 8, 3], hidden: .tanh, loss: .softmaxCrossEntropy, dropout: 0.2, using: &rng)
            let d = Self.blobs(60, seed: 3)
            let data = SupervisedData(inputs: Tensor<Float>(shape: d.inputs.shape, scalars: d.inputs.scalars.map(Float.init)),
                                      targets: Tensor<Float>(shape: d.targets.shape, scalars: d.targets.scalars.map(Float.init)))
            var trainer = Trainer(optimizer: Adam<Float>(learningRate: 0.01), batchSize: 8)
            return trainer.fit(&net, on: data, epochs: 3, using: &rng)
        }
        #expect(run() == run())
    }

    @Test func pruningMasksStayZeroThroughTraining() throws {
        var rng = SeededGenerator(seed: 4)
        let data = Self.blobs(90, seed: 5)
        let net = MLP<Double>(sizes: [4, 12, 3], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var mask0 = PruningMask<Double>(shape: net.layers[0].weight.shape)
        try mask0.pruneL1Unstructured(net.layers[0].weight, amount: .fraction(0.5))
        var mask1 = PruningMask<Double>(shape: net.layers[1].weight.shape)
        try mask1.pruneLnStructured(net.layers[1].weight, amount: .count(1), along: .columns)
        for optimizer in [AnyTraining.sgd, .adamW] {
            var copy = net
            var history: TrainingHistory
            switch optimizer {
            case .sgd:
                var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.2, momentum: 0.9, weightDecay: .coupled(1e-3)), batchSize: 10)
                trainer.pruningMasks = [0: mask0, 1: mask1]
                trainer.penalty = .l2(1e-3, convention: .halfSquared)
                history = trainer.fit(&copy, on: data, epochs: 5, using: &rng)
            case .adamW:
                var trainer = Trainer(optimizer: Adam<Double>.adamW(learningRate: 0.01), batchSize: 10)
                trainer.pruningMasks = [0: mask0, 1: mask1]
                history = trainer.fit(&copy, on: data, epochs: 5, using: &rng)
            }
            #expect(copy.layers[0].weight.zeroCount == mask0.prunedCount)
            #expect(zip(copy.layers[0].weight.scalars, mask0.mask.scalars).allSatisfy { $1 == 1 || $0 == 0 })
            #expect(copy.layers[1].weight.column(mask1.mask.columnNorms(.l1).argmin()).scalars.allSatisfy { $0 == 0 })
            #expect(history.epochs.allSatisfy { $0.exactZeroFraction[0] >= 0.5 })
            #expect(copy.layers[0].weight != net.layers[0].weight)
        }
    }

    enum AnyTraining { case sgd, adamW }

    @Test func nonFiniteLossIsReportedNotPropagated() {
        var rng = SeededGenerator(seed: 6)
        let data = Self.blobs(30, seed: 7)
        var net = MLP<Double>(sizes: [4, 4, 3], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var poisoned = data
        poisoned.inputs[flat: 17] = .nan
        var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.1), batchSize: 30)
        trainer.shuffle = false
        let before = net.layers
        let history = trainer.fit(&net, on: poisoned, epochs: 3, using: &rng)
        #expect(history.diverged)
        guard case .nonFiniteLoss(let epoch, let step, let loss) = history.stopReason else {
            Issue.record("expected a non-finite-loss stop, got \(history.stopReason)")
            return
        }
        #expect(epoch == 1 && step == 1 && loss.isNaN)
        #expect(history.epochs.isEmpty)
        #expect(net.layers == before, "no update may come from a non-finite loss")
        var again = Trainer(optimizer: SGD<Double>(learningRate: 0.1), batchSize: 30)
        #expect(throws: NumericalError.self) { try again.fitOrThrow(&net, on: poisoned, epochs: 1, using: &rng) }
    }

    @Test func divergingTrainingStopsWithAReason() {
        var rng = SeededGenerator(seed: 8)
        let x = Tensor<Double>.randomNormal([32, 3], standardDeviation: 10, using: &rng)
        let y = Tensor<Double>.randomNormal([32, 1], standardDeviation: 10, using: &rng)
        var net = MLP<Double>(sizes: [3, 16, 16, 1], hidden: .identity, loss: .meanSquaredError, using: &rng)
        var trainer = Trainer(optimizer: SGD<Double>(learningRate: 5), batchSize: 8)
        let history = trainer.fit(&net, on: SupervisedData(inputs: x, targets: y), epochs: 50, using: &rng)
        #expect(history.diverged)
        if case .nonFiniteLoss(_, _, let loss) = history.stopReason { #expect(!loss.isFinite) }
        #expect(net.layers.allSatisfy { $0.weight.isFinite })
    }

    @Test func proximalL1GivesExactZerosAndSubgradientL1DoesNot() {
        let data = Self.blobs(90, seed: 11)
        func train(proximal: Bool) -> EpochRecord? {
            var rng = SeededGenerator(seed: 12)
            var net = MLP<Double>.softmaxRegression(inputs: 4, classes: 3, using: &rng)
            var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.1), batchSize: 9)
            trainer.penalty = .l1(0.05)
            trainer.proximalPenalty = proximal
            return trainer.fit(&net, on: data, epochs: 20, using: &rng).last
        }
        let prox = train(proximal: true)
        let subgradient = train(proximal: false)
        #expect((prox?.exactZeroFraction[0] ?? 0) > 0)
        #expect((subgradient?.exactZeroFraction[0] ?? 1) == 0)
        #expect((prox?.penalty ?? 0) > 0)
    }

    @Test func constraintsAreProjectedAfterEachStep() {
        var rng = SeededGenerator(seed: 13)
        var net = MLP<Double>(sizes: [4, 10, 3], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var trainer = Trainer(optimizer: SGD<Double>(learningRate: 0.5), batchSize: 10)
        trainer.constraint = .maxNorm(0.5, of: .columns, semantics: .torchRenorm(.l2))
        _ = trainer.fit(&net, on: Self.blobs(60, seed: 14), epochs: 3, using: &rng)
        for layer in net.layers { #expect(layer.weight.columnNorms(.l2).max() <= 0.5 + 1e-9) }
    }

    @Test func dataHelpers() {
        let data = SupervisedData<Double>(inputs: Tensor(rows: [[1], [2], [3], [4], [5]]), labels: [0, 1, 0, 1, 1], classes: 2, oneColumn: true)
        #expect(data.targets.shape == [5, 1])
        let (a, b) = data.split(trainingFraction: 0.8)
        #expect(a.count == 4 && b.count == 1 && b.inputs.scalars == [5])
        var rng = SeededGenerator(seed: 1)
        #expect(data.shuffled(using: &rng).inputs.sum() == 15)
    }
}
