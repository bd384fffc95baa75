import Regularization
import Testing

@Suite("Networks: forward pass, losses and backpropagation")
struct NetworkTests {
    @Test func lossAndGradientsMatchTorch() throws {
        let fixture = try Fixture.load("network")
        let cases = fixture["cases"] as? [Any] ?? []
        #expect(cases.count == 3)
        for case let c as [String: Any] in cases {
            let params: [Tensor<Double>] = (c["params"] as? [Any] ?? []).map { Fixture.tensor($0) }
            let loss = try #require(Loss(rawValue: c["loss"] as? String ?? ""))
            let hidden = try #require(Activation(rawValue: c["hidden"] as? String ?? ""))
            var net = MLP(layers: [Dense(weight: params[0], bias: params[1], activation: hidden),
                                   Dense(weight: params[2], bias: params[3])], loss: loss)
            let x: Tensor<Double> = Fixture.tensor(c["x"])
            let y: Tensor<Double> = Fixture.tensor(c["y"])
            let (value, gradients) = net.lossAndGradients(x, y)
            expectClose([value], [Fixture.number(c["value"])], 1e-12, "\(loss) value")
            expectClose([net.lossValue(x, y)], [Fixture.number(c["value"])], 1e-12, "\(loss) lossValue")
            for (g, e) in zip(gradients, c["grads"] as? [Any] ?? []) { expectClose(g, Fixture.numbers(e), 1e-12, "\(loss) gradient") }
        }
    }

    static let configurations: [(Loss, Activation, [Int])] = [
        (.softmaxCrossEntropy, .relu, [4, 7, 3]), (.softmaxCrossEntropy, .tanh, [3, 5, 5, 4]),
        (.binaryCrossEntropy, .sigmoid, [4, 6, 1]), (.meanSquaredError, .tanh, [2, 5, 2]),
        (.meanSquaredError, .softmax, [3, 4, 2]), (.binaryCrossEntropy, .identity, [5, 2]),
    ]

