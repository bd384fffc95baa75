import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import Notebook

@Suite("Machine-readable verification reports")
struct VerificationReportTests {
    /// Cases with every character XML needs escaped, and a control character it cannot hold.
    static let tricky = VerificationReport(
        cases: [
            VerificationCase(suite: "chapters/01-norms.md", name: "000-d"),
            VerificationCase(
                suite: "chapters/01-norms.md", name: "000-e <L1 & \"L2\">",
                failure: "expected 'holds', got 'refuted' \u{1}& <more>",
                details: ["ratio = 0.5 < 1", "tab\there", "bell\u{7} removed"]),
            VerificationCase(suite: "chapters/02-clip.md", name: "001-a", details: ["ran 3 seeds"]),
        ],
        differences: [
            ReportDifference(kind: .number, file: "_results/01-norms.json", location: "values.mean",
                             expected: "0.25", actual: "0.2503", detail: "relative difference 1.2e-3 > 1e-6"),
            ReportDifference(kind: .missingFile, file: "figures/01-norms-1.png", expected: "present", actual: "missing"),
        ])

    @Test("Summary counts and the overall verdict")
    func summary() {
        let report = Self.tricky
        #expect(report.summary == VerificationReport.Summary(cases: 3, passed: 2, failed: 1, differences: 2))
        #expect(!report.passed)
        #expect(VerificationReport(cases: [VerificationCase(suite: "s", name: "n")]).passed)
        #expect(!VerificationReport(cases: [VerificationCase(suite: "s", name: "n")], differences: [Self.tricky.differences[0]]).passed)
    }

    @Test("The JSON report round-trips and carries the summary, verdict and readable lines")
    func jsonRoundTrip() throws {
        let data = try Self.tricky.jsonData()
        #expect(try VerificationReport.decode(from: data) == Self.tricky)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["passed"] as? Bool == false)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["failed"] as? Int == 1)
        let differences = try #require(object["differences"] as? [[String: Any]])
        #expect(differences.first?["description"] as? String
            == "_results/01-norms.json: values.mean: expected 0.25, got 0.2503 (relative difference 1.2e-3 > 1e-6)")
        // Sorted keys: the same report gives the same bytes.
        #expect(try Self.tricky.jsonData() == data)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.contains("\"_results/01-norms.json\""))
    }

    @Test("JUnit XML escapes text and removes control characters")
    func junitEscaping() {
        let xml = Self.tricky.junitXML()
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        #expect(xml.contains(#"name="000-e &lt;L1 &amp; &quot;L2&quot;&gt;""#))
        #expect(xml.contains(#"message="expected &apos;holds&apos;, got &apos;refuted&apos; &amp; &lt;more&gt;""#))
        #expect(xml.contains("ratio = 0.5 &lt; 1"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(xml.contains("bell removed"))
    }

    @Test("JUnit XML has one testsuite per suite and one testcase per case")
    func junitStructure() throws {
        let xml = Self.tricky.junitXML()
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "5")
        #expect(root.attribute(forName: "failures")?.stringValue == "3")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" }
            == ["chapters/01-norms.md", "chapters/02-clip.md", "report files"])
        #expect(suites.map { $0.attribute(forName: "tests")?.stringValue ?? "" } == ["2", "1", "2"])
        #expect(suites.map { $0.attribute(forName: "failures")?.stringValue ?? "" } == ["1", "0", "2"])

        let first = suites[0].elements(forName: "testcase")
        #expect(first.map { $0.attribute(forName: "name")?.stringValue ?? "" } == ["000-d", "000-e <L1 & \"L2\">"])
        #expect(first.map { $0.attribute(forName: "classname")?.stringValue ?? "" } == ["chapters/01-norms.md", "chapters/01-norms.md"])
        #expect(first[0].elements(forName: "failure").isEmpty)
        let failure = try #require(first[1].elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "expected 'holds', got 'refuted' & <more>")
        #expect(failure.stringValue == "expected 'holds', got 'refuted' & <more>\nratio = 0.5 < 1\ntab\there\nbell removed")

        let files = suites[2].elements(forName: "testcase")
        #expect(files.map { $0.attribute(forName: "name")?.stringValue ?? "" } == ["_results/01-norms.json", "figures/01-norms-1.png"])
        #expect(files.allSatisfy { !$0.elements(forName: "failure").isEmpty })
        #else
        // No XML parser: check the nesting by counting tags.
        #expect(xml.components(separatedBy: "<testsuite ").count - 1 == 3)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 5)
        #expect(xml.components(separatedBy: "<failure ").count - 1 == 3)
        #endif
    }

    @Test("A report-files suite given by the caller is not duplicated; passing files are listed")
    func fileCases() throws {
        let differences = Self.tricky.differences
        let cases = VerificationCase.fileCases(
            differences: differences, comparedFiles: ["index.html", "_results/01-norms.json"])
        #expect(cases.map(\.name) == ["_results/01-norms.json", "figures/01-norms-1.png", "index.html"])
        #expect(cases.map(\.passed) == [false, false, true])
        #expect(cases[1].failure == "missing from the rebuilt report")
        #expect(cases[0].details == [differences[0].description])
        let xml = VerificationReport(cases: cases, differences: differences).junitXML()
        #expect(xml.components(separatedBy: "<testsuite ").count - 1 == 1)
        #expect(xml.contains(#"<testcase classname="report files" name="index.html"/>"#))
    }

    @Test("An empty report is valid, passing JUnit")
    func empty() throws {
        let report = VerificationReport(cases: [])
        #expect(report.passed)
        let xml = report.junitXML()
        #expect(xml.contains(#"<testsuites name="normbook verify" tests="0" failures="0" errors="0">"#))
        #if canImport(FoundationXML) || os(macOS)
        _ = try XMLDocument(xmlString: xml, options: [])
        #endif
    }
}
