import NotebookProtocol

@_exported import Charts
@_exported import struct NotebookProtocol.Table
@_exported import enum NotebookProtocol.Value

/// Shows a chart as a figure of the current block. The block's `label` and `caption` options
/// name and caption it; the chart's own title is drawn inside the image.
public func show(_ chart: Chart) {
    EventChannel.shared.send(.chart(chart))
}

/// Shows a table under the current block.
public func show(_ table: Table) {
    EventChannel.shared.send(.table(table))
}

/// Shows a table built from column headers and rows of values.
///
/// ```swift
/// show(table: ["norm", "value"], rows: [["L1", .number(w.norm(.l1))]])
/// ```
public func show(table columns: [String], rows: [[Value]], caption: String? = nil) {
    show(Table(caption: caption, columns: columns, rows: rows))
}

/// Records a named value that prose can quote inline.
public func record(_ name: String, _ value: Value) {
    EventChannel.shared.send(.value(name: name, value: value))
}

/// Records a named number that prose can quote inline.
public func record(_ name: String, _ value: Double) {
    record(name, .number(value))
}