    /// Central finite differences agree with backpropagation for every parameter.
    @Test(arguments: 0..<6)
    func gradientsPassFiniteDifferenceChecks(index: Int) {
        let (loss, hidden, sizes) = Self.configurations[index]
        var rng = SeededGenerator(seed: UInt64(100 + index))
        var net = MLP<Double>(sizes: sizes, hidden: hidden, loss: loss, using: &rng)
        for l in net.layers.indices { net.layers[l].bias = .randomNormal(net.layers[l].bias.shape, standardDeviation: 0.3, using: &rng) }
        let x = Tensor<Double>.randomNormal([6, sizes[0]], using: &rng)
        let outputs = sizes[sizes.count - 1]
        let y: Tensor<Double>
        switch loss {
        case .softmaxCrossEntropy:
            y = SupervisedData(inputs: x, labels: (0..<6).map { $0 % outputs }, classes: outputs).targets
        case .binaryCrossEntropy: y = Tensor(shape: [6, outputs], scalars: (0..<(6 * outputs)).map { Double($0 % 2) })
        case .meanSquaredError: y = .randomNormal([6, outputs], using: &rng)
        }
        let (_, gradients) = net.lossAndGradients(x, y)
        let h = 1e-6
        var parameters = net.parameters
        for p in parameters.indices {
            for i in 0..<parameters[p].count {
                let saved = parameters[p].scalars[i]
                var probe = net
                parameters[p] = parameters[p].map { $0 }
                var plus = parameters
                plus[p] = Tensor(shape: plus[p].shape, scalars: plus[p].scalars.enumerated().map { $0.offset == i ? saved + h : $0.element })
                probe.parameters = plus
                let up = probe.lossValue(x, y)
                var minus = parameters
                minus[p] = Tensor(shape: minus[p].shape, scalars: minus[p].scalars.enumerated().map { $0.offset == i ? saved - h : $0.element })
                probe.parameters = minus
                let down = probe.lossValue(x, y)
                let numeric = (up - down) / (2 * h)
                let analytic = gradients[p].scalars[i]
                #expect(Swift.abs(numeric - analytic) <= 1e-6 * Swift.max(1, Swift.abs(analytic)),
                        "\(loss)/\(hidden) parameter \(p)[\(i)]: numeric \(numeric) vs backprop \(analytic)")
            }
        }
        _ = parameters
    }

    @Test func dropoutGradientsMatchFiniteDifferencesWithTheSameMask() {
        // With a fixed generator state, the same masks are drawn on every call.
        var rng = SeededGenerator(seed: 7)
        var net = MLP<Double>(sizes: [3, 8, 2], hidden: .relu, loss: .meanSquaredError, dropout: 0.5, using: &rng)
        let x = Tensor<Double>.randomNormal([4, 3], using: &rng)
        let y = Tensor<Double>.randomNormal([4, 2], using: &rng)
        let state = rng
        var r1 = state
        let (_, gradients) = net.lossAndGradients(x, y, training: true, using: &r1)
        let h = 1e-6
        for i in 0..<net.layers[0].weight.count {
            var up = net
            up.layers[0].weight[flat: i] += h
            var down = net
            down.layers[0].weight[flat: i] -= h
            var r2 = state
            var r3 = state
            let numeric = (up.lossAndGradients(x, y, training: true, using: &r2).loss
                - down.lossAndGradients(x, y, training: true, using: &r3).loss) / (2 * h)
            #expect(Swift.abs(numeric - gradients[0].scalars[i]) < 1e-6)
        }
    }

    @Test func floatAndDoubleNetworksAgree() {
        var rng = SeededGenerator(seed: 3)
        var d = MLP<Double>(sizes: [5, 6, 3], hidden: .tanh, loss: .softmaxCrossEntropy, using: &rng)
        var f = MLP<Float>(layers: d.layers.map {
            Dense(weight: Tensor(shape: $0.weight.shape, scalars: $0.weight.scalars.map(Float.init)),
                  bias: Tensor(shape: $0.bias.shape, scalars: $0.bias.scalars.map(Float.init)), activation: $0.activation)
        }, loss: .softmaxCrossEntropy)
        let x = Tensor<Double>.randomNormal([10, 5], using: &rng)
        let y = SupervisedData(inputs: x, labels: (0..<10).map { $0 % 3 }, classes: 3).targets
        let xf = Tensor<Float>(shape: x.shape, scalars: x.scalars.map(Float.init))
        let yf = Tensor<Float>(shape: y.shape, scalars: y.scalars.map(Float.init))
        let (ld, gd) = d.lossAndGradients(x, y)
        let (lf, gf) = f.lossAndGradients(xf, yf)
        #expect(Swift.abs(Double(lf) - ld) < 1e-5)
        for (a, b) in zip(gd, gf) { expectClose(b, a.scalars, 1e-4) }
        #expect(d.predict(x).sum(axis: 1).scalars.allSatisfy { Swift.abs($0 - 1) < 1e-12 })
    }

    @Test func regressionBuilders() {
        var rng = SeededGenerator(seed: 1)
        let linear = MLP<Double>.linearRegression(inputs: 3, using: &rng)
        #expect(linear.layers.count == 1 && linear.loss == .meanSquaredError && linear.parameterCount == 4)
        let logistic = MLP<Double>.logisticRegression(inputs: 3, using: &rng)
        #expect(logistic.loss == .binaryCrossEntropy)
        let softmax = MLP<Float>.softmaxRegression(inputs: 4, classes: 3, using: &rng)
        #expect(softmax.layers[0].weight.shape == [4, 3])
        #expect(softmax.weightSlots == [0] && softmax.biasSlots == [1])
        let p = logistic.predict(Tensor<Double>.randomNormal([5, 3], using: &rng))
        #expect(p.scalars.allSatisfy { $0 > 0 && $0 < 1 })
    }
}

@Suite("DropConnect inside a network")
struct DropConnectNetworkTests {
    @Test func dropConnectGradientsMatchFiniteDifferencesWithTheSameMask() {
        var rng = SeededGenerator(seed: 17)
        var net = MLP<Double>(sizes: [3, 5, 2], hidden: .tanh, loss: .meanSquaredError, using: &rng)
        net.dropConnectRate = 0.3
        let x = Tensor<Double>.randomNormal([4, 3], using: &rng)
        let y = Tensor<Double>.randomNormal([4, 2], using: &rng)
        let state = rng
        var r1 = state
        let (_, gradients) = net.lossAndGradients(x, y, training: true, using: &r1)
        #expect(gradients[0].zeroCount > 0, "dropped weights get no gradient")
        let h = 1e-6
        for layer in 0..<2 {
            for i in 0..<net.layers[layer].weight.count {
                var up = net
                up.layers[layer].weight[flat: i] += h
                var down = net
                down.layers[layer].weight[flat: i] -= h
                var r2 = state
                var r3 = state
                let numeric = (up.lossAndGradients(x, y, training: true, using: &r2).loss
                    - down.lossAndGradients(x, y, training: true, using: &r3).loss) / (2 * h)
                #expect(Swift.abs(numeric - gradients[2 * layer].scalars[i]) < 1e-6)
            }
        }
        // Evaluation never drops.
        var r4 = state
        #expect(net.lossAndGradients(x, y, training: false, using: &r4).loss == net.lossValue(x, y))
    }
}
