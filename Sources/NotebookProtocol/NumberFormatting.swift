/// Number formatting shared by the runtime and the renderer, so a number reads the same in a
/// table, a sentence and printed output.
public enum NumberFormatting {
    /// `x` with at most `digits` significant digits, no trailing zeros, scientific notation when
    /// the exponent is below -4 or at least `digits`; `NaN`, `∞` and `-∞` for non-finite values.
    public static func significant(_ x: Double, digits: Int = 6) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        if x == 0 { return "0" }
        let exponent = Int((abs(x)).log10Floor)
        if exponent < -4 || exponent >= digits {
            var mantissa = x / pow10(exponent)
            var e = exponent
            // Rounding can carry into a new digit (9.9999995 → 10).
            let rounded = (mantissa * pow10(digits - 1)).rounded() / pow10(digits - 1)
            if abs(rounded) >= 10 { mantissa /= 10; e += 1 } else { mantissa = rounded }
            return trimmed(fixed(mantissa, decimals: digits - 1)) + "e" + String(e)
        }
        let decimals = max(0, digits - 1 - exponent)
        return trimmed(fixed(x, decimals: decimals))
    }

    /// `x` with exactly `decimals` digits after the point, rounded half away from zero.
    static func fixed(_ x: Double, decimals: Int) -> String {
        let scale = pow10(decimals)
        let scaled = (abs(x) * scale).rounded()
        let negative = x < 0 && scaled != 0
        // Integer arithmetic on the scaled value keeps the digits exact for |x|·10^decimals < 2^63.
        guard scaled < 9.0e18 else { return String(x) }
        let n = UInt64(scaled)
        let unit = UInt64(scale)
        let whole = n / unit
        let fraction = n % unit
        var text = String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return negative ? "-" + text : text
    }

    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        if n >= 0 { for _ in 0..<n { result *= 10 } } else { for _ in 0..<(-n) { result /= 10 } }
        return result
    }
}

extension Double {
    /// ⌊log10(|self|)⌋ computed without Foundation, exact at powers of ten.
    fileprivate var log10Floor: Double {
        var e = 0.0
        var v = abs(self)
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
