import Foundation

extension ReportComparator {
    /// A JSON value as read by JSONSerialization, with numbers kept apart from booleans.
    enum JSONNode {
        case null
        case bool(Bool)
        /// A number, whether it was written as an integer, and how it reads.
        case number(Double, isInteger: Bool, text: String)
        case string(String)
        case array([Any])
        case object([String: Any])

        /// Classifies a value from JSONSerialization.
        init(_ value: Any) {
            switch value {
            case is NSNull:
                self = .null
            case let string as String:
                self = .string(string)
            case let array as [Any]:
                self = .array(array)
            case let object as [String: Any]:
                self = .object(object)
            case let number as NSNumber:
                let type = String(cString: number.objCType)
                if type == "c" || type == "B" {
                    self = .bool(number.boolValue)
                } else if type == "d" || type == "f" {
                    self = .number(number.doubleValue, isInteger: false, text: "\(number.doubleValue)")
                } else if type == "Q" || type == "L" || type == "I" || type == "S" {
                    self = .number(number.doubleValue, isInteger: true, text: "\(number.uint64Value)")
                } else {
                    self = .number(number.doubleValue, isInteger: true, text: "\(number.int64Value)")
                }
            default:
                self = .string("\(value)")
            }
        }

        /// The value as a number, reading the strings `nan`, `inf` and `-inf` (how non-finite
        /// numbers are stored) as numbers too.
        var numericValue: Double? {
            switch self {
            case .number(let value, _, _): return value
            case .string(let s):
                switch s.lowercased() {
                case "nan", "-nan", "+nan": return .nan
                case "inf", "+inf", "infinity", "+infinity": return .infinity
                case "-inf", "-infinity": return -.infinity
                default: return nil
                }
            default: return nil
            }
        }

        /// A short description of the value for messages.
        var summary: String {
            switch self {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .number(_, _, let text): return text
            case .string(let s): return ReportComparator.quoted(s)
            case .array(let a): return "an array of \(a.count)"
            case .object(let o): return o.isEmpty ? "an empty object" : "an object with keys \(o.keys.sorted().prefix(6).joined(separator: ", "))" + (o.count > 6 ? ", …" : "")
            }
        }

        /// Numbers and strings as written, without quotes; other values as `summary`.
        var plainText: String {
            switch self {
            case .number(_, _, let text): return text
            case .string(let s): return s
            default: return summary
            }
        }

        /// The JSON type's name.
        var typeName: String {
            switch self {
            case .null: return "null"
            case .bool: return "boolean"
            case .number: return "number"
            case .string: return "string"
            case .array: return "array"
            case .object: return "object"
            }
        }
    }

    /// Compares two JSON documents value by value into `collector`.
    func compareJSON(_ expected: Data, _ actual: Data, into collector: inout Collector) {
        // Chapter results: volatile content reduced to what must agree, by the results' own rule.
        let expected = VolatileContent.reducing(resultsFile: expected) ?? expected
        let actual = VolatileContent.reducing(resultsFile: actual) ?? actual
        let a: Any, b: Any
        do {
            a = try JSONSerialization.jsonObject(with: expected, options: [.fragmentsAllowed])
        } catch {
            // Both unparseable: compare them as text; otherwise the committed file is broken.
            if (try? JSONSerialization.jsonObject(with: actual, options: [.fragmentsAllowed])) == nil {
                compareTextFile(expected, actual, into: &collector)
            } else {
                collector.add(kind: .unreadable, location: "", expected: "", actual: "",
                              detail: "the committed file is not valid JSON")
            }
            return
        }
        do {
            b = try JSONSerialization.jsonObject(with: actual, options: [.fragmentsAllowed])
        } catch {
            collector.add(kind: .unreadable, location: "", expected: "", actual: "",
                          detail: "the rebuilt file is not valid JSON")
            return
        }
        compareJSONValues(a, b, path: "", into: &collector)
    }

