/// Which samples train and which test: index lists in increasing order.
public struct TrainTestSplit: Sendable, Equatable, Codable {
    /// The training sample indices.
    public var train: [Int]
    /// The test sample indices.
    public var test: [Int]

    /// A seeded random split with ⌈testFraction·n⌉ test samples (scikit-learn's rounding).
    public static func random(sampleCount n: Int, testFraction: Double, generator: inout SeededGenerator) throws(ArgumentError) -> TrainTestSplit {
        let testCount = try testSize(n, testFraction)
        let order = generator.permutation(n)
        return TrainTestSplit(train: order[testCount...].sorted(), test: order[..<testCount].sorted())
    }

    /// A seeded split that keeps the class proportions: each class gives ⌊testFraction·n_c⌋ test
    /// samples, and the remaining test places (to reach ⌈testFraction·n⌉) go to the classes with
    /// the largest remainders.
    public static func stratified(labels: [Int], testFraction: Double, generator: inout SeededGenerator) throws(ArgumentError) -> TrainTestSplit {
        let n = labels.count
        let testCount = try testSize(n, testFraction)
        let classes = Array(Set(labels)).sorted()
        let members = classes.map { c in labels.indices.filter { labels[$0] == c } }
        let exact = members.map { testFraction * Double($0.count) }
        var quota = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(quota[a])
            let rb = exact[b] - Double(quota[b])
            return ra != rb ? ra > rb : a < b
        }
        var missing = testCount - quota.reduce(0, +)
        for k in order where missing > 0 && quota[k] < members[k].count {
            quota[k] += 1
            missing -= 1
        }
        var train: [Int] = []
        var test: [Int] = []
        for (k, indices) in members.enumerated() {
            let shuffled = generator.permutation(indices.count).map { indices[$0] }
            test += shuffled[..<quota[k]]
            train += shuffled[quota[k]...]
        }
        return TrainTestSplit(train: train.sorted(), test: test.sorted())
    }

    private static func testSize(_ n: Int, _ fraction: Double) throws(ArgumentError) -> Int {
        try ArgumentError.check("testFraction", fraction, "testFraction must lie strictly between 0 and 1, e.g. 0.25") { $0 > 0 && $0 < 1 }
        let count = Int((fraction * Double(n)).rounded(.up))
        guard count >= 1, count < n else {
            throw .invalidValue(
                argument: "testFraction", value: "\(fraction)",
                requirement: "with \(n) samples it leaves \(count) test and \(n - count) training samples; both need at least one "
                    + "(split at least 2 samples)")
        }
        return count
    }
}
