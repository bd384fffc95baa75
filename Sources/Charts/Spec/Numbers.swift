/// A column of numbers that encodes non-finite values safely and compares NaN equal to NaN.
///
/// JSON has no NaN or infinity; encoding them as `"nan"`, `"inf"` and `"-inf"` lets a chart spec
/// round-trip through any `JSONEncoder`, whatever its non-conforming float strategy.
@propertyWrapper
public struct Numbers: Codable, Sendable, Equatable, Hashable {
    /// The numbers.
    public var wrappedValue: [Double]

    /// Wraps an array of numbers.
    public init(wrappedValue: [Double]) { self.wrappedValue = wrappedValue }

    /// Encodes finite numbers as numbers and non-finite ones as strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for value in wrappedValue {
            if value.isFinite {
                try container.encode(value)
            } else {
                try container.encode(Numbers.name(of: value))
            }
        }
    }

    /// Decodes numbers, the strings `"nan"`, `"inf"`, `"-inf"`, and `null` (as NaN).
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var values: [Double] = []
        if let count = container.count { values.reserveCapacity(count) }
        while !container.isAtEnd {
            if try container.decodeNil() {
                values.append(.nan)
            } else if let number = try? container.decode(Double.self) {
                values.append(number)
            } else {
                let text = try container.decode(String.self)
                guard let number = Numbers.value(named: text) else {
                    throw DecodingError.dataCorruptedError(
                        in: container, debugDescription: "expected a number, \"nan\", \"inf\" or \"-inf\", found \"\(text)\"")
                }
                values.append(number)
            }
        }
        wrappedValue = values
    }

    /// Equal when both hold the same numbers, NaN matching NaN.
    public static func == (lhs: Numbers, rhs: Numbers) -> Bool {
        lhs.wrappedValue.count == rhs.wrappedValue.count
            && zip(lhs.wrappedValue, rhs.wrappedValue).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
    }

    /// Hashes the numbers (all NaNs hash alike).
    public func hash(into hasher: inout Hasher) {
        for value in wrappedValue { hasher.combine(value.isNaN ? Double.nan.bitPattern : value.bitPattern) }
    }

    static func name(of value: Double) -> String {
        value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }

    static func value(named text: String) -> Double? {
        switch text.lowercased() {
        case "nan": return .nan
        case "inf", "+inf", "infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return Double(text)
        }
    }
}
