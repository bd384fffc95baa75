/// A histogram of samples, binned by the Freedman–Diaconis rule or at given edges.
public struct HistogramMark: Codable, Sendable, Equatable {
    /// The legend entry.
    public var name: String
    /// The samples (non-finite values are dropped and reported in the alt text).
    @Numbers public var values: [Double]
    /// Bin edges, increasing; `nil` chooses them by the Freedman–Diaconis rule.
    public var edges: [Double]?
    /// Scale counts to a probability density (area 1).
    public var density: Bool

    /// Creates a histogram.
    public init(name: String, values: [Double], edges: [Double]? = nil, density: Bool = false) {
        self.name = name
        self.values = values
        self.edges = edges
        self.density = density
    }
}
