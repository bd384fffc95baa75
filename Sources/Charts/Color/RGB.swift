/// A colour with components in 0…1.
package struct RGB: Codable, Sendable, Equatable, Hashable {
    /// Red.
    package var r: Double
    /// Green.
    package var g: Double
    /// Blue.
    package var b: Double
    /// Creates a colour from 0…1 components.
    package init(_ r: Double, _ g: Double, _ b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }
    /// Creates a colour from a 0xRRGGBB value.
    package init(hex: UInt32) {
        self.init(Double((hex >> 16) & 0xff) / 255, Double((hex >> 8) & 0xff) / 255, Double(hex & 0xff) / 255)
    }
    /// Linear interpolation towards `other`.
    package func mixed(with other: RGB, _ t: Double) -> RGB {
        RGB(r + (other.r - r) * t, g + (other.g - g) * t, b + (other.b - b) * t)
    }
}
