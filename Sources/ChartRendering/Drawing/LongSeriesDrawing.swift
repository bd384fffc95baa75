/// How a painter draws line series with more points than pixel columns.
enum LongSeriesDrawing: Sendable {
    /// Every segment stroked by cairo in one path: exact and slow; the reference the others are
    /// tested against.
    case exact
    /// Solid lines whose x never decreases are filled as their stroke outline (`StrokeOutline`,
    /// the stroke's extent per eighth of a device pixel column); other lines as `reduced`. For
    /// raster output.
    case outlined
    /// Reduced to the first, lowest, highest and last point per device pixel column (M4) and
    /// stroked in short chunks. For vector output, where a line should stay a line. Dashed lines
    /// are reduced only beyond 32 points per column (their dashes follow the path's length).
    case reduced
}
