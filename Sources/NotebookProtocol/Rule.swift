/// A number computed from a claim's named evidence: what a rule compares. Built in chapter code
/// with `Ev("name")`, number literals and `+ − × ÷`, `abs`, `min`, `max`; sent to the host as
/// data and evaluated there.
public indirect enum RuleExpression: Codable, Sendable, Equatable, Hashable {
    /// The value of the evidence with this name.
    case evidence(String)
    /// A number written in the rule (a threshold).
    case constant(Double)
    /// An arithmetic operation.
    case arithmetic(RuleExpression, ArithmeticOperator, RuleExpression)
    /// A function of one or more values.
    case function(RuleFunction, [RuleExpression])

    /// The names of the evidence the expression reads, in order of first use.
    public var evidenceNames: [String] {
        switch self {
        case .evidence(let name): return [name]
        case .constant: return []
        case .arithmetic(let l, _, let r): return Self.unique(l.evidenceNames + r.evidenceNames)
        case .function(_, let arguments): return Self.unique(arguments.flatMap(\.evidenceNames))
        }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}

/// `+`, `−`, `×`, `÷`.
public enum ArithmeticOperator: String, Codable, Sendable, Hashable {
    case plus = "+", minus = "−", times = "×", dividedBy = "/"
}

/// The functions a rule may apply.
public enum RuleFunction: String, Codable, Sendable, Hashable {
    case abs, min, max
}

/// How two numbers are compared.
public enum Relation: String, Codable, Sendable, Hashable {
    case less = "<", lessOrEqual = "≤", greater = ">", greaterOrEqual = "≥"

    /// Whether `lhs relation rhs`.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .less: return lhs < rhs
        case .lessOrEqual: return lhs <= rhs
        case .greater: return lhs > rhs
        case .greaterOrEqual: return lhs >= rhs
        }
    }
}

/// A condition over a claim's named evidence, built in chapter code from comparisons
/// (`Ev("after") > Ev("before")`), `&&`, `||` and `!`, or a Boolean evidence (`Ev.isTrue("…")`).
/// The host evaluates it, shows it with the numbers substituted, and computes how far the
/// numbers are from changing its outcome.
public indirect enum Rule: Codable, Sendable, Equatable, Hashable {
    /// `lhs relation rhs`.
    case comparison(RuleExpression, Relation, RuleExpression)
    /// A Boolean evidence is true (e.g. an API exists in the installed framework).
    case isTrue(String)
    /// Every rule holds.
    case all([Rule])
    /// At least one rule holds.
    case any([Rule])
    /// The rule does not hold.
    case not(Rule)

    /// The names of the evidence the rule reads, in order of first use.
    public var evidenceNames: [String] {
        switch self {
        case .comparison(let l, _, let r): return RuleExpression.unique(l.evidenceNames + r.evidenceNames)
        case .isTrue(let name): return [name]
        case .all(let rules), .any(let rules): return RuleExpression.unique(rules.flatMap(\.evidenceNames))
        case .not(let rule): return rule.evidenceNames
        }
    }
}
