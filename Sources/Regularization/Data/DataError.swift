import Foundation

/// What went wrong while reading, generating, splitting or scaling data; every message says
/// where (file and line where there is one) and what to do.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A CSV line is malformed (wrong number of fields, bad quoting, non-numeric value, …).
    case malformedCSV(path: String, line: Int, message: String)
    /// The header line is not the one the loader expects.
    case unexpectedHeader(path: String, expected: [String], found: [String])
    /// A parameter is outside its valid range.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// Inputs have incompatible shapes.
    case shapeMismatch(String)

    /// A sentence describing the problem and how to fix it.
    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason); check the path (data sets live in chapters/data/)"
        case .malformedCSV(let path, let line, let message):
            return "\(path):\(line): \(message)"
        case .unexpectedHeader(let path, let expected, let found):
            let shownExpected = expected.count > 6 ? expected.prefix(3).joined(separator: ",") + ",…," + (expected.last ?? "") : expected.joined(separator: ",")
            let shownFound = found.count > 6 ? found.prefix(3).joined(separator: ",") + ",…," + (found.last ?? "") : found.joined(separator: ",")
            return "\(path):1: expected the header \(shownExpected) (\(expected.count) columns) but found \(shownFound) (\(found.count) columns); regenerate the file with Tests/RegularizationTests/Data/make_datasets.py"
        case .invalidParameter(let name, let value, let requirement):
            return "invalid \(name) = \(value): \(requirement)"
        case .shapeMismatch(let message):
            return "shape mismatch: \(message)"
        }
    }

    /// The same text as `description`, for `localizedDescription`.
    public var errorDescription: String? { description }
}

/// Throws unless `value` is finite and satisfies `condition`.
func requireDataParameter(_ name: String, _ value: Double, _ requirement: String, _ condition: (Double) -> Bool) throws {
    guard value.isFinite, condition(value) else {
        throw DataError.invalidParameter(name: name, value: value, requirement: requirement)
    }
}
