/// A rectangle in points, origin at the top left.
package struct Rect: Codable, Sendable, Equatable {
    /// Left edge.
    package var x: Double
    /// Top edge.
    package var y: Double
    /// Width.
    package var width: Double
    /// Height.
    package var height: Double
    /// Creates a rectangle.
    package init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
    /// Right edge.
    package var maxX: Double { x + width }
    /// Bottom edge.
    package var maxY: Double { y + height }
    /// Whether the point lies inside.
    package func contains(_ px: Double, _ py: Double) -> Bool { px >= x && px <= maxX && py >= y && py <= maxY }
    /// Whether the segment crosses the rectangle (Liang–Barsky clipping).
    package func intersects(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Bool {
        clip(x0, y0, x1, y1) != nil
    }
    /// The part of the segment inside the rectangle (Liang–Barsky clipping), nil when none is;
    /// an end inside the rectangle is returned unchanged.
    package func clip(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        var t0 = 0.0, t1 = 1.0
        let dx = x1 - x0, dy = y1 - y0
        for (p, q) in [(-dx, x0 - x), (dx, maxX - x0), (-dy, y0 - y), (dy, maxY - y0)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; if r > t0 { t0 = r } } else { if r < t0 { return nil }; if r < t1 { t1 = r } }
            }
        }
        return (t0 == 0 ? x0 : x0 + t0 * dx, t0 == 0 ? y0 : y0 + t0 * dy, t1 == 1 ? x1 : x0 + t1 * dx, t1 == 1 ? y1 : y0 + t1 * dy)
    }
    /// Rounded to 1/100 point so snapshots are stable.
    func rounded() -> Rect {
        func r(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        return Rect(x: r(x), y: r(y), width: r(width), height: r(height))
    }
}
