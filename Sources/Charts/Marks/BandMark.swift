/// A shaded band between a lower and an upper curve (e.g. mean ± standard deviation).
public struct BandMark: Codable, Sendable, Equatable {
    /// The legend entry (shared with the centre line when there is one).
    public var name: String
    /// Horizontal coordinates.
    @Numbers public var x: [Double]
    /// Lower edge.
    @Numbers public var lower: [Double]
    /// Upper edge.
    @Numbers public var upper: [Double]
    /// Palette index overriding the colour assigned by order of appearance.
    public var color: Int?

    /// Creates a band.
    public init(name: String, x: [Double], lower: [Double], upper: [Double], color: Int? = nil) {
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
    }
}
