import Foundation
import Testing

@testable import Notebook

@Suite("Tolerant numbers and text")
struct TolerantTextTests {
    static let numberCases: [(Double, Double, Bool)] = [
        (1.0, 1.0 + 1e-7, true),
        (1.0, 1.0 + 2e-6, false),
        (1e9, 1e9 + 999, true),
        (1e9, 1e9 + 1001, false),
        (0.0, 1e-13, true),
        (0.0, 1e-11, false),
        (Double.nan, Double.nan, true),
        (Double.nan, 0, false),
        (Double.infinity, Double.infinity, true),
        (Double.infinity, -Double.infinity, false),
        (Double.infinity, 1e308, false),
    ]

    static let textCases: [(String, String, Bool)] = [
        ("loss 0.5 at step 10", "loss 0.50000001 at step 10", true),
        ("loss 0.5 at step 10", "loss 0.5001 at step 10", false),
        ("loss 0.5 at step 10", "loss 0.5 at step 11", false),
        ("loss 0.5 at step 10", "gain 0.5 at step 10", false),
        ("x = -3.2e-4;", "x = -3.2000001e-4;", true),
        ("x = -3.2e-4;", "x = 3.2e-4;", false),
        ("a\nb 1.0\n", "a\r\nb 1.0000000001\r\n", true),
        ("a\nb", "a\nb\nc", false),
        ("id 12345678abc", "id 12345679abc", false),
        ("1.5em", "1.5000001em", false),
        ("utf-8", "utf-8", true),
        ("value 7.", "value 7.0000000001.", true),
        ("nan inf", "nan inf", true),
    ]

    @Test("Numbers match within the relative or absolute tolerance", arguments: numberCases)
    func numbers(a: Double, b: Double, expected: Bool) {
        #expect(ReportComparator.numbersMatch(a, b, tolerance: ComparisonTolerance()) == expected)
        #expect(ReportComparator.numbersMatch(b, a, tolerance: ComparisonTolerance()) == expected)
    }

    @Test("Text matches when the words are equal and the numbers within tolerance", arguments: textCases)
    func text(a: String, b: String, expected: Bool) {
        #expect(ReportComparator.textMatches(a, b, tolerance: ComparisonTolerance()) == expected)
    }

    @Test("Lines split into numbers standing as words and the text between them")
    func tokens() {
        let tokens = ReportComparator.tokens(of: "h2 at -0.5, e=1e-3 (12px) x-1 v1.2 .5")
        let numbers = tokens.compactMap { token -> String? in
            if case .number(let literal, _, _) = token { return literal } else { return nil }
        }
        #expect(numbers == ["-0.5", "1e-3", "1", ".5"])
        let text = tokens.map { token -> String in
            switch token {
            case .text(let s): return s
            case .number(let literal, _, _): return literal
            }
        }.joined()
        #expect(text == "h2 at -0.5, e=1e-3 (12px) x-1 v1.2 .5")
    }

    @Test("Relative and absolute tolerance details read compactly")
    func details() {
        let tolerance = ComparisonTolerance()
        #expect(tolerance.mismatchDetail(0.25, 0.2503) == "relative difference 1.2e-3 > 1e-6")
        #expect(tolerance.mismatchDetail(0, 3e-10) == "absolute difference 3e-10 > 1e-12")
        #expect(ComparisonTolerance.short(3.2e-4) == "3.2e-4")
        #expect(ComparisonTolerance.short(1.0) == "1")
    }

    @Test("A tolerance decodes with defaults for missing fields")
    func toleranceDecoding() throws {
        let decoded = try JSONDecoder().decode(ComparisonTolerance.self, from: Data(#"{"relative": 1e-3}"#.utf8))
        #expect(decoded == ComparisonTolerance(relative: 1e-3))
        let roundTrip = try JSONDecoder().decode(
            ComparisonTolerance.self, from: JSONEncoder().encode(ComparisonTolerance(absolute: 1e-9, pixelRMS: 2)))
        #expect(roundTrip == ComparisonTolerance(absolute: 1e-9, pixelRMS: 2))
    }
}
