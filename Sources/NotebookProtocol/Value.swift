/// A typed value in a table cell or an inline value: numbers stay numbers in the results store,
/// so they can be compared with a tolerance and formatted when rendered.
public enum Value: Codable, Sendable, Equatable, Hashable {
    /// A floating-point number (may be non-finite).
    case number(Double)
    /// An integer.
    case integer(Int)
    /// A Boolean.
    case bool(Bool)
    /// Text.
    case text(String)

    /// The value as a number: integers and numbers as they are, Booleans as 0 or 1, text
    /// parsed if it is a number; nil otherwise.
    public var doubleValue: Double? {
        switch self {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .text(let s): return Double(s)
        }
    }

    /// The value as it is shown in a report: numbers with up to 6 significant digits.
    public var formatted: String {
        switch self {
        case .number(let x): return NumberFormatting.significant(x, digits: 6)
        case .integer(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .text(let s): return s
        }
    }
}

extension Value: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral
{
    /// A number from a literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// An integer from a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// Text from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// A Boolean from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