    /// Compares two JSON values at `path` (e.g. `segments[3].block(line 41)`).
    func compareJSONValues(_ expected: Any, _ actual: Any, path: String, into collector: inout Collector) {
        let a = JSONNode(expected), b = JSONNode(actual)
        let location = path.isEmpty ? "(top level)" : path
        switch (a, b) {
        case (.null, .null):
            return
        case (.bool(let x), .bool(let y)):
            if x != y { collector.add(kind: .structure, location: location, expected: a.summary, actual: b.summary, detail: nil) }
        case (.string(let x), .string(let y)):
            if x == y { return }
            if let u = a.numericValue, let v = b.numericValue {
                if !tolerance.matches(u, v) {
                    collector.add(kind: .number, location: location, expected: x, actual: y, detail: tolerance.mismatchDetail(u, v))
                }
                return
            }
            Self.compareText(x, y, location: location, tolerance: tolerance, into: &collector)
        case (.number(let x, let xInteger, let xText), .number(let y, let yInteger, let yText)):
            if tolerance.exactIntegers && xInteger && yInteger {
                if xText != yText {
                    collector.add(kind: .number, location: location, expected: xText, actual: yText, detail: "integers differ")
                }
            } else if !tolerance.matches(x, y) {
                collector.add(kind: .number, location: location, expected: xText, actual: yText, detail: tolerance.mismatchDetail(x, y))
            }
        case (.number, .string), (.string, .number):
            if let u = a.numericValue, let v = b.numericValue {
                if !tolerance.matches(u, v) {
                    collector.add(kind: .number, location: location, expected: a.plainText,
                                  actual: b.plainText, detail: tolerance.mismatchDetail(u, v))
                }
            } else {
                collector.add(kind: .structure, location: location, expected: a.summary, actual: b.summary,
                              detail: "expected a \(a.typeName), got a \(b.typeName)")
            }
        case (.array(let x), .array(let y)):
            if x.count != y.count {
                collector.add(kind: .structure, location: location, expected: "\(x.count) elements", actual: "\(y.count) elements",
                              detail: "array lengths differ")
            }
            for index in 0..<min(x.count, y.count) {
                compareJSONValues(x[index], y[index], path: Self.elementPath(path, index, x[index]), into: &collector)
            }
        case (.object(let x), .object(let y)):
            let missing = x.keys.filter { y[$0] == nil }.sorted(), extra = y.keys.filter { x[$0] == nil }.sorted()
            for key in missing {
                collector.add(kind: .structure, location: Self.memberPath(path, key, x[key] as Any), expected: "present",
                              actual: "missing", detail: "key missing from the rebuilt file")
            }
            for key in extra {
                collector.add(kind: .structure, location: Self.memberPath(path, key, y[key] as Any), expected: "absent",
                              actual: "present", detail: "key not in the committed file")
            }
            for key in x.keys.sorted() {
                guard let u = x[key], let v = y[key] else { continue }
                compareJSONValues(u, v, path: Self.memberPath(path, key, u), into: &collector)
            }
        default:
            collector.add(kind: .structure, location: location, expected: a.summary, actual: b.summary,
                          detail: "expected a \(a.typeName), got a \(b.typeName)")
        }
    }

    /// `path.key`, with `(line N)` when the value is an object with an integer `line` field.
    static func memberPath(_ path: String, _ key: String, _ value: Any) -> String {
        let isIdentifier = !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
        let member = isIdentifier ? key : "[\(quoted(key))]"
        let joined = path.isEmpty || !isIdentifier ? path + member : path + "." + member
        return joined + lineSuffix(value)
    }

    /// `path[index]`, with `(line N)` when the element is an object with an integer `line` field.
    static func elementPath(_ path: String, _ index: Int, _ value: Any) -> String {
        path + "[\(index)]" + lineSuffix(value)
    }

    /// ` (line N)` for objects with an integer `line` field, else empty.
    static func lineSuffix(_ value: Any) -> String {
        guard let object = value as? [String: Any], let line = object["line"],
              case .number(_, isInteger: true, let text) = JSONNode(line) else { return "" }
        return "(line \(text))"
    }
}
