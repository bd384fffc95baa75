import Foundation

/// How far a rebuilt report may drift from the committed one and still count as the same.
///
/// Two numbers `a` and `b` match when `|a − b| ≤ max(absolute, relative · max(|a|, |b|))`;
/// NaN matches NaN and an infinity matches the infinity of the same sign (whether stored as the
/// strings `"nan"`, `"inf"`, `"-inf"` or as values). Two images match when the root-mean-square
/// difference of their 0–255 channel values is at most `pixelRMS`.
public struct ComparisonTolerance: Sendable, Codable, Equatable {
    /// Largest accepted difference relative to the larger magnitude of the two numbers.
    public var relative: Double
    /// Largest accepted absolute difference (matters for numbers near zero).
    public var absolute: Double
    /// Largest accepted root-mean-square pixel difference, over 0–255 channel values.
    public var pixelRMS: Double
    /// When both numbers are written as integer literals (no fraction, no exponent: seeds,
    /// counts, line numbers), they must be equal exactly rather than within `relative`.
    public var exactIntegers: Bool

    /// Creates a tolerance; the defaults suit numbers computed on different machines.
    public init(relative: Double = 1e-6, absolute: Double = 1e-12, pixelRMS: Double = 1.0, exactIntegers: Bool = true) {
        self.relative = relative
        self.absolute = absolute
        self.pixelRMS = pixelRMS
        self.exactIntegers = exactIntegers
    }

    /// Whether `a` and `b` are equal within this tolerance (see the type's documentation).
    public func matches(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= allowedDifference(a, b)
    }

    /// The largest difference accepted between `a` and `b`.
    func allowedDifference(_ a: Double, _ b: Double) -> Double {
        max(absolute, relative * max(abs(a), abs(b)))
    }

    /// Why `a` and `b` do not match, e.g. "relative difference 3.2e-4 > 1e-6".
    func mismatchDetail(_ a: Double, _ b: Double) -> String {
        if !a.isFinite || !b.isFinite { return "non-finite values differ" }
        let difference = abs(a - b)
        let scale = max(abs(a), abs(b))
        if relative * scale >= absolute, scale > 0 {
            return "relative difference \(Self.short(difference / scale)) > \(Self.short(relative))"
        }
        return "absolute difference \(Self.short(difference)) > \(Self.short(absolute))"
    }

    /// A compact scientific rendering with two significant digits: 3.2e-4, 1e-6.
    static func short(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == 0 { return "0" }
        let formatted = String(format: "%.1e", x)
        guard let e = formatted.firstIndex(of: "e") else { return formatted }
        var mantissa = String(formatted[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        let exponentText = formatted[formatted.index(after: e)...]
        let exponent = Int(exponentText) ?? 0
        return exponent == 0 ? mantissa : "\(mantissa)e\(exponent)"
    }
}

extension ComparisonTolerance {
    private enum CodingKeys: String, CodingKey {
        case relative, absolute, pixelRMS, exactIntegers
    }

    /// Decodes a tolerance; missing fields take their default values.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ComparisonTolerance()
        self.init(
            relative: try container.decodeIfPresent(Double.self, forKey: .relative) ?? defaults.relative,
            absolute: try container.decodeIfPresent(Double.self, forKey: .absolute) ?? defaults.absolute,
            pixelRMS: try container.decodeIfPresent(Double.self, forKey: .pixelRMS) ?? defaults.pixelRMS,
            exactIntegers: try container.decodeIfPresent(Bool.self, forKey: .exactIntegers) ?? defaults.exactIntegers)
    }
}
