import Charts

/// Builds rendering errors.
enum ChartErrorFactory {
    static func rendering(_ chart: String, _ detail: String) -> ChartError {
        ChartError.renderingFailed(chart: chart.isEmpty ? "untitled" : chart, detail: detail)
    }
}
