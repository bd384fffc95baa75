import Foundation
import Testing
@testable import Regularization

/// Words that would tie a message to one application of the engine (its folders, tests or
/// scripts) instead of to the engine's API.
private let foreignWords = ["chapters", "chapter", "notebook", "normbook", "tests/", "make_datasets", ".py", "regenerate"]

/// Fails when `message` names anything outside the engine.
private func expectEngineOnly(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lowered = message.lowercased()
    for word in foreignWords {
        #expect(!lowered.contains(word), "the message names \"\(word)\": \(message)", sourceLocation: sourceLocation)
    }
}

/// A temporary file holding `text`, removed by the caller.
private func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regularization-\(getpid())-\(name).csv")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
}

/// An iris-shaped CSV with `rows` rows whose last target is `lastTarget`.
private func irisText(rows: Int, lastTarget: String = "2") -> String {
    var text = "sepal_length,sepal_width,petal_length,petal_width,target\n"
    for r in 0..<rows { text += "5.1,3.5,1.4,0.2,\(r == rows - 1 ? lastTarget : String(r % 3))\n" }
    return text
}

@Suite("The engine's errors: one type per concern, messages in terms of the engine's API")
struct EngineErrorTests {
    /// One value of every case of the three error types.
    static var everyCase: [any Error & CustomStringConvertible & LocalizedError] { [
        ArgumentError.invalidValue(argument: "alpha", value: "-1.0", requirement: "alpha must be positive"),
        ArgumentError.shapeMismatch(argument: "y", shape: [2], requirement: "x has 3 rows and y needs one value per row"),
        ArgumentError.nonFinite(argument: "x", index: 4),
        DataLoadingError.unreadableFile(path: "/data/iris.csv", reason: "No such file"),
        DataLoadingError.malformedCSV(source: "/data/iris.csv", line: 7, problem: "a quoted field is not closed"),
        DataLoadingError.unexpectedHeader(source: "/data/iris.csv", expected: ["a", "target"], found: ["b", "target"]),
        DataLoadingError.unexpectedRowCount(source: "/data/iris.csv", expected: 150, found: 3),
        NumericalError.singularSystem(alpha: 0),
        NumericalError.singularValueDecompositionFailed(rows: 3, columns: 2),
        NumericalError.nonFiniteLoss(epoch: 2, step: 5, loss: .nan),
        NumericalError.nonFiniteGradientNorm(total: .infinity),
    ] }

    @Test("no message names a folder, test or script outside the engine; localizedDescription is the message")
    func messagesNameOnlyTheEngine() {
        for error in Self.everyCase {
            expectEngineOnly(error.description)
            #expect(error.errorDescription == error.description)
            #expect(error.localizedDescription == error.description)
        }
    }

