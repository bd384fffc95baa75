extension Dataset {
    /// A seeded random train/test split of the samples.
    public func split(testFraction: Double, generator: inout SeededGenerator) throws(ArgumentError) -> (train: Dataset, test: Dataset) {
        let split = try TrainTestSplit.random(sampleCount: sampleCount, testFraction: testFraction, generator: &generator)
        return (subset(split.train), subset(split.test))
    }

    /// A seeded train/test split that keeps the class proportions of `labels`.
    public func stratifiedSplit(testFraction: Double, generator: inout SeededGenerator) throws(ArgumentError) -> (train: Dataset, test: Dataset) {
        let split = try TrainTestSplit.stratified(labels: labels, testFraction: testFraction, generator: &generator)
        return (subset(split.train), subset(split.test))
    }
}
