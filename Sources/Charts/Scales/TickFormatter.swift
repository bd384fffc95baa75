import Foundation

/// Turns tick values into labels with one precision shared across an axis, switching to
/// scientific notation for very large or very small magnitudes.
package enum TickFormatter {
    /// Labels for linear ticks.
    package static func labels(_ ticks: [Double]) -> [String] {
        guard !ticks.isEmpty else { return [] }
        let maxAbs = ticks.map(abs).max() ?? 0
        let step = ticks.count > 1 ? zip(ticks.dropFirst(), ticks).map { abs($0 - $1) }.min() ?? maxAbs : maxAbs
        let tolerance = Swift.max(step, maxAbs, 1e-300) * 1e-9
        if maxAbs == 0 || (maxAbs >= 1e-3 && maxAbs < 1e6) {
            for decimals in 0...10 {
                let scale = pow(10, Double(decimals))
                if ticks.allSatisfy({ abs(($0 * scale).rounded() / scale - $0) <= tolerance }) {
                    let fixed = ticks.map { fixedLabel($0, decimals: decimals) }
                    if fixed.allSatisfy({ $0.count <= 9 }) { return fixed }
                    break
                }
            }
        }
        for decimals in 0...10 {
            let texts = ticks.map { String(format: "%.\(decimals)e", $0) }
            if zip(texts, ticks).allSatisfy({ abs((Double($0.0) ?? .nan) - $0.1) <= tolerance }) {
                return ticks.map { scientificLabel($0, decimals: decimals) }
            }
        }
        return ticks.map { scientificLabel($0, decimals: 6) }
    }

    /// "10ⁿ" labels for integer powers of ten.
    package static func powerOfTenLabel(_ exponent: Int) -> String { "10" + superscript(exponent) }

    static func fixedLabel(_ v: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", v == 0 ? 0 : v)
        if text.hasPrefix("-") {
            if text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() } else { text = "−" + text.dropFirst() }
        }
        return text
    }

    static func scientificLabel(_ v: Double, decimals: Int) -> String {
        if v == 0 { return "0" }
        let text = String(format: "%.\(decimals)e", v)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.hasPrefix("-") { mantissa = "−" + mantissa.dropFirst() }
        return mantissa + "e" + (exponent < 0 ? "−" : "") + String(abs(exponent))
    }

    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0)) ?? 0] }
    }
}
