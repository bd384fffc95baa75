/// Evaluates rules over evidence: the outcome, the rule written out with the numbers
/// substituted, and how far the numbers are from changing the outcome (the margin).
///
/// The host decides every claim with this; the runtime uses the same code only to hand the
/// chapter the verdict `decide` returns, so the two cannot disagree.
public struct RuleEvaluator: Sendable {
    /// The evidence by name.
    public var evidence: [String: Value]

    public init(evidence: [Evidence]) {
        var byName: [String: Value] = [:]
        for item in evidence where byName[item.name] == nil { byName[item.name] = item.value }
        self.evidence = byName
    }

    /// What a rule came to.
    public struct Outcome: Sendable, Equatable {
        /// Whether the rule holds.
        public var holds: Bool
        /// The rule with the numbers substituted, e.g. "after 12.3 > before 15.1".
        public var explanation: String
        /// The relative change of the compared numbers that would flip the outcome:
        /// |lhs − rhs| / max(|lhs|, |rhs|) for a comparison (nil when no number decides it, e.g. a
        /// Boolean evidence, or when both sides are 0).
        public var margin: Double?
    }

    /// Evaluates `rule`, or says what is wrong with it (a missing evidence, a value that is not
    /// a number, a rule that reads no evidence, a division by zero).
    public func evaluate(_ rule: Rule) throws(RuleError) -> Outcome {
        if rule.evidenceNames.isEmpty { throw RuleError.readsNoEvidence(rule: rule.description) }
        return try outcome(rule)
    }

    private func outcome(_ rule: Rule) throws(RuleError) -> Outcome {
        switch rule {
        case .comparison(let lhs, let relation, let rhs):
            let l = try value(lhs), r = try value(rhs)
            let holds = relation.holds(l, r)
            // Relative to the larger side; when both are 0 (a count of violations against 0)
            // there is no scale to measure a distance on, and no margin is given.
            let scale = Swift.max(Swift.abs(l), Swift.abs(r))
            let margin: Double? = scale == 0 ? nil : Swift.abs(l - r) / scale
            return Outcome(
                holds: holds,
                explanation: "\(written(lhs, l)) \(relation.rawValue) \(written(rhs, r))",
                margin: margin)
        case .isTrue(let name):
            guard let found = evidence[name] else { throw RuleError.missingEvidence(name: name, known: evidence.keys.sorted()) }
            guard case .bool(let flag) = found else { throw RuleError.notABoolean(name: name, value: found.formatted) }
            return Outcome(holds: flag, explanation: "\(name) is \(flag)", margin: nil)
        case .all(let rules), .any(let rules):
            var parts: [Outcome] = []
            for rule in rules { parts.append(try outcome(rule)) }
            let isAll: Bool
            if case .all = rule { isAll = true } else { isAll = false }
            let holds = isAll ? parts.allSatisfy(\.holds) : parts.contains(where: \.holds)
            // Flipping `all` when it holds takes one part; when it fails, every failing part.
            // `any` is the mirror image.
            let deciding = parts.filter { $0.holds == holds }
            let oneFlips = isAll == holds
            let margins = (oneFlips ? parts : deciding).compactMap(\.margin)
            let margin = oneFlips ? margins.min() : margins.max()
            let joined = parts.map { "(\($0.explanation) → \($0.holds))" }.joined(separator: isAll ? " and " : " or ")
            return Outcome(holds: holds, explanation: joined, margin: margin)
        case .not(let inner):
            let o = try outcome(inner)
            return Outcome(holds: !o.holds, explanation: "not (\(o.explanation) → \(o.holds))", margin: o.margin)
        }
    }

