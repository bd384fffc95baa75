import Foundation
import Regularization
import Testing

/// The scikit-learn oracle values written by Fixtures/make_fixtures.py.
struct SolverFixtures: Decodable, Sendable {
    struct Problem: Decodable, Sendable {
        let x: [[Double]]
        let y: [Double]
    }
    struct ElasticNetCase: Decodable, Sendable, CustomTestStringConvertible {
        let problem: String
        let alpha: Double
        let l1_ratio: Double
        let fit_intercept: Bool
        let coef: [Double]
        let intercept: Double
        var testDescription: String { "\(problem) α=\(alpha) l1=\(l1_ratio) intercept=\(fit_intercept)" }
    }
    struct Known: Decodable, Sendable {
        let coef: [Double]
        let intercept: Double
    }
    struct Grid: Decodable, Sendable, CustomTestStringConvertible {
        let problem: String
        let l1_ratio: Double
        let fit_intercept: Bool
        let count: Int
        let eps: Double
        let alphas: [Double]
        var testDescription: String { "\(problem) l1=\(l1_ratio) intercept=\(fit_intercept) count=\(count)" }
    }
    struct Path: Decodable, Sendable, CustomTestStringConvertible {
        let problem: String
        let l1_ratio: Double
        let fit_intercept: Bool
        let alphas: [Double]
        let coefs: [[Double]]
        var testDescription: String { "\(problem) l1=\(l1_ratio) intercept=\(fit_intercept)" }
    }
    struct RidgeCase: Decodable, Sendable, CustomTestStringConvertible {
        let problem: String
        let alpha: Double
        let fit_intercept: Bool
        let coef: [Double]
        let intercept: Double
        var testDescription: String { "\(problem) α=\(alpha) intercept=\(fit_intercept)" }
    }
    struct CrossValidationCase: Decodable, Sendable, CustomTestStringConvertible {
        let problem: String
        let ridge: Bool?
        let l1_ratio: Double?
        let folds: [[Int]]
        let count: Int?
        let eps: Double?
        let alphas: [Double]
        let mse_path: [[Double]]
        let alpha: Double?
        let coef: [Double]?
        let intercept: Double?
        var testDescription: String { "\(problem) \(ridge == true ? "ridge" : "l1=\(l1_ratio ?? 1)")" }
    }

    let tolerance: Double
    let problems: [String: Problem]
    let elastic_net: [ElasticNetCase]
    let known_small: Known
    let alpha_grids: [Grid]
    let paths: [Path]
    let ridge: [RidgeCase]
    let cross_validation: [CrossValidationCase]

    /// Loaded once from the JSON next to this file.
    static let shared: SolverFixtures = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/solvers.json")
        do {
            return try JSONDecoder().decode(SolverFixtures.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot load \(url.path): \(error); run Fixtures/make_fixtures.py")
        }
    }()

    /// The design matrix and target of a named problem ("iris" comes from the shipped CSV).
    static func problem(_ name: String) throws -> (x: Tensor<Double>, y: Tensor<Double>) {
        if name == "iris" {
            let iris = try Dataset.iris(from: TestPaths.repositoryRoot.appendingPathComponent("chapters/data/iris.csv"))
            let p = iris.featureCount
            var x: [Double] = []
            for i in 0..<iris.sampleCount { x += iris.features.scalars[(i * p)..<(i * p + 3)] }
            return (Tensor(shape: [iris.sampleCount, 3], scalars: x), Tensor((0..<iris.sampleCount).map { iris.features.scalars[$0 * p + 3] }))
        }
        guard let problem = shared.problems[name] else { fatalError("no problem \(name) in the fixture") }
        return (Tensor(rows: problem.x), Tensor(problem.y))
    }
}

/// Paths shared by the solver and data tests.
enum TestPaths {
    /// The repository root (three levels above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}

/// |a − b| <= tolerance·max(1, |b|) element-wise, with equal lengths.
func close(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
}

/// The largest scaled difference, for failure messages.
func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
}

/// The indices of the non-zero entries.
func nonZeros(_ values: [Double]) -> [Int] { values.indices.filter { values[$0] != 0 } }
