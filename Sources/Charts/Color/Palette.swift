/// The chart colours: Okabe-Ito for categories, viridis for magnitudes, blue–red for signed values.
package enum Palette {
    /// Okabe & Ito's colour-blind-safe categorical palette: orange, sky blue, bluish green, blue,
    /// vermillion, reddish purple, yellow, black (yellow, hard to see on white, comes late).
    package static let okabeIto: [RGB] = [
        0xE69F00, 0x56B4E9, 0x009E73, 0x0072B2, 0xD55E00, 0xCC79A7, 0xF0E442, 0x000000,
    ].map { RGB(hex: $0) }

    /// The categorical colour for index `i` (wrapping).
    package static func category(_ i: Int) -> RGB {
        let n = okabeIto.count
        return okabeIto[((i % n) + n) % n]
    }

    /// Dash patterns (on, off, … in points for a 1.6-point pen), by index: solid, dashed, dotted,
    /// dash-dot, long dash. A line chart with more series than colours gives each repeated
    /// colour the next pattern (see `ChartLayout.colors`), so no two lines look the same.
    package static let dashes: [[Double]] = [[], [6, 3.5], [1.6, 2.4], [7, 2.5, 1.6, 2.5], [13, 4]]

    /// The dash pattern for index `i` (wrapping).
    package static func dash(_ i: Int) -> [Double] {
        let n = dashes.count
        return dashes[((i % n) + n) % n]
    }

    /// Viridis sampled at 9 stops (matplotlib's `viridis` at 0, 1/8, …, 1).
    static let viridisStops: [RGB] = [
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725,
    ].map { RGB(hex: $0) }

    /// Blue–white–red stops (ColorBrewer RdBu, reversed so negative is blue).
    static let divergingStops: [RGB] = [
        0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D, 0xB2182B,
    ].map { RGB(hex: $0) }

    /// Viridis at `t` in 0…1.
    package static func viridis(_ t: Double) -> RGB { interpolate(viridisStops, t) }

    /// The diverging scale at `t` in 0…1 (0.5 is white).
    package static func diverging(_ t: Double) -> RGB { interpolate(divergingStops, t) }

    static func interpolate(_ stops: [RGB], _ t: Double) -> RGB {
        let x = (t.isFinite ? Swift.min(Swift.max(t, 0), 1) : 0) * Double(stops.count - 1)
        let i = Swift.min(Int(x), stops.count - 2)
        return stops[i].mixed(with: stops[i + 1], x - Double(i))
    }
}
