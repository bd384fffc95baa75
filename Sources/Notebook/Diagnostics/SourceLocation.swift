/// A position in a chapter file: the path as the user wrote it (relative to the project), a
/// 1-based line and a 1-based column.
public struct SourceLocation: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The file, e.g. `chapters/01-norms.md`.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:col`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
