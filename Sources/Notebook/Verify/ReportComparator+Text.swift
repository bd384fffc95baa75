import Foundation

extension ReportComparator {
    /// A piece of a line: literal text, or a number to compare within the tolerance.
    enum TextToken: Equatable {
        /// Text compared exactly.
        case text(String)
        /// A decimal or scientific number as written, its value, and whether it is an integer literal.
        case number(literal: String, value: Double, isInteger: Bool)
    }

    /// Why two lines do not match.
    enum LineMismatch: Equatable {
        /// The text around the numbers differs.
        case text(expected: String, actual: String)
        /// A number differs beyond the tolerance.
        case number(expected: String, actual: String, detail: String)
    }

    /// Compares two texts line by line into `collector`; `location` prefixes each line's location
    /// (a JSON path, or empty for whole files).
    static func compareText(
        _ expected: String, _ actual: String, location: String, tolerance: ComparisonTolerance,
        into collector: inout Collector
    ) {
        if expected == actual { return }
        let a = lines(of: expected), b = lines(of: actual)
        func lineLocation(_ index: Int, rebuilt: Bool = false) -> String {
            if !location.isEmpty && a.count == 1 && b.count == 1 { return location }
            let line = (rebuilt ? "rebuilt line " : "line ") + "\(index + 1)"
            return location.isEmpty ? line : location + ", " + line
        }
        // Lines equal at the start and at the end need no alignment; the rest is compared in lockstep.
        var prefix = 0
        while prefix < a.count, prefix < b.count, compareLine(a[prefix], b[prefix], tolerance: tolerance) == nil {
            prefix += 1
        }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              compareLine(a[a.count - 1 - suffix], b[b.count - 1 - suffix], tolerance: tolerance) == nil {
            suffix += 1
        }
        let expectedMiddle = a.count - prefix - suffix, actualMiddle = b.count - prefix - suffix
        for offset in 0..<max(expectedMiddle, actualMiddle) {
            let i = prefix + offset
            switch (offset < expectedMiddle, offset < actualMiddle) {
            case (true, true):
                switch compareLine(a[i], b[i], tolerance: tolerance) {
                case nil:
                    continue
                case .text(let e, let g)?:
                    collector.add(kind: .text, location: lineLocation(i), expected: e, actual: g, detail: nil)
                case .number(let e, let g, let detail)?:
                    collector.add(kind: .number, location: lineLocation(i), expected: e, actual: g, detail: detail)
                }
            case (true, false):
                collector.add(kind: .text, location: lineLocation(i), expected: quoted(excerpt(a[i], from: 0)),
                              actual: "(no line)", detail: "line missing from the rebuilt text")
            default:
                collector.add(kind: .text, location: lineLocation(i, rebuilt: true), expected: "(no line)",
                              actual: quoted(excerpt(b[i], from: 0)), detail: "line not in the committed text")
            }
        }
    }

