import Charts
import Foundation
import Testing

/// The extended Wilkinson algorithm against published outputs.
struct TicksTests {
    /// R `labeling` 0.4.3 documentation example: `extended(8.1, 14.1, 4)  # 8 10 12 14`.
    @Test func rLabelingDocumentationExample() {
        #expect(ExtendedTicks.ticks(8.1, 14.1, m: 4) == [8, 10, 12, 14])
    }

    /// Examples published in AntV's tests of their port of `labeling::extended` (same Q and weights).
    @Test(arguments: [
        (0.0, 100.0, 10, [0.0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]),
        (0.0, 0.1, 5, [0, 0.025, 0.05, 0.075, 0.1]),
        (0.0, 0.01, 5, [0, 0.0025, 0.005, 0.0075, 0.01]),
        (0.0, 1.2, 5, [0, 0.3, 0.6, 0.9, 1.2]),
        (0.0, 0.000001, 6, [0, 0.0000002, 0.0000004, 0.0000006, 0.0000008, 0.000001]),
    ])
    func publishedExamples(dmin: Double, dmax: Double, m: Int, expected: [Double]) {
        let ticks = ExtendedTicks.ticks(dmin, dmax, m: m)
        #expect(ticks.count == expected.count)
        for (a, b) in zip(ticks, expected) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b))) }
    }

    /// Ticks are evenly spaced by q·10^z with q from Q, and cover the data reasonably.
    @Test(arguments: [(-0.1, 1.1, 5), (3.7, 1234.5, 6), (-2.5e-7, 7.5e-7, 5), (0.96, 1.04, 4)])
    func stepIsNice(dmin: Double, dmax: Double, m: Int) throws {
        let ticks = ExtendedTicks.ticks(dmin, dmax, m: m)
        try #require(ticks.count >= 2)
        let step = ticks[1] - ticks[0]
        let mantissa = step / pow(10, floor(log10(step)))
        #expect(ExtendedTicks.q.contains { abs($0 - mantissa) < 1e-6 || abs($0 * 10 - mantissa) < 1e-6 })
        for (a, b) in zip(ticks.dropFirst(), ticks) { #expect(abs((a - b) - step) < step * 1e-6) }
        #expect(ticks.first! <= dmin + (dmax - dmin) * 0.25 && ticks.last! >= dmax - (dmax - dmin) * 0.25)
    }

    @Test func degenerateRange() {
        #expect(ExtendedTicks.ticks(3, 3, m: 5) == [3])
        #expect(ExtendedTicks.ticks(.nan, 1, m: 5).isEmpty)
    }

    @Test func labelsSharePrecision() {
        #expect(TickFormatter.labels([0, 0.25, 0.5, 0.75, 1]) == ["0.00", "0.25", "0.50", "0.75", "1.00"])
        #expect(TickFormatter.labels([0, 0.5, 1, 1.5]) == ["0.0", "0.5", "1.0", "1.5"])
        #expect(TickFormatter.labels([-10, 0, 10]) == ["−10", "0", "10"])
    }

    @Test func labelsSwitchToScientific() {
        #expect(TickFormatter.labels([0, 2e-5, 4e-5]) == ["0", "2e−5", "4e−5"])
        #expect(TickFormatter.labels([0, 2.5e7, 5e7]) == ["0", "2.5e7", "5.0e7"])
        #expect(TickFormatter.powerOfTenLabel(-3) == "10⁻³")
    }
}
