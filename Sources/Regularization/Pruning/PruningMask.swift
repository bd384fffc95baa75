/// A binary mask (1 = kept, 0 = pruned) that persists through training, with torch.nn.utils.prune
/// semantics: pruning again removes a count or fraction of the entries that **remain**
/// (`PruningContainer`), and `apply(to:)` re-zeroes pruned weights after every optimizer step.
///
/// The pruning steps (`prune…`) decide from the weights and from what earlier steps left, so they
/// validate their arguments and throw `ArgumentError`; creating a mask and applying it, which
/// training does at every step, trap on a mismatch instead (see `ArgumentError`).
///
/// ```swift
/// var mask = PruningMask(shape: w.shape)
/// try mask.pruneL1Unstructured(w, amount: .fraction(0.5))
/// w = mask.applied(to: w)
/// ```
public struct PruningMask<Scalar: TensorScalar>: Sendable, Equatable {
    /// The mask values, 1 for kept and 0 for pruned, in the weights' shape.
    public private(set) var mask: Tensor<Scalar>

    /// A mask that keeps everything.
    public init(shape: [Int]) { mask = .ones(shape) }

    /// A mask from explicit 0/1 values.
    public init(_ mask: Tensor<Scalar>) {
        precondition(mask.scalars.allSatisfy { $0 == 0 || $0 == 1 }, "a pruning mask holds only 0 and 1")
        self.mask = mask
    }

    /// The number of pruned entries.
    public var prunedCount: Int { mask.zeroCount }

    /// The fraction of pruned entries.
    public var sparsity: Double { mask.count == 0 ? 0 : Double(prunedCount) / Double(mask.count) }

    /// The weights with pruned entries set to zero.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func applied(to weights: Tensor<Scalar>) -> Tensor<Scalar> {
        precondition(weights.shape == mask.shape, "PruningMask of shape \(mask.shape) applied to weights of shape \(weights.shape)")
        return weights * mask
    }

    /// Zeroes the pruned entries of `weights` in place.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public func apply(to weights: inout Tensor<Scalar>) {
        precondition(weights.shape == mask.shape, "PruningMask of shape \(mask.shape) applied to weights of shape \(weights.shape)")
        weights.scalars.withUnsafeMutableBufferPointer { w in
            mask.scalars.withUnsafeBufferPointer { m in
                for i in 0..<w.count where m[i] == 0 { w[i] = 0 }
            }
        }
    }

    /// Prunes the `amount` remaining entries of smallest magnitude (`prune.l1_unstructured`).
    /// Exactly k entries are removed; ties are broken by the lower row-major index first.
    ///
    /// `importanceScores` replaces the magnitudes as the ranking (torch's `importance_scores`);
    /// e.g. `-weights.abs()` prunes the **largest** weights instead.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func pruneL1Unstructured(
        _ weights: Tensor<Scalar>, amount: PruningAmount, importanceScores: Tensor<Scalar>? = nil
    ) throws(ArgumentError) {
        try checkShape(weights)
        let scores = try importanceScores.map { (s: Tensor<Scalar>) throws(ArgumentError) -> [Scalar] in
            try checkShape(s, "importanceScores")
            return s.scalars
        } ?? weights.scalars.map { Swift.abs($0) }
        let remaining = (0..<mask.count).filter { mask.scalars[$0] != 0 }
        let k = try amount.resolve(candidates: remaining.count)
        let order = remaining.sorted { a, b in scores[a] < scores[b] || (scores[a] == scores[b] && a < b) }
        for i in order.prefix(k) { mask.scalars[i] = 0 }
    }

    /// Prunes `amount` of the remaining entries chosen uniformly at random (`prune.random_unstructured`).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func pruneRandomUnstructured(amount: PruningAmount, using generator: inout SeededGenerator) throws(ArgumentError) {
        let remaining = (0..<mask.count).filter { mask.scalars[$0] != 0 }
        let k = try amount.resolve(candidates: remaining.count)
        let order = generator.permutation(remaining.count)
        for j in order.prefix(k) { mask.scalars[remaining[j]] = 0 }
    }

    /// Prunes whole rows or columns with the smallest Lₙ norm among those that remain
    /// (`prune.ln_structured` with `dim=0` for rows, `dim=1` for columns).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func pruneLnStructured(
        _ weights: Tensor<Scalar>, amount: PruningAmount, norm: VectorNorm = .l2, along units: SliceAxis
    ) throws(ArgumentError) {
        try checkShape(weights)
        guard weights.rank == 2 else {
            throw .shapeMismatch(argument: "weights", shape: weights.shape, requirement: "structured pruning needs a matrix")
        }
        let unitMask = mask.norms(.l1, alongAxis: units.axis).scalars
        let remaining = (0..<unitMask.count).filter { unitMask[$0] != 0 }
        let k = try amount.resolve(candidates: remaining.count)
        let norms = weights.norms(norm, alongAxis: units.axis).scalars
        let order = remaining.sorted { a, b in norms[a] < norms[b] || (norms[a] == norms[b] && a < b) }
        let columns = weights.shape[1]
        for unit in order.prefix(k) {
            if units == .rows {
                for j in 0..<columns { mask.scalars[unit * columns + j] = 0 }
            } else {
                for i in 0..<weights.shape[0] { mask.scalars[i * columns + unit] = 0 }
            }
        }
    }

    /// Prunes the `amount` smallest-magnitude remaining entries across several tensors at once
    /// (`prune.global_unstructured` with `L1Unstructured`); a fraction is of all remaining entries.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public static func pruneGlobalUnstructured(
        _ masks: inout [PruningMask], weights: [Tensor<Scalar>], amount: PruningAmount
    ) throws(ArgumentError) {
        guard masks.count == weights.count else {
            throw .shapeMismatch(
                argument: "masks", shape: [masks.count],
                requirement: "there are \(weights.count) weight tensors and masks needs one mask per weight tensor")
        }
        var candidates: [(Scalar, Int, Int)] = []
        for (t, w) in weights.enumerated() {
            try masks[t].checkShape(w, "weights[\(t)]")
            for i in 0..<w.count where masks[t].mask.scalars[i] != 0 {
                candidates.append((Swift.abs(w.scalars[i]), t, i))
            }
        }
        let k = try amount.resolve(candidates: candidates.count)
        candidates.sort { a, b in a.0 < b.0 || (a.0 == b.0 && (a.1, a.2) < (b.1, b.2)) }
        for (_, t, i) in candidates.prefix(k) { masks[t].mask.scalars[i] = 0 }
    }

    private func checkShape(_ weights: Tensor<Scalar>, _ argument: String = "weights") throws(ArgumentError) {
        guard weights.shape == mask.shape else {
            throw .shapeMismatch(argument: argument, shape: weights.shape, requirement: "the mask has shape \(mask.shape) and they must match")
        }
    }
}
