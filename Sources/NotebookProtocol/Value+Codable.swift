// Values are stored as plain JSON where that is unambiguous: numbers as {"number": x},
// integers as {"integer": n}, so a reader of the results store sees the type at a glance.
extension Value {
    private enum CodingKeys: String, CodingKey { case number, integer, bool, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let x = try c.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(x)
        } else if let i = try c.decodeIfPresent(Int.self, forKey: .integer) {
            self = .integer(i)
        } else if let b = try c.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(b)
        } else {
            self = .text(try c.decode(String.self, forKey: .text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .number(let x): try c.encode(x, forKey: .number)
        case .integer(let i): try c.encode(i, forKey: .integer)
        case .bool(let b): try c.encode(b, forKey: .bool)
        case .text(let s): try c.encode(s, forKey: .text)
        }
    }
}
