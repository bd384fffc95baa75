/// The validation sets of a cross-validation; each fold trains on every other sample.
public struct CrossValidationFolds: Sendable, Equatable, Codable {
    /// The sample indices held out in each fold.
    public let validationIndices: [[Int]]

    /// Folds from explicit validation index sets (for example to reproduce scikit-learn's folds).
    public init(validationIndices: [[Int]]) {
        self.validationIndices = validationIndices
    }

    /// k folds of contiguous samples, in order (scikit-learn's `KFold(k)` without shuffling): the
    /// first `n % k` folds hold one sample more.
    public static func kFold(_ k: Int, sampleCount n: Int) throws -> CrossValidationFolds {
        try requireFoldCount(k, n)
        return CrossValidationFolds(validationIndices: split(Array(0..<n), into: k))
    }

    /// k folds of a seeded random permutation of the samples (`KFold(k, shuffle=True)` with a
    /// `SeededGenerator` instead of a NumPy state).
    public static func kFold(_ k: Int, sampleCount n: Int, generator: inout SeededGenerator) throws -> CrossValidationFolds {
        try requireFoldCount(k, n)
        return CrossValidationFolds(validationIndices: split(generator.permutation(n), into: k))
    }

    /// The number of folds.
    public var count: Int { validationIndices.count }

    /// The training indices of fold `fold` (the complement of its validation set), increasing.
    public func trainingIndices(fold: Int, sampleCount n: Int) -> [Int] {
        var held = [Bool](repeating: false, count: n)
        for i in validationIndices[fold] { held[i] = true }
        return (0..<n).filter { !held[$0] }
    }

    /// Throws unless every fold is usable for `n` samples.
    func check(sampleCount n: Int) throws {
        guard count >= 2 else { throw SolverError.invalidFolds("need at least 2 folds, got \(count)") }
        for (f, fold) in validationIndices.enumerated() {
            guard !fold.isEmpty else { throw SolverError.invalidFolds("fold \(f) has no validation samples") }
            guard fold.allSatisfy({ $0 >= 0 && $0 < n }) else {
                throw SolverError.invalidFolds("fold \(f) has an index outside 0..<\(n)")
            }
            guard Set(fold).count == fold.count else { throw SolverError.invalidFolds("fold \(f) repeats an index") }
            guard fold.count < n else { throw SolverError.invalidFolds("fold \(f) leaves no training samples") }
        }
    }

    private static func requireFoldCount(_ k: Int, _ n: Int) throws {
        guard k >= 2, k <= n else {
            throw SolverError.invalidFolds("k = \(k) folds for \(n) samples: choose 2 <= k <= number of samples (5 or 10 are usual)")
        }
    }

    private static func split(_ order: [Int], into k: Int) -> [[Int]] {
        let n = order.count
        var folds: [[Int]] = []
        var start = 0
        for f in 0..<k {
            let size = n / k + (f < n % k ? 1 : 0)
            folds.append(Array(order[start..<(start + size)]))
            start += size
        }
        return folds
    }
}
