import Foundation
import Regularization
import Testing

/// Loads the oracle fixtures written by `Fixtures/make_fixtures.py` (numpy + torch).
enum Fixture {
    /// The folder holding the fixtures, found relative to this source file.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fixture file's top-level object.
    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError.malformed(name)
        }
        return object
    }

    /// A number; the strings "nan", "inf" and "-inf" stand for non-finite values.
    static func number(_ value: Any?) -> Double {
        switch value {
        case let d as Double: return d
        case let i as Int: return Double(i)
        case let n as NSNumber: return n.doubleValue
        case let s as String:
            switch s {
            case "nan": return .nan
            case "inf": return .infinity
            case "-inf": return -.infinity
            default: return Double(s) ?? .nan
            }
        default: return .nan
        }
    }

    /// All numbers of a nested array, flattened in order.
    static func numbers(_ value: Any?) -> [Double] {
        if let array = value as? [Any] { return array.flatMap { numbers($0) } }
        if let dict = value as? [String: Any], let values = dict["values"] { return numbers(values) }
        return [number(value)]
    }

    /// A tensor from `{"shape": [...], "values": [...]}`.
    static func tensor<S: TensorScalar>(_ value: Any?, as type: S.Type = S.self) -> Tensor<S> {
        let dict = value as? [String: Any] ?? [:]
        let shape = (dict["shape"] as? [Any] ?? []).map { Int(number($0)) }
        return Tensor(shape: shape, scalars: numbers(dict["values"]).map { S($0) })
    }

    enum FixtureError: Error { case malformed(String) }
}

/// True when `a` and `b` agree to `tolerance`, relative to their magnitude (with an absolute
/// floor of `tolerance · 1e-3` for values near zero); NaNs agree with NaNs, infinities with
/// infinities of the same sign.
func agrees(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return Swift.abs(a - b) <= tolerance * Swift.max(Swift.abs(a), Swift.abs(b)) + tolerance * 1e-3
}

/// Expects element-wise agreement of two sequences.
func expectClose(
    _ actual: [Double], _ expected: [Double], _ tolerance: Double, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    guard actual.count == expected.count else { return }
    let bad = zip(actual, expected).enumerated().filter { !agrees($0.element.0, $0.element.1, tolerance) }
    #expect(bad.isEmpty, "\(label): \(bad.count) mismatches, first at \(bad.first.map { "\($0.offset): \($0.element.0) vs \($0.element.1)" } ?? "")", sourceLocation: sourceLocation)
}

/// Expects a tensor's elements to match.
func expectClose<S: TensorScalar>(
    _ actual: Tensor<S>, _ expected: [Double], _ tolerance: Double, _ label: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(actual.scalars.map { Double($0) }, expected, tolerance, label, sourceLocation: sourceLocation)
}
