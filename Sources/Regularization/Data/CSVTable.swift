import Foundation

/// A small CSV reader: one header line, comma-separated fields, optional double quotes (`""` for
/// a quote inside a quoted field), `\n` or `\r\n` line endings, blank lines ignored.
public struct CSVTable: Sendable, Equatable {
    /// The column names from the first line.
    public var header: [String]
    /// The fields of every data line.
    public var rows: [[String]]
    /// The 1-based line number in the source of every row (for error messages).
    public var lineNumbers: [Int]
    /// The file or label the text came from.
    public var source: String

    /// Reads and parses a file.
    ///
    /// - Throws: `DataLoadingError.unreadableFile` when the file cannot be read as UTF-8 text,
    ///   `.malformedCSV` (with the line) when it is not valid CSV.
    public static func read(from url: URL) throws(DataLoadingError) -> CSVTable {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        return try CSVTable(parsing: text, source: url.path)
    }

    /// Parses CSV text; `source` names it in errors.
    ///
    /// - Throws: `DataLoadingError.malformedCSV` at the first line that is not valid CSV.
    public init(parsing text: String, source: String = "<text>") throws(DataLoadingError) {
        self.source = source
        header = []
        rows = []
        lineNumbers = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let fields = try Self.fields(of: line, source: source, line: lineNumber)
            if !sawHeader {
                header = fields
                sawHeader = true
                continue
            }
            guard fields.count == header.count else {
                throw .malformedCSV(
                    source: source, line: lineNumber,
                    problem: "expected \(header.count) fields as in the header, found \(fields.count); give every line one "
                        + "field per header column, and quote fields that contain commas")
            }
            rows.append(fields)
            lineNumbers.append(lineNumber)
        }
        guard sawHeader else {
            throw .malformedCSV(source: source, line: 1, problem: "the text is empty; a CSV starts with a header line naming its columns")
        }
    }

    /// Splits one line into fields.
    static func fields(of line: Substring, source: String, line lineNumber: Int) throws(DataLoadingError) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            if inQuotes {
                if c == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
            index = line.index(after: index)
        }
        if inQuotes {
            throw .malformedCSV(source: source, line: lineNumber, problem: "a quoted field is not closed; add the closing \"")
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The number of data rows.
    public var count: Int { rows.count }

    /// All fields as numbers, row by row; throws with the line and column of the first
    /// non-numeric field.
    public func numericRows() throws(DataLoadingError) -> [[Double]] {
        var result: [[Double]] = []
        result.reserveCapacity(rows.count)
        for (r, row) in rows.enumerated() {
            var values: [Double] = []
            values.reserveCapacity(row.count)
            for (c, field) in row.enumerated() {
                guard let value = Double(field), value.isFinite else {
                    throw .malformedCSV(
                        source: source, line: lineNumbers[r],
                        problem: "column \(c + 1) (\(header[c])) holds \"\(field)\", which is not a finite number; "
                            + "every field below the header must be a number")
                }
                values.append(value)
            }
            result.append(values)
        }
        return result
    }
}
