import Foundation
import Regularization

/// The solver benchmarks (see bench/README.md): Lasso by coordinate descent against
/// scikit-learn's `Lasso` and `lasso_path` on one sparse regression problem (n = 1000, p = 500,
/// 20 true non-zeros, noise 1, seed 20261121).
///
/// The problem is generated here and written to `$TMPDIR/normbook-bench/lasso-n1000-p500.f64`
/// (little-endian doubles: X row-major, then y) so that `bench/peers/solvers.py`, which
/// `bench/run` starts afterwards, times scikit-learn on exactly the same numbers.
let solverBenchmarks: [Benchmark] = {
    guard let problem = SolverBenchmarkProblem.make() else { return [] }
    let x = problem.x
    let y = problem.y
    return [
        Benchmark(name: "lasso-n1000-p500", repetitions: 50, display: formatDuration) {
            do {
                let fit = try Lasso(alpha: 0.1).fit(x, y)
                return SolverBenchmarkProblem.summary(support: fit.support.count, objective: try fit.objective(x, y))
            } catch {
                return "error: \(error)"
            }
        },
        Benchmark(name: "lasso-path-100", repetitions: 20, display: formatDuration) {
            do {
                // lasso_path fits no intercept: 100 α from α_max down to α_max/1000. Both sides use
                // tol = 1e-6: at the default 1e-4 neither path is within 1e-6 of the optimum at the
                // smallest α (scikit-learn's support there is off by one), so results would not compare.
                let path = try Lasso(fitIntercept: false, tolerance: 1e-6).path(x, y)
                let last = path.alphas.count - 1
                return SolverBenchmarkProblem.summary(
                    support: path.supportSizes[last], objective: try path.objective(at: last, x, y))
            } catch {
                return "error: \(error)"
            }
        },
    ]
}()

/// The shared benchmark problem and its file for the peer.
enum SolverBenchmarkProblem {
    static let samples = 1000
    static let features = 500

    /// Generates the problem and writes it for the peer; `nil` (with a message) if that fails.
    static func make() -> (x: Tensor<Double>, y: Tensor<Double>)? {
        var generator = SeededGenerator(seed: 20_261_121)
        guard
            let data = try? Dataset.sparseRegression(
                samples: samples, features: features, nonZeros: 20, noise: 1, generator: &generator)
        else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-bench")
        let values = data.features.scalars + data.targets
        let bytes = values.withUnsafeBufferPointer { Data(buffer: $0) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try bytes.write(to: folder.appendingPathComponent("lasso-n1000-p500.f64"), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("solver benchmarks: cannot write the peer's data: \(error)\n".utf8))
        }
        return (data.x, data.y)
    }

    /// The result column: support size and objective, for comparison with the peer.
    static func summary(support: Int, objective: Double) -> String {
        String(format: "support=%d objective=%.9e", support, objective)
    }
}
