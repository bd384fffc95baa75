import Foundation

extension VerificationReport {
    /// The report as JUnit XML: `<testsuites>` holding one `<testsuite>` per suite (in order of
    /// first appearance) and one `<testcase>` per case, failing ones with a `<failure>`.
    ///
    /// When there are differences but no case in the ``VerificationCase/reportFilesSuite`` suite,
    /// a "report files" suite with one failing case per differing file is added, so a report
    /// that did not pass never reads as passing in CI.
    public func junitXML() -> String {
        var all = cases
        if !differences.isEmpty, !cases.contains(where: { $0.suite == VerificationCase.reportFilesSuite }) {
            all += VerificationCase.fileCases(differences: differences)
        }
        var order: [String] = []
        var bySuite: [String: [VerificationCase]] = [:]
        for item in all {
            if bySuite[item.suite] == nil { order.append(item.suite) }
            bySuite[item.suite, default: []].append(item)
        }
        let failures = all.filter { !$0.passed }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"normbook verify\" tests=\"\(all.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        for suite in order {
            let members = bySuite[suite] ?? []
            let suiteFailures = members.filter { !$0.passed }.count
            xml += "  <testsuite name=\"\(XMLText.attribute(suite))\" tests=\"\(members.count)\""
            xml += " failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"0\">\n"
            for member in members {
                let head = "    <testcase classname=\"\(XMLText.attribute(suite))\" name=\"\(XMLText.attribute(member.name))\""
                if let failure = member.failure {
                    xml += head + ">\n"
                    xml += "      <failure message=\"\(XMLText.attribute(failure))\">"
                    xml += XMLText.content(([failure] + member.details).joined(separator: "\n"))
                    xml += "</failure>\n"
                    xml += "    </testcase>\n"
                } else if !member.details.isEmpty {
                    xml += head + ">\n"
                    xml += "      <system-out>" + XMLText.content(member.details.joined(separator: "\n")) + "</system-out>\n"
                    xml += "    </testcase>\n"
                } else {
                    xml += head + "/>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}

/// Escaping of text for XML 1.0.
enum XMLText {
    /// Whether XML 1.0 allows the scalar at all (tab, newline and carriage return are the only
    /// control characters it allows; U+FFFE and U+FFFF are excluded).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `text` escaped for element content, with characters XML cannot hold removed.
    static func content(_ text: String) -> String { escape(text, inAttribute: false) }

    /// `text` escaped for a double-quoted attribute value; line breaks and tabs are kept as
    /// character references so parsers do not turn them into spaces.
    static func attribute(_ text: String) -> String { escape(text, inAttribute: true) }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = String.UnicodeScalarView()
        func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": append("&apos;")
            case "\r": append("&#13;")
            case "\n" where inAttribute: append("&#10;")
            case "\t" where inAttribute: append("&#9;")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
