import Foundation
import Regularization

/// The engine benchmarks (see bench/README.md).
///
/// - `mlp-digits-epoch`: one epoch of mini-batch SGD (lr 0.1, batch 64, reshuffled every epoch)
///   of a Float 64-128-10 ReLU MLP with softmax cross-entropy on the first 80% (1437 rows) of
///   `chapters/data/digits.csv`, pixels scaled to [0, 1]. Reported in epochs per second.
/// - `gemm-f32-512`: one 512×512 by 512×512 Float matrix product (`cblas_sgemm`).
let engineBenchmarks: [Benchmark] = [
    Benchmark(
        name: "mlp-digits-epoch", repetitions: 30,
        display: { String(format: "%.0f epochs/s", Double(EngineBench.epochsPerRun) / $0) },
        body: { EngineBench.mlpEpochs() }),
    Benchmark(
        name: "gemm-f32-512", repetitions: 30,
        display: { String(format: "%.1f GFLOP/s", 2 * 512 * 512 * 512 / $0 / 1e9) },
        body: { EngineBench.gemm() }),
]

/// Data and helpers shared by the engine benchmarks.
enum EngineBench {
    /// Epochs timed per repetition.
    static let epochsPerRun = 10

    /// The digits training split: 1437 rows of 64 pixels in [0, 1], one-hot targets.
    static let digits: SupervisedData<Float> = {
        // bench/run runs from the repository root; fall back to the path of this source file.
        let relative = "chapters/data/digits.csv"
        let fromSource = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(relative)
        let fromWorkingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative)
        let url = FileManager.default.fileExists(atPath: fromWorkingDirectory.path) ? fromWorkingDirectory : fromSource
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("mlp-digits-epoch needs \(url.path)")
        }
        var pixels: [Float] = []
        var labels: [Int] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").compactMap { Int($0) }
            guard fields.count == 65 else { continue }
            pixels.append(contentsOf: fields[0..<64].map { Float($0) / 16 })
            labels.append(fields[64])
        }
        let all = SupervisedData(
            inputs: Tensor(shape: [labels.count, 64], scalars: pixels), labels: labels, classes: 10)
        return all.split(trainingFraction: 0.8).training
    }()

    /// Trains a fresh network for `epochsPerRun` epochs; returns the final training accuracy.
    static func mlpEpochs() -> String {
        var rng = SeededGenerator(seed: 0)
        var net = MLP<Float>(sizes: [64, 128, 10], hidden: .relu, loss: .softmaxCrossEntropy, using: &rng)
        var trainer = Trainer(optimizer: SGD<Float>(learningRate: 0.1), batchSize: 64)
        for _ in 0..<epochsPerRun { trainer.trainEpoch(&net, on: digits, using: &rng) }
        return String(format: "train acc %.3f", net.accuracy(digits.inputs, digits.targets))
    }

    static let matrices: (Tensor<Float>, Tensor<Float>) = {
        var rng = SeededGenerator(seed: 1)
        return (Tensor.randomNormal([512, 512], using: &rng), Tensor.randomNormal([512, 512], using: &rng))
    }()

    /// One 512³ sgemm; returns the trace of the product as a checksum.
    static func gemm() -> String {
        let c = matrices.0.matmul(matrices.1)
        var trace: Float = 0
        for i in 0..<512 { trace += c[flat: i * 512 + i] }
        return String(format: "trace %.3f", trace)
    }
}