    /// The lines of `text` (`\r\n` counts as `\n`).
    static func lines(of text: String) -> [Substring] {
        let normalized = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        return normalized.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Why two lines differ, or nil when they match: equal text between the numbers and the
    /// numbers equal within the tolerance.
    static func compareLine(_ expected: Substring, _ actual: Substring, tolerance: ComparisonTolerance) -> LineMismatch? {
        if expected == actual { return nil }
        let a = tokens(of: expected), b = tokens(of: actual)
        var firstNumberMismatch: LineMismatch?
        var textDiffers = a.count != b.count
        if !textDiffers {
            for (x, y) in zip(a, b) {
                switch (x, y) {
                case (.text(let s), .text(let t)):
                    if s != t { textDiffers = true }
                case (.number(let l, let v, let i), .number(let m, let w, let j)):
                    if firstNumberMismatch == nil, !numberTokensMatch(l, v, i, m, w, j, tolerance: tolerance) {
                        firstNumberMismatch = .number(
                            expected: l, actual: m,
                            detail: i && j && tolerance.exactIntegers ? "integers differ" : tolerance.mismatchDetail(v, w))
                    }
                default:
                    textDiffers = true
                }
                if textDiffers { break }
            }
        }
        if textDiffers {
            let index = zip(expected, actual).prefix { $0 == $1 }.count
            return .text(expected: quoted(excerpt(expected, from: index)), actual: quoted(excerpt(actual, from: index)))
        }
        return firstNumberMismatch
    }

    /// Whether two number tokens match: integer literals exactly (when the tolerance says so),
    /// others within the tolerance.
    static func numberTokensMatch(
        _ literalA: String, _ a: Double, _ integerA: Bool, _ literalB: String, _ b: Double, _ integerB: Bool,
        tolerance: ComparisonTolerance
    ) -> Bool {
        if literalA == literalB { return true }
        if tolerance.exactIntegers && integerA && integerB { return a == b && abs(a) < 9.0e15 }
        return tolerance.matches(a, b)
    }

    /// Splits a line into numbers and the text between them.
    ///
    /// A number is `-?digits[.digits][e±digits]` (or `-?.digits…`) standing as a word of its
    /// own: not preceded by a letter, digit, `_` or `.`, nor followed by a letter, digit or `_`
    /// (so `h2`, `utf-8`, `12px` and hexadecimal hashes stay text). A `-` counts as a sign only
    /// when it does not follow a letter, digit, `_` or `.`.
    static func tokens(of line: Substring) -> [TextToken] {
        let bytes = Array(line.utf8)
        var result: [TextToken] = []
        var textStart = 0
        var i = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isWordByte(_ c: UInt8) -> Bool {
            isDigit(c) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
        }
        func flushText(upTo end: Int) {
            if end > textStart { result.append(.text(String(decoding: bytes[textStart..<end], as: UTF8.self))) }
        }
        while i < bytes.count {
            let previous: UInt8? = i > 0 ? bytes[i - 1] : nil
            let startsWord = previous.map { !isWordByte($0) && $0 != 0x2E } ?? true
            guard startsWord, let end = numberEnd(bytes, from: i, isDigit: isDigit) else {
                // Skip over a whole word so that digits inside it are never read as a number.
                if isWordByte(bytes[i]) {
                    while i < bytes.count, isWordByte(bytes[i]) { i += 1 }
                } else {
                    i += 1
                }
                continue
            }
            if end < bytes.count, isWordByte(bytes[end]) {
                i = end
                while i < bytes.count, isWordByte(bytes[i]) { i += 1 }
                continue
            }
            let literal = String(decoding: bytes[i..<end], as: UTF8.self)
            guard let value = Double(literal) else {
                i = end
                continue
            }
            flushText(upTo: i)
            let isInteger = !literal.contains(".") && !literal.contains("e") && !literal.contains("E")
            result.append(.number(literal: literal, value: value, isInteger: isInteger))
            i = end
            textStart = end
        }
        flushText(upTo: bytes.count)
        return result
    }

    /// The end of the number starting at `start`, or nil when none starts there.
    private static func numberEnd(_ bytes: [UInt8], from start: Int, isDigit: (UInt8) -> Bool) -> Int? {
        var i = start
        if bytes[i] == 0x2D { i += 1 }  // "-"
        let integerStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        var digits = i - integerStart
        if i + 1 < bytes.count, bytes[i] == 0x2E, isDigit(bytes[i + 1]) {  // "." digit
            i += 1
            let fractionStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            digits += i - fractionStart
        }
        guard digits > 0 else { return nil }
        if i < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {  // "e" / "E"
            var j = i + 1
            if j < bytes.count, bytes[j] == 0x2B || bytes[j] == 0x2D { j += 1 }
            let exponentStart = j
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            if j > exponentStart { i = j }
        }
        return i
    }

    /// About 90 characters of `line` around character `index`, marked with … where cut.
    static func excerpt(_ line: Substring, from index: Int) -> String {
        let characters = Array(line)
        guard characters.count > 90 else { return String(characters) }
        let start = max(0, min(index - 30, characters.count - 90))
        let end = min(characters.count, start + 90)
        return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    }

    /// `text` in double quotes.
    static func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
