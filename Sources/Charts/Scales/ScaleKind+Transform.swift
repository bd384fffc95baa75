import Foundation

extension ScaleKind {
    /// Maps a data value into the scale's linear working space.
    package func transform(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log10: return v > 0 ? Foundation.log10(v) : -.infinity
        case let .symlog(c):
            let k = c > 0 ? c : 1
            return (v < 0 ? -1 : 1) * Foundation.log10(1 + abs(v) / k)
        }
    }

    /// Maps a working-space value back to data.
    package func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .log10: return pow(10, t)
        case let .symlog(c):
            let k = c > 0 ? c : 1
            return (t < 0 ? -1 : 1) * k * (pow(10, abs(t)) - 1)
        }
    }
}
