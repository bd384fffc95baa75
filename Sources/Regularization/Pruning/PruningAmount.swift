/// How many entries (or rows/columns) a pruning step removes.
public enum PruningAmount: Sendable, Hashable, CustomStringConvertible {
    /// Exactly this many.
    case count(Int)
    /// This fraction of the candidates, rounded half-to-even like Python's `round` (torch's rule).
    case fraction(Double)

    /// The number to prune out of `candidates`, validated as torch does.
    ///
    /// - Throws: `ArgumentError.invalidValue` for a negative count, a count above `candidates`,
    ///   or a fraction outside [0, 1].
    public func resolve(candidates: Int) throws(ArgumentError) -> Int {
        switch self {
        case .count(let k):
            guard k >= 0 else {
                throw .invalidValue(argument: "amount", value: ".count(\(k))", requirement: "a count must be ≥ 0")
            }
            guard k <= candidates else {
                throw .invalidValue(
                    argument: "amount", value: ".count(\(k))",
                    requirement: "only \(candidates) candidates remain unpruned; prune at most that many")
            }
            return k
        case .fraction(let f):
            guard f >= 0 && f <= 1 else {
                throw .invalidValue(argument: "amount", value: ".fraction(\(f))", requirement: "a fraction must be in [0, 1]")
            }
            return Int((f * Double(candidates)).rounded(.toNearestOrEven))
        }
    }

    /// `"k entries"` or `"f of the remaining"`.
    public var description: String {
        switch self {
        case .count(let k): return "\(k)"
        case .fraction(let f): return "\(f * 100)%"
        }
    }
}
