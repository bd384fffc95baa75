/// Advance widths of DejaVu Sans (unhinted, in font units of 2048 per em), so that layout is pure
/// and matches what the renderer draws with hint metrics off.
package enum TextMetrics {
    /// Units per em of DejaVu Sans.
    static let unitsPerEm = 2048.0
    /// Ascender as a fraction of the font size.
    package static let ascent = 1901.0 / 2048
    /// Descender (positive) as a fraction of the font size.
    package static let descent = 483.0 / 2048

    static let ascii: [Int] = [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690, 1303, 1303, 1303,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087, 2048, 1401, 1405, 1430, 1577,
        1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401,
        2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298,
        569, 569, 1186, 569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075,
        1303, 690, 1303, 1716,
    ]

    static let extra: [UInt32: Int] = [
        177: 1716, 215: 1716, 8722: 1716, 8734: 1706, 178: 821, 179: 821, 185: 821, 8304: 821, 8308: 821,
        8309: 821, 8310: 821, 8311: 821, 8312: 821, 8313: 821, 8315: 1081, 8320: 821, 8321: 821, 8322: 821,
        8323: 821, 8324: 821, 945: 1350, 946: 1307, 947: 1212, 948: 1253, 949: 1107, 955: 1212, 956: 1303,
        963: 1298, 952: 1253, 960: 1233, 8214: 1024, 8212: 2048, 8211: 1024, 8230: 2048, 8226: 1208, 8804: 1716,
        8805: 1716, 8776: 1716, 183: 651, 233: 1260, 8242: 465,
    ]

    /// The width of `text` at `size` points.
    package static func width(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= 32 && v < 127 {
                units += ascii[Int(v) - 32]
            } else if let known = extra[v] {
                units += known
            } else if isWide(v) {
                units += 2048
            } else {
                units += 1254
            }
        }
        return Double(units) / unitsPerEm * size
    }

    /// Whether a character is drawn a full em wide: CJK ideographs, kana, Hangul, CJK punctuation
    /// and full-width forms (drawn by the CJK fallback font, Noto Sans CJK, whose advance for all
    /// of these is one em).
    static func isWide(_ v: UInt32) -> Bool {
        (0x2E80...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0xFE30...0xFE4F).contains(v) || (0xFF01...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x20000...0x3FFFF).contains(v)
    }

    /// `text` broken into lines no wider than `maxWidth` at `size` points, at spaces (a word
    /// wider than the limit stays whole on its own line). `widthFactor` widens the estimate
    /// (bold text is about 10 % wider than these regular-weight metrics).
    package static func wrap(_ text: String, size: Double, maxWidth: Double, widthFactor: Double = 1) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || width(candidate, size: size) * widthFactor <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [text] : lines
    }
}