    @Test("a missing file: the message names the path passed and what to pass instead")
    func unreadableFile() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("regularization-\(getpid())-missing.csv")
        do {
            _ = try Dataset.iris(from: missing)
            Issue.record("expected an error")
        } catch {
            guard case .unreadableFile(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == missing.path)
            #expect(error.description.hasPrefix("cannot read \(missing.path): "))
            #expect(error.description.contains("pass the URL of an existing, readable UTF-8 CSV file"))
            expectEngineOnly(error.description)
        }
    }

    @Test("a wrong header: the message shows both headers and asks for the expected one")
    func unexpectedHeader() throws {
        let url = try temporaryFile("header", "a,b,c,d,target\n1,2,3,4,0\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DataLoadingError.unexpectedHeader(
            source: url.path, expected: ["sepal_length", "sepal_width", "petal_length", "petal_width", "target"],
            found: ["a", "b", "c", "d", "target"])) { try Dataset.iris(from: url) }
        do {
            _ = try Dataset.digits(from: url)
            Issue.record("expected an error")
        } catch {
            let message = error.description
            #expect(message.hasPrefix("\(url.path):1: the header is a,b,c,d,target (5 columns)"))
            #expect(message.contains("pixel0,pixel1,pixel2,…,target (65 columns)"))
            #expect(message.contains("pass a CSV whose first line names exactly these columns"))
            expectEngineOnly(message)
        }
    }

    @Test("too few rows: the message gives both counts and asks for the complete file")
    func unexpectedRowCount() throws {
        let url = try temporaryFile("rows", irisText(rows: 3))
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Dataset.iris(from: url)
            Issue.record("expected an error")
        } catch {
            #expect(error == .unexpectedRowCount(source: url.path, expected: 150, found: 3))
            #expect(error.description == "\(url.path): found 3 data rows, but the data set has 150; pass the complete file (after the header, one line per sample)")
            expectEngineOnly(error.description)
        }
    }

    @Test("malformed lines: path and line, what is wrong and how to fix it", arguments: [
        ("a,b\n1,2\n3\n", 3, "give every line one field per header column"),
        ("a,b\n1,2\n\n3,oops\n", 4, "every field below the header must be a number"),
        ("a,b\n1,\"2\n", 2, "add the closing \""),
        ("\n  \n", 1, "a CSV starts with a header line"),
    ])
    func malformed(text: String, line: Int, advice: String) throws {
        do {
            _ = try CSVTable(parsing: text, source: "/data/t.csv").numericRows()
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("/data/t.csv:\(line): "))
            #expect(error.description.contains(advice))
            expectEngineOnly(error.description)
        }
    }

    @Test("a target too large for a class index is a malformed line, not a crash (it trapped before)")
    func hugeTargetThrows() throws {
        let url = try temporaryFile("target", irisText(rows: 150, lastTarget: "1e300"))
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Dataset.iris(from: url)
            Issue.record("expected an error")
        } catch {
            guard case .malformedCSV(_, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(line == 151)
            #expect(error.description.contains("the target column holds whole numbers 0 to 2"))
        }
    }

    @Test("argument messages name the argument, its value and the requirement")
    func argumentMessages() throws {
        let x = Tensor<Double>(rows: [[1, 2], [3, 4], [5, 7]])
        let y = Tensor<Double>([1, 2, 3])
        var generator = SeededGenerator(seed: 1)
        let cases: [(String, () throws -> Void)] = [
            ("invalid alpha = -1.0: Ridge needs a finite alpha >= 0 (0 is ordinary least squares)",
             { _ = try Ridge(alpha: -1).fit(x, y) }),
            ("invalid alpha = 0.0: alpha must be positive; for no penalty use Ridge(alpha: 0) (ordinary least squares)",
             { _ = try Lasso(alpha: 0).fit(x, y) }),
            ("y has shape [2], but x has 3 rows and y needs one value per row", { _ = try Lasso().fit(x, Tensor([1, 2])) }),
            ("x has shape [3], but it must be a matrix [samples, features]; reshape a single feature with x.reshaped([n, 1])",
             { _ = try Lasso().fit(Tensor([1, 2, 3]), y) }),
            ("y holds NaN or an infinity at flat index 1 (row-major order): remove or impute the non-finite values before passing it",
             { _ = try Lasso().fit(x, Tensor([1, .nan, 3])) }),
            ("invalid alphas = []: pass at least one alpha", { _ = try Ridge().path(x, y, alphas: []) }),
            ("invalid k = 11: k folds of 10 samples need 2 <= k <= 10 (5 or 10 are usual)",
             { _ = try CrossValidationFolds.kFold(11, sampleCount: 10) }),
            ("invalid folds.validationIndices[1] = […, 99, …]: sample indices must lie in 0..<3, the rows of x",
             { _ = try Ridge().crossValidate(x, y, folds: CrossValidationFolds(validationIndices: [[0], [99]]), alphas: [1]) }),
            ("invalid nonZeros = 6: nonZeros must lie in 0...features (0...5)",
             { _ = try Dataset.sparseRegression(samples: 10, features: 5, nonZeros: 6, noise: 1, generator: &generator) }),
            ("invalid testFraction = 0.5: with 1 samples it leaves 1 test and 0 training samples; both need at least one (split at least 2 samples)",
             { _ = try TrainTestSplit.random(sampleCount: 1, testFraction: 0.5, generator: &generator) }),
            ("x has shape [1, 2], but the Standardizer was fitted on 3 features, so x must be [samples, 3]",
             { _ = try Standardizer(fitting: Tensor(rows: [[1, 2, 3]])).transform(Tensor(rows: [[1, 2]])) }),
            ("x has shape [1, 2], but the model has 3 coefficients, so x must be [samples, 3]",
             { _ = try LinearModel(coefficients: [1, 2, 3]).predict(Tensor(rows: [[1, 2]])) }),
            ("invalid amount = .count(5): only 4 candidates remain unpruned; prune at most that many",
             { _ = try PruningAmount.count(5).resolve(candidates: 4) }),
        ]
        for (expected, call) in cases {
            do {
                try call()
                Issue.record("expected: \(expected)")
            } catch let error as ArgumentError {
                #expect(error.description == expected)
                expectEngineOnly(error.description)
            }
        }
    }

    @Test("Ridge's numerical failures are NumericalError, with what to change")
    func numericalMessages() throws {
        let collinear = Tensor<Double>(rows: [[1, 2], [2, 4], [3, 6], [4, 8]])
        let y = Tensor<Double>([1, 2, 3, 5])
        do {
            _ = try Ridge(alpha: 0).fit(collinear, y)
            Issue.record("expected an error")
        } catch let error as NumericalError {
            #expect(error == .singularSystem(alpha: 0))
            #expect(error.description.contains("use alpha > 0, or remove the redundant columns"))
        }
    }

    @Test("a cross-validation curve of inconsistent fold errors throws (it trapped or misread them before)")
    func curveArgumentsThrow() throws {
        #expect(throws: ArgumentError.invalidValue(argument: "alphas", value: "[]", requirement: "pass at least one alpha")) {
            try CrossValidationCurve(alphas: [], foldErrors: [])
        }
        #expect(throws: ArgumentError.self) { try CrossValidationCurve(alphas: [2, 1], foldErrors: [[1, 2]]) }
        #expect(throws: ArgumentError.self) { try CrossValidationCurve(alphas: [2, 1], foldErrors: [[1, 2], [3]]) }
        #expect(throws: ArgumentError.self) { try CrossValidationCurve(alphas: [1], foldErrors: [[]]) }
    }

    @Test("the boundary of the rule: a pruning step throws on a shape mismatch, applying the mask traps")
    func pruningStepThrowsApplyingTraps() async throws {
        var mask = PruningMask<Double>(shape: [2, 2])
        #expect(throws: ArgumentError.shapeMismatch(
            argument: "weights", shape: [3], requirement: "the mask has shape [2, 2] and they must match")) {
            try mask.pruneL1Unstructured(Tensor([1, 2, 3]), amount: .count(1))
        }
        await #expect(processExitsWith: .failure) {
            _ = PruningMask<Double>(shape: [2, 2]).applied(to: Tensor([1, 2, 3]))
        }
    }

    @Test("the tensor and network layer traps on invalid settings, as before")
    func tensorLayerTraps() async {
        await #expect(processExitsWith: .failure) { _ = SGD<Double>(learningRate: -1) }
        await #expect(processExitsWith: .failure) { _ = GradientClipping.clipByValue(Tensor<Double>([1]), limit: -1) }
    }
}
