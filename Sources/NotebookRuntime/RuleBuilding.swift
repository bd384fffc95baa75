@_exported import enum NotebookProtocol.Rule
@_exported import enum NotebookProtocol.RuleExpression

/// A reference to a claim's evidence by name, for writing rules: `Ev("after") > Ev("before")`.
/// `Ev(0.25)` is a number written in the rule (a threshold); literals work as they are
/// (`Ev("ratio") >= 1.25`).
public typealias Ev = RuleExpression

extension RuleExpression: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The evidence named `name`.
    public init(_ name: String) { self = .evidence(name) }
    /// A threshold or constant.
    public init(_ value: Double) { self = .constant(value) }
    public init(floatLiteral value: Double) { self = .constant(value) }
    public init(integerLiteral value: Int) { self = .constant(Double(value)) }

    /// A rule that holds when the Boolean evidence `name` is true.
    public static func isTrue(_ name: String) -> Rule { .isTrue(name) }

    public static func + (l: Ev, r: Ev) -> Ev { .arithmetic(l, .plus, r) }
    public static func - (l: Ev, r: Ev) -> Ev { .arithmetic(l, .minus, r) }
    public static func * (l: Ev, r: Ev) -> Ev { .arithmetic(l, .times, r) }
    public static func / (l: Ev, r: Ev) -> Ev { .arithmetic(l, .dividedBy, r) }
    public static prefix func - (e: Ev) -> Ev { .arithmetic(.constant(0), .minus, e) }

    public static func < (l: Ev, r: Ev) -> Rule { .comparison(l, .less, r) }
    public static func <= (l: Ev, r: Ev) -> Rule { .comparison(l, .lessOrEqual, r) }
    public static func > (l: Ev, r: Ev) -> Rule { .comparison(l, .greater, r) }
    public static func >= (l: Ev, r: Ev) -> Rule { .comparison(l, .greaterOrEqual, r) }
}

/// |e|, for rules.
public func abs(_ e: RuleExpression) -> RuleExpression { .function(.abs, [e]) }
/// The smaller of two rule values.
public func min(_ a: RuleExpression, _ b: RuleExpression) -> RuleExpression { .function(.min, [a, b]) }
/// The larger of two rule values.
public func max(_ a: RuleExpression, _ b: RuleExpression) -> RuleExpression { .function(.max, [a, b]) }

extension Rule {
    /// Both rules hold.
    public static func && (l: Rule, r: Rule) -> Rule {
        if case .all(let left) = l { return .all(left + [r]) }
        return .all([l, r])
    }
    /// At least one rule holds.
    public static func || (l: Rule, r: Rule) -> Rule {
        if case .any(let left) = l { return .any(left + [r]) }
        return .any([l, r])
    }
    /// The rule does not hold.
    public static prefix func ! (r: Rule) -> Rule { .not(r) }
}
