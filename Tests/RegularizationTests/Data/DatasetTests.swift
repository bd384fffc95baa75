import Foundation
import Testing
@testable import Regularization

private let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("chapters/data")

@Suite("Shipped data sets and the CSV reader")
struct DatasetTests {
    @Test("iris.csv loads as 150 × 4 with 50 samples per class")
    func iris() throws {
        let iris = try Dataset.iris(from: dataFolder.appendingPathComponent("iris.csv"))
        #expect(iris.features.shape == [150, 4])
        #expect(iris.featureNames == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect((0..<3).map { c in iris.labels.filter { $0 == c }.count } == [50, 50, 50])
        #expect(iris.features.scalars.prefix(4) == [5.1, 3.5, 1.4, 0.2])
        #expect(iris.classNames[2] == "virginica")
    }

    @Test("digits.csv loads as 1797 × 64 integers in 0...16 with labels 0...9")
    func digits() throws {
        let digits = try Dataset.digits(from: dataFolder.appendingPathComponent("digits.csv"))
        #expect(digits.features.shape == [1797, 64])
        #expect(digits.featureNames.last == "pixel63")
        #expect(digits.features.scalars.allSatisfy { $0 >= 0 && $0 <= 16 && $0.rounded() == $0 })
        #expect(Set(digits.labels) == Set(0...9))
        #expect(digits.labels.prefix(10) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    }

    @Test("the CSV reader handles quotes, CRLF and blank lines")
    func csvParsing() throws {
        let table = try CSVTable(parsing: "a,b\r\n1,\"x, \"\"y\"\"\"\r\n\r\n2,z\n")
        #expect(table.header == ["a", "b"])
        #expect(table.rows == [["1", "x, \"y\""], ["2", "z"]])
        #expect(table.lineNumbers == [2, 4])
    }

    @Test("CSV errors name the line", arguments: [
        ("a,b\n1,2\n3\n", 3, "expected 2 fields"),
        ("a,b\n1,2\n\n3,oops\n", 4, "not a finite number"),
        ("a,b\n1,\"2\n", 2, "quoted field"),
    ])
    func csvErrors(text: String, line: Int, message: String) throws {
        do {
            _ = try CSVTable(parsing: text, source: "t.csv").numericRows()
            Issue.record("expected an error")
        } catch {
            guard case .malformedCSV(let path, let errorLine, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "t.csv")
            #expect(errorLine == line)
            #expect(error.description.contains("t.csv:\(line):"))
            #expect(error.description.contains(message))
        }
    }

    @Test("a wrong header or a missing file is a clear error")
    func loaderErrors() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-data-test-\(getpid()).csv")
        try "a,b,c,d,target\n1,2,3,4,0\n".write(to: temporary, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: temporary) }
        #expect(throws: DataLoadingError.self) { try Dataset.iris(from: temporary) }
        #expect(throws: DataLoadingError.self) { try Dataset.digits(from: dataFolder.appendingPathComponent("missing.csv")) }
    }
}
