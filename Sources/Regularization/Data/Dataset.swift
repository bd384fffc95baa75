import Foundation

/// A table of samples: a feature matrix and one target per sample (a class label stored as a
/// whole number, or a real value for regression).
///
/// ```swift
/// let iris = try Dataset.iris(from: URL(fileURLWithPath: "data/iris.csv"))
/// var generator = SeededGenerator(seed: 7)
/// let (train, test) = try iris.stratifiedSplit(testFraction: 0.3, generator: &generator)
/// let scaler = try Standardizer(fitting: train.x)
/// ```
public struct Dataset: Sendable, Equatable {
    /// The name of every feature column.
    public var featureNames: [String]
    /// The features, shape `[samples, features]`.
    public var features: Tensor<Double>
    /// The target of every sample (class index for classification).
    public var targets: [Double]
    /// The class names (index = label) for classification; empty for regression.
    public var classNames: [String]
    /// The true coefficients of a synthetic linear regression (`nil` otherwise).
    public var coefficients: [Double]?

    /// Creates a data set; `features` must be `[targets.count, featureNames.count]`.
    ///
    /// - Throws: `ArgumentError.shapeMismatch` when the shapes do not agree.
    public init(
        featureNames: [String], features: Tensor<Double>, targets: [Double], classNames: [String] = [],
        coefficients: [Double]? = nil
    ) throws(ArgumentError) {
        guard features.rank == 2, features.shape[0] == targets.count, features.shape[1] == featureNames.count else {
            throw .shapeMismatch(
                argument: "features", shape: features.shape,
                requirement: "there are \(targets.count) targets and \(featureNames.count) feature names, so it must be "
                    + "[\(targets.count), \(featureNames.count)]")
        }
        self.featureNames = featureNames
        self.features = features
        self.targets = targets
        self.classNames = classNames
        self.coefficients = coefficients
    }

    /// Creates a data set without checks (internal generators build consistent shapes).
    init(unchecked featureNames: [String], features: Tensor<Double>, targets: [Double], classNames: [String] = [], coefficients: [Double]? = nil) {
        self.featureNames = featureNames
        self.features = features
        self.targets = targets
        self.classNames = classNames
        self.coefficients = coefficients
    }

    /// The number of samples (rows).
    public var sampleCount: Int { targets.count }
    /// The number of features (columns).
    public var featureCount: Int { featureNames.count }
    /// The features (shorthand for `features`), shape `[samples, features]`.
    public var x: Tensor<Double> { features }
    /// The targets as a vector tensor, shape `[samples]`.
    public var y: Tensor<Double> { Tensor(targets) }
    /// The targets as integer class labels.
    public var labels: [Int] { targets.map { Int($0) } }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        let p = featureCount
        var scalars: [Double] = []
        scalars.reserveCapacity(indices.count * p)
        for i in indices { scalars.append(contentsOf: features.scalars[(i * p)..<((i + 1) * p)]) }
        return Dataset(
            unchecked: featureNames, features: Tensor(shape: [indices.count, p], scalars: scalars),
            targets: indices.map { targets[$0] }, classNames: classNames, coefficients: coefficients)
    }

    /// Fisher's Iris data (scikit-learn's `load_iris()`) from a CSV file: 150 samples, 4 features,
    /// 3 classes. The header is `sepal_length,sepal_width,petal_length,petal_width,target`, and
    /// `target` is the class index 0 (setosa), 1 (versicolor) or 2 (virginica).
    ///
    /// - Throws: `DataLoadingError` when the file cannot be read or is not in this format.
    public static func iris(from url: URL) throws(DataLoadingError) -> Dataset {
        let names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
        return try load(
            url: url, featureNames: names, classNames: ["setosa", "versicolor", "virginica"], expectedRows: 150)
    }

    /// The 8×8 handwritten digits (scikit-learn's `load_digits()`) from a CSV file: 1797 samples,
    /// 64 pixel intensities 0–16 (row-major image order), 10 classes. The header is
    /// `pixel0,…,pixel63,target`, and `target` is the digit 0–9.
    ///
    /// - Throws: `DataLoadingError` when the file cannot be read or is not in this format.
    public static func digits(from url: URL) throws(DataLoadingError) -> Dataset {
        let names = (0..<64).map { "pixel\($0)" }
        return try load(url: url, featureNames: names, classNames: (0..<10).map(String.init), expectedRows: 1797)
    }

    /// Reads a CSV whose header is `featureNames + ["target"]` and whose target is a class index.
    static func load(
        url: URL, featureNames: [String], classNames: [String], expectedRows: Int
    ) throws(DataLoadingError) -> Dataset {
        let table = try CSVTable.read(from: url)
        let expected = featureNames + ["target"]
        guard table.header == expected else {
            throw .unexpectedHeader(source: table.source, expected: expected, found: table.header)
        }
        let rows = try table.numericRows()
        guard rows.count == expectedRows else {
            throw .unexpectedRowCount(source: table.source, expected: expectedRows, found: rows.count)
        }
        var scalars: [Double] = []
        scalars.reserveCapacity(rows.count * featureNames.count)
        var targets: [Double] = []
        for (r, row) in rows.enumerated() {
            let target = row[featureNames.count]
            guard target.rounded() == target, target >= 0, target < Double(classNames.count) else {
                throw .malformedCSV(
                    source: table.source, line: table.lineNumbers[r],
                    problem: "target \(target) is not a class index; the target column holds whole numbers "
                        + "0 to \(classNames.count - 1)")
            }
            scalars.append(contentsOf: row[0..<featureNames.count])
            targets.append(target)
        }
        return Dataset(
            unchecked: featureNames, features: Tensor(shape: [rows.count, featureNames.count], scalars: scalars),
            targets: targets, classNames: classNames)
    }
}
