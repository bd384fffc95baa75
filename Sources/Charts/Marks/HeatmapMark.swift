/// A grid of values drawn as coloured cells, with a colour bar.
public struct HeatmapMark: Codable, Sendable, Equatable {
    /// The colour scale.
    public enum Palette: String, Codable, Sendable, Equatable {
        /// Viridis, for magnitudes.
        case viridis
        /// Blue–white–red centred on zero, for signed values such as weights.
        case diverging
    }

    /// The colour-bar title.
    public var name: String
    /// Cell centres along x (`columns` values, increasing).
    @Numbers public var x: [Double]
    /// Cell centres along y (`rows` values, increasing).
    @Numbers public var y: [Double]
    /// Values, row-major: `z[row * x.count + column]`; NaN cells are left blank.
    @Numbers public var z: [Double]
    /// The colour scale.
    public var palette: Palette

    /// Creates a heatmap.
    public init(name: String, x: [Double], y: [Double], z: [Double], palette: Palette = .viridis) {
        self.name = name
        self.x = x
        self.y = y
        self.z = z
        self.palette = palette
    }
}
