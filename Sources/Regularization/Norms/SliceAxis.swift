/// Which slices of a matrix form the units of a per-row or per-column operation (group lasso
/// groups, max-norm constraints, structured pruning).
public enum SliceAxis: Sendable, Hashable, CustomStringConvertible {
    /// Each row is one unit (torch `dim=0`).
    case rows
    /// Each column is one unit (torch `dim=1`; Keras `axis=0` on a `[in, out]` kernel).
    case columns

    /// `"rows"` or `"columns"`.
    public var description: String { self == .rows ? "rows" : "columns" }

    /// The tensor axis that indexes the units.
    var axis: Int { self == .rows ? 0 : 1 }
}
