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
    public static func kFold(_ k: Int, sampleCount n: Int) throws(ArgumentError) -> CrossValidationFolds {
        try requireFoldCount(k, n)
        return CrossValidationFolds(validationIndices: split(Array(0..<n), into: k))
    }

    /// k folds of a seeded random permutation of the samples (`KFold(k, shuffle=True)` with a
    /// `SeededGenerator` instead of a NumPy state).
    public static func kFold(
        _ k: Int, sampleCount n: Int, generator: inout SeededGenerator
    ) throws(ArgumentError) -> CrossValidationFolds {
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
    func check(sampleCount n: Int) throws(ArgumentError) {
        guard count >= 2 else {
            throw .invalidValue(
                argument: "folds", value: "\(count) fold\(count == 1 ? "" : "s")",
                requirement: "cross-validation needs at least 2 folds, e.g. CrossValidationFolds.kFold(5, sampleCount: \(n))")
        }
        for (f, fold) in validationIndices.enumerated() {
            let argument = "folds.validationIndices[\(f)]"
            guard !fold.isEmpty else {
                throw .invalidValue(argument: argument, value: "[]", requirement: "every fold needs at least one validation sample")
            }
            if let outside = fold.first(where: { $0 < 0 || $0 >= n }) {
                throw .invalidValue(
                    argument: argument, value: "[…, \(outside), …]",
                    requirement: "sample indices must lie in 0..<\(n), the rows of x")
            }
            var seen = Set<Int>()
            if let repeated = fold.first(where: { !seen.insert($0).inserted }) {
                throw .invalidValue(argument: argument, value: "[…, \(repeated), …]", requirement: "a fold must not hold a sample index twice")
            }
            guard fold.count < n else {
                throw .invalidValue(
                    argument: argument, value: "\(fold.count) indices",
                    requirement: "a fold that holds every sample leaves none to train on; hold out fewer than \(n)")
            }
        }
    }

    private static func requireFoldCount(_ k: Int, _ n: Int) throws(ArgumentError) {
        guard k >= 2, k <= n else {
            throw .invalidValue(
                argument: "k", value: "\(k)",
                requirement: "k folds of \(n) samples need 2 <= k <= \(n) (5 or 10 are usual)")
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
