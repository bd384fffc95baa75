import Regularization
import Testing

@Suite("Optimizers follow PyTorch's update formulas")
struct OptimizerTests {
    static func number(_ options: [String: Any], _ key: String, _ fallback: Double) -> Double {
        options[key].map { Fixture.number($0) } ?? fallback
    }

    static func make<S: TensorScalar>(_ name: String, _ o: [String: Any], as type: S.Type) -> any Optimizer<S> {
        let lr = number(o, "lr", 0.01)
        let wd = number(o, "weight_decay", 0)
        switch name {
        case "sgd":
            return SGD<S>(learningRate: lr, momentum: number(o, "momentum", 0), dampening: number(o, "dampening", 0),
                          nesterov: o["nesterov"] as? Bool ?? false, weightDecay: wd == 0 ? .none : .coupled(wd))
        case "adam", "adamw":
            let betas = (o["betas"] as? [Any])?.map { Fixture.number($0) } ?? [0.9, 0.999]
            let decay: WeightDecay = name == "adamw" ? .decoupled(o["weight_decay"] == nil ? 0.01 : wd) : (wd == 0 ? .none : .coupled(wd))
            return Adam<S>(learningRate: lr, beta1: betas[0], beta2: betas[1], epsilon: number(o, "eps", 1e-8),
                           amsgrad: o["amsgrad"] as? Bool ?? false, weightDecay: decay)
        default:
            return RMSprop<S>(learningRate: lr, alpha: number(o, "alpha", 0.99), epsilon: number(o, "eps", 1e-8),
                              momentum: number(o, "momentum", 0), centered: o["centered"] as? Bool ?? false,
                              weightDecay: wd == 0 ? .none : .coupled(wd))
        }
    }

    static func run<S: TensorScalar>(_ c: [String: Any], as type: S.Type, tolerance: Double) {
        let name = c["optimizer"] as? String ?? ""
        var optimizer = make(name, c["options"] as? [String: Any] ?? [:], as: S.self)
        var params: [Tensor<S>] = (c["params"] as? [Any] ?? []).map { Fixture.tensor($0) }
        let steps = c["grads"] as? [Any] ?? []
        let trajectory = c["trajectory"] as? [Any] ?? []
        #expect(steps.count == 4 && trajectory.count == 4)
        for (t, step) in steps.enumerated() {
            let grads: [Tensor<S>] = (step as? [Any] ?? []).map { Fixture.tensor($0) }
            optimizer.step(&params, gradients: grads)
            let expected = (trajectory[t] as? [Any] ?? []).flatMap { Fixture.numbers($0) }
            expectClose(params.flatMap { $0.scalars.map(Double.init) }, expected, tolerance, "\(name) \(c["options"] ?? "") step \(t + 1)")
        }
    }

    @Test func trajectoriesMatchTorchInDouble() throws {
        let fixture = try Fixture.load("optimizers")
        let cases = (fixture["cases"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.filter { !($0["float32"] as? Bool ?? true) }
        #expect(cases.count == 13)
        for c in cases { Self.run(c, as: Double.self, tolerance: 1e-12) }
    }

    @Test func trajectoriesMatchTorchInFloat() throws {
        let fixture = try Fixture.load("optimizers")
        let cases = (fixture["cases"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.filter { $0["float32"] as? Bool ?? false }
        #expect(cases.count == 13)
        for c in cases { Self.run(c, as: Float.self, tolerance: 1e-5) }
    }

    @Test func parameterGroupsExcludeBiasesFromDecay() throws {
        let fixture = try Fixture.load("optimizers")
        let g = try #require(fixture["groups"] as? [String: Any])
        var optimizer = Adam<Double>.adamW(learningRate: Fixture.number(g["lr"]), weightDecay: Fixture.number(g["weight_decay"]))
            .withoutWeightDecay(on: [1])
        var params: [Tensor<Double>] = (g["params"] as? [Any] ?? []).map { Fixture.tensor($0) }
        let trajectory = g["trajectory"] as? [Any] ?? []
        for (t, step) in (g["grads"] as? [Any] ?? []).enumerated() {
            optimizer.step(&params, gradients: (step as? [Any] ?? []).map { Fixture.tensor($0) })
            expectClose(params.flatMap(\.scalars), (trajectory[t] as? [Any] ?? []).flatMap { Fixture.numbers($0) }, 1e-12, "groups")
        }
    }

    @Test func coupledDecayUnderSGDEqualsAnL2PenaltyInTheLoss() {
        var rng = SeededGenerator(seed: 2)
        let w0 = Tensor<Double>.randomNormal([5], using: &rng)
        let g = Tensor<Double>.randomNormal([5], using: &rng)
        var a = [w0]
        var sgd = SGD<Double>(learningRate: 0.1, weightDecay: .coupled(0.3))
        sgd.step(&a, gradients: [g])
        var b = [w0]
        var plain = SGD<Double>(learningRate: 0.1)
        plain.step(&b, gradients: [g + Penalty.l2(0.3, convention: .halfSquared).gradient(w0)])
        expectClose(a[0], b[0].scalars, 1e-15)
    }

    @Test func adamIsNearlyInvariantToGradientScale() {
        var rng = SeededGenerator(seed: 6)
        let w0 = Tensor<Double>.randomNormal([8], using: &rng)
        let g = Tensor<Double>.randomNormal([8], using: &rng)
        var a = [w0]
        var b = [w0]
        var adamA = Adam<Double>(learningRate: 0.01)
        var adamB = Adam<Double>(learningRate: 0.01)
        adamA.step(&a, gradients: [g])
        adamB.step(&b, gradients: [g * 1000])
        expectClose(a[0], b[0].scalars, 1e-6)
    }
}
