import Charts
import Foundation
import Testing

/// Chart specs: JSON round trips, validation errors, alt text.
struct SpecTests {
    static func hostEncoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    @Test(arguments: ChartGallery.examples().map(\.name))
    func galleryRoundTripsThroughJSON(name: String) throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == name }?.chart)
        for encoder in [JSONEncoder(), SpecTests.hostEncoder()] {
            let data = try encoder.encode(chart)
            let back = try JSONDecoder().decode(Chart.self, from: data)
            #expect(back == chart)
        }
    }

    @Test func nonFiniteValuesSurviveTheRoundTrip() throws {
        let chart = Chart.line(title: "t", x: "x", y: "y", series: [Series(name: "a", x: [0, 1, 2], y: [.nan, .infinity, -.infinity])])
        let data = try JSONEncoder().encode(chart)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"nan\"") && text.contains("\"-inf\""))
        let back = try JSONDecoder().decode(Chart.self, from: data)
        let y = back.series[0].y
        #expect(y[0].isNaN && y[1] == .infinity && y[2] == -.infinity)
    }

    @Test(arguments: [
        (Chart.line(title: "Empty", x: "x", y: "y", series: [Series(name: "a", x: [], y: [])]), "has no data"),
        (Chart.line(title: "Lengths", x: "x", y: "y", series: [Series(name: "a", x: [1, 2], y: [1])]), "mismatched lengths"),
        (Chart.line(title: "Log", x: "x", y: "y", series: [Series(name: "a", x: [1, 2], y: [1, -3])]).logY(), "logarithmic y axis"),
        (Chart.line(title: "AllNaN", x: "x", y: "y", series: [Series(name: "a", x: [1, 2], y: [.nan, .nan])]), "NaN or infinite"),
        (Chart.heatmap(title: "Grid", x: "x", y: "y", xValues: [0, 1], yValues: [0, 1], z: [1, 2, 3]), "3 values for a grid of 2 rows"),
        (Chart.histogram(title: "Edges", x: "x", values: [1, 2], edges: [1]), "bin edges"),
        (Chart.bar(title: "Bars", x: "x", y: "y", categories: ["a", "b"], groups: [.init(name: "g", values: [1])]), "1 values for 2 categories"),
        (Chart(title: "Nothing", x: Axis(label: "x"), y: Axis(label: "y"), marks: []), "has no data"),
    ])
    func badSpecsGiveClearErrors(chart: Chart, fragment: String) throws {
        let error = try #require(throws: ChartError.self) { try chart.validate() }
        #expect(error.description.contains("\"\(chart.title)\""))
        #expect(error.description.contains(fragment), "\(error.description)")
        #expect(throws: ChartError.self) { try ChartLayout(chart) }
    }

    @Test func everyGalleryChartIsValid() throws {
        for (_, chart) in ChartGallery.examples() { try chart.validate() }
    }

    @Test func altTextNamesKindAxesSeriesAndDroppedValues() throws {
        let chart = try #require(ChartGallery.examples().first { $0.name == "line" }?.chart)
        let alt = chart.altText
        #expect(alt.hasPrefix("Line chart titled \"Training loss\""))
        #expect(alt.contains("x axis \"epoch\""))
        #expect(alt.contains("Series \"L1, λ=0.01\": 60 points"))
        #expect(alt.contains("Non-finite values not drawn: 2 in \"no penalty\""))
    }

    @Test func bandComputesMeanAndStandardDeviation() throws {
        let chart = Chart.band(title: "b", x: "x", y: "y", xValues: [0, 1], runs: [("r", [[1, 2], [3, 6]])])
        guard case let .band(band) = chart.marks[0], case let .series(mean) = chart.marks[1] else {
            Issue.record("expected a band and a line")
            return
        }
        #expect(mean.y == [2, 4])
        #expect(abs(band.upper[0] - (2 + 2.squareRoot())) < 1e-12)
        #expect(abs(band.lower[1] - (4 - 8.squareRoot())) < 1e-12)
    }
}
