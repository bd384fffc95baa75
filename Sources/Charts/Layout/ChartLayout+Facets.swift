import Foundation

extension ChartLayout.Builder {
    /// How the panels are arranged: their number, columns and rows, and which axes they share.
    struct FacetGrid {
        /// The number of panels.
        let count: Int
        /// Panels per row.
        let columns: Int
        /// Rows of panels.
        let rows: Int
        /// All panels have the same x domain (x tick labels on the bottom row only).
        let sharedX: Bool
        /// All panels have the same y domain (y tick labels on the first column only).
        let sharedY: Bool
    }

    /// The grid: the chart's columns (about √n by default, at most one per panel) and its scales.
    func facetGrid() -> FacetGrid {
        let n = chart.panels.count
        let columns = max(1, min(n, chart.facets.columns ?? Int(ceil(Double(n).squareRoot()))))
        let rows = (n + columns - 1) / columns
        let scales = chart.facets.scales
        return FacetGrid(
            count: n, columns: columns, rows: rows,
            sharedX: scales == .shared || scales == .freeY, sharedY: scales == .shared || scales == .freeX)
    }
}
