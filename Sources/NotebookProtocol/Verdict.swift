/// The verdict on a claim: computed by the host from the rules of the claim's parts (a part
/// holds or is refuted; the claim is `partly` when its parts disagree), never given by chapter code.
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
}
