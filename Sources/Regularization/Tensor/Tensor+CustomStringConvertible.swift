import Foundation

extension Tensor: CustomStringConvertible {
    /// A NumPy-like rendering: nested brackets, 4 significant digits, long dimensions elided.
    public var description: String {
        if rank == 0 { return format(scalars.first ?? 0) }
        var text = ""
        render(dimension: 0, offset: 0, into: &text, indent: 1)
        return text
    }

    private func format(_ x: Scalar) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == 0 { return "0" }
        return String(format: "%.4g", Double(x))
    }

    private func render(dimension: Int, offset: Int, into text: inout String, indent: Int) {
        let size = shape[dimension]
        let stride = shape[(dimension + 1)...].reduce(1, *)
        let shown: [Int] = size > 12 ? Array(0..<6) + [-1] + Array((size - 6)..<size) : Array(0..<size)
        text += "["
        for (n, i) in shown.enumerated() {
            if n > 0 {
                text += dimension == rank - 1 ? ", " : ",\n" + String(repeating: " ", count: indent)
            }
            if i < 0 {
                text += "…"
                continue
            }
            if dimension == rank - 1 {
                text += format(scalars[offset + i])
            } else {
                render(dimension: dimension + 1, offset: offset + i * stride, into: &text, indent: indent + 1)
            }
        }
        text += "]"
    }
}
