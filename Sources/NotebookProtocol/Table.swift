/// A table sent by a chapter program: a header row and rows of typed cells.
public struct Table: Codable, Sendable, Equatable {
    /// An optional caption shown above the table.
    public var caption: String?
    /// Column headers.
    public var columns: [String]
    /// Rows, each with one cell per column.
    public var rows: [[Value]]

    /// Creates a table.
    public init(caption: String? = nil, columns: [String], rows: [[Value]]) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}
