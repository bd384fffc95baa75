import Charts

/// Draws chart specifications into PNG images with Cairo. (Stub: replaced by the charts work.)
public struct ChartRenderer: Sendable {
    /// Creates a renderer.
    public init() {}
    /// Renders `chart` to PNG bytes at 2× device scale.
    public func png(_ chart: Chart) throws -> [UInt8] { [] }
    /// A textual description of `chart` for the image's alt attribute.
    public func altText(_ chart: Chart) -> String { chart.title }
}
