/// Contour lines of a function sampled on a grid.
public struct ContourMark: Codable, Sendable, Equatable {
    /// The colour-bar title.
    public var name: String
    /// Grid coordinates along x (increasing).
    @Numbers public var x: [Double]
    /// Grid coordinates along y (increasing).
    @Numbers public var y: [Double]
    /// Values, row-major: `z[row * x.count + column]`.
    @Numbers public var z: [Double]
    /// Levels to draw; `nil` picks about `levelCount` nice levels.
    public var levels: [Double]?
    /// Target number of levels when `levels` is nil.
    public var levelCount: Int

    /// Creates a contour mark.
    public init(name: String, x: [Double], y: [Double], z: [Double], levels: [Double]? = nil, levelCount: Int = 10) {
        self.name = name
        self.x = x
        self.y = y
        self.z = z
        self.levels = levels
        self.levelCount = levelCount
    }
}