    /// The number an expression comes to.
    public func value(_ expression: RuleExpression) throws(RuleError) -> Double {
        switch expression {
        case .evidence(let name):
            guard let found = evidence[name] else { throw RuleError.missingEvidence(name: name, known: evidence.keys.sorted()) }
            switch found {
            case .number(let x): return x
            case .integer(let i): return Double(i)
            case .bool, .text: throw RuleError.notANumber(name: name, value: found.formatted)
            }
        case .constant(let x):
            return x
        case .arithmetic(let l, let op, let r):
            let a = try value(l), b = try value(r)
            switch op {
            case .plus: return a + b
            case .minus: return a - b
            case .times: return a * b
            case .dividedBy:
                if b == 0 { throw RuleError.divisionByZero(expression: expression.description) }
                return a / b
            }
        case .function(let function, let arguments):
            var values: [Double] = []
            for argument in arguments { values.append(try value(argument)) }
            switch function {
            case .abs: return Swift.abs(values.first ?? .nan)
            case .min: return values.min() ?? .nan
            case .max: return values.max() ?? .nan
            }
        }
    }

    /// An expression written with its number: "after 12.3", "0.25", "(a − b) / b = 0.042".
    private func written(_ expression: RuleExpression, _ number: Double) -> String {
        let formatted = NumberFormatting.significant(number, digits: 4)
        switch expression {
        case .evidence(let name): return "\(name) \(formatted)"
        case .constant: return formatted
        case _ where expression.evidenceNames.isEmpty: return expression.description
        default:
            let names = expression.evidenceNames.compactMap { name in
                evidence[name].map { "\(name) \($0.doubleValue.map { NumberFormatting.significant($0, digits: 4) } ?? $0.formatted)" }
            }
            return "\(expression.description) = \(formatted) [\(names.joined(separator: ", "))]"
        }
    }
}

/// What can be wrong with a rule: each is an error at the block that decided the claim.
public enum RuleError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingEvidence(name: String, known: [String])
    case notANumber(name: String, value: String)
    case notABoolean(name: String, value: String)
    case readsNoEvidence(rule: String)
    case divisionByZero(expression: String)
    case badQuorum(quorum: Int, seeds: Int)

    public var description: String {
        switch self {
        case .missingEvidence(let name, let known):
            let list = known.isEmpty ? "none is given" : "the evidence is: " + known.map { "'\($0)'" }.joined(separator: ", ")
            return "the rule reads evidence '\(name)', which is not given (\(list))"
        case .notANumber(let name, let value):
            return "the rule compares evidence '\(name)', which is not a number ('\(value)'); give it as a number, or use Ev.isTrue for a Boolean"
        case .notABoolean(let name, let value):
            return "Ev.isTrue(\"\(name)\") needs a Boolean evidence, but '\(name)' is '\(value)'"
        case .readsNoEvidence(let rule):
            return "the rule '\(rule)' reads no evidence, so nothing measured could change its outcome"
        case .divisionByZero(let expression):
            return "the rule divides by zero in '\(expression)'"
        case .badQuorum(let quorum, let seeds):
            return "a quorum of \(quorum) out of \(seeds) seeds cannot be decided; it must lie in 1…\(seeds)"
        }
    }
}

extension RuleExpression: CustomStringConvertible {
    /// The expression as a reader sees it: "abs(after − before) / before".
    public var description: String { written(parenthesized: false) }

    private func written(parenthesized: Bool) -> String {
        switch self {
        case .evidence(let name): return name
        case .constant(let x): return NumberFormatting.significant(x, digits: 6)
        case .arithmetic(let l, let op, let r):
            let text = "\(l.written(parenthesized: true)) \(op.rawValue) \(r.written(parenthesized: true))"
            return parenthesized ? "(\(text))" : text
        case .function(let f, let arguments):
            return "\(f.rawValue)(\(arguments.map { $0.written(parenthesized: false) }.joined(separator: ", ")))"
        }
    }
}

extension Rule: CustomStringConvertible {
    /// The rule as a reader sees it: "after > before and ratio ≥ 1.25".
    public var description: String {
        switch self {
        case .comparison(let l, let relation, let r): return "\(l) \(relation.rawValue) \(r)"
        case .isTrue(let name): return name
        case .all(let rules): return rules.map { "(\($0))" }.joined(separator: " and ")
        case .any(let rules): return rules.map { "(\($0))" }.joined(separator: " or ")
        case .not(let rule): return "not (\(rule))"
        }
    }
}
