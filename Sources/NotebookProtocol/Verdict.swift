/// The verdict on a claim, computed by chapter code from measured evidence.
public enum Verdict: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// The experiment supports the claim.
    case holds
    /// The experiment contradicts the claim.
    case refuted
    /// The claim holds under some of the tested conditions and fails under others.
    case partly
    /// The claim cannot be decided by an experiment (a definition, another framework's API name,
    /// a forecast); the chapter says why.
    case notTestable = "not testable"

    /// The verdict's name as written in block options (`//| expect: not testable`).
    public var description: String { rawValue }

    /// `.holds` when `condition` is true, else `.refuted`.
    public static func holds(if condition: Bool) -> Verdict { condition ? .holds : .refuted }

    /// The verdict over several tested conditions: `.holds` if the claim held under all of
    /// them, `.refuted` under none, `.partly` under some.
    public static func judging(_ held: [Bool]) -> Verdict {
        let count = held.filter { $0 }.count
        if count == held.count && count > 0 { return .holds }
        if count == 0 { return .refuted }
        return .partly
    }

    /// The verdict over seeds: `.holds` (or `.refuted`) when at least `quorum` trials say so,
    /// otherwise `.partly`.
    public static func quorum(_ trials: [Verdict], _ quorum: Int) -> Verdict {
        if trials.filter({ $0 == .holds }).count >= quorum { return .holds }
        if trials.filter({ $0 == .refuted }).count >= quorum { return .refuted }
        return .partly
    }
}
