import Foundation

/// A closed polygon, outlined and lightly filled (e.g. a unit ball or a feasible region).
public struct RegionMark: Codable, Sendable, Equatable {
    /// The legend entry.
    public var name: String
    /// Vertex x coordinates.
    @Numbers public var x: [Double]
    /// Vertex y coordinates.
    @Numbers public var y: [Double]
    /// Fill the inside with a translucent tint of the outline colour.
    public var filled: Bool
    /// Palette index overriding the colour assigned by order of appearance.
    public var color: Int?

    /// Creates a region from its vertices.
    public init(name: String, x: [Double], y: [Double], filled: Bool = true, color: Int? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.filled = filled
        self.color = color
    }

    /// The Lp ball `{w : ‖w‖_p ≤ radius}` centred at (`cx`, `cy`); `p = .infinity` gives a square.
    public static func ball(p: Double, radius: Double = 1, cx: Double = 0, cy: Double = 0, name: String? = nil, points: Int = 256) -> RegionMark {
        let label = name ?? (p.isInfinite ? "L∞ ball" : "L\(p == p.rounded() ? String(Int(p)) : String(p)) ball")
        if p.isInfinite {
            return RegionMark(name: label, x: [1, -1, -1, 1].map { cx + radius * $0 }, y: [1, 1, -1, -1].map { cy + radius * $0 })
        }
        if p == 1 {
            return RegionMark(name: label, x: [1, 0, -1, 0].map { cx + radius * $0 }, y: [0, 1, 0, -1].map { cy + radius * $0 })
        }
        var xs: [Double] = []
        var ys: [Double] = []
        for k in 0..<points {
            let t = 2 * Double.pi * Double(k) / Double(points)
            let c = cos(t)
            let s = sin(t)
            // Superellipse parametrisation: |x|^p + |y|^p = 1.
            xs.append(cx + radius * (c < 0 ? -1 : 1) * pow(abs(c), 2 / p))
            ys.append(cy + radius * (s < 0 ? -1 : 1) * pow(abs(s), 2 / p))
        }
        return RegionMark(name: label, x: xs, y: ys)
    }
}
