/// What is wrong with a chart specification, naming the chart (by its title) and the problem.
public enum ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chart has nothing to draw (no marks, or marks without data).
    case emptyData(chart: String, mark: String)
    /// Two columns that must have the same length do not.
    case mismatchedLengths(chart: String, mark: String, detail: String)
    /// A logarithmic axis received zero or negative values.
    case nonPositiveOnLogAxis(chart: String, axis: String, mark: String, value: Double)
    /// Every value of a series is NaN or infinite.
    case noFiniteValues(chart: String, mark: String)
    /// An option has a value that cannot be used (e.g. a histogram with fewer than two edges).
    case invalidOption(chart: String, detail: String)
    /// Cairo or FreeType failed while drawing.
    case renderingFailed(chart: String, detail: String)

    /// A message a chapter author can act on.
    public var description: String {
        switch self {
        case let .emptyData(chart, mark):
            return "chart \"\(chart)\": \(mark) has no data; give it at least one point"
        case let .mismatchedLengths(chart, mark, detail):
            return "chart \"\(chart)\": \(mark) has mismatched lengths (\(detail)); give every column the same number of values"
        case let .nonPositiveOnLogAxis(chart, axis, mark, value):
            return "chart \"\(chart)\": \(mark) has the value \(value) on the logarithmic \(axis) axis; a log axis needs values > 0 (use .symlog for signed data)"
        case let .noFiniteValues(chart, mark):
            return "chart \"\(chart)\": every value of \(mark) is NaN or infinite; there is nothing to draw"
        case let .invalidOption(chart, detail):
            return "chart \"\(chart)\": \(detail)"
        case let .renderingFailed(chart, detail):
            return "chart \"\(chart)\": rendering failed: \(detail)"
        }
    }
}
