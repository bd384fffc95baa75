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

extension HeatmapMark {
    /// Cell boundaries around cell centres: half-way between neighbours, and half a spacing
    /// beyond the first and last centre (±0.5 around a single one).
    package static func cellEdges(_ centres: [Double]) -> [Double] {
        guard centres.count > 1 else { return centres.first.map { [$0 - 0.5, $0 + 0.5] } ?? [] }
        var edges = [centres[0] - (centres[1] - centres[0]) / 2]
        for i in 0..<(centres.count - 1) { edges.append((centres[i] + centres[i + 1]) / 2) }
        edges.append(centres[centres.count - 1] + (centres[centres.count - 1] - centres[centres.count - 2]) / 2)
        return edges
    }
}
