import Foundation
import Testing

@testable import Notebook

/// `normbook verify` on a fixture whose claim is decided by a data file.
@Suite(.serialized)
struct VerifyEndToEndTests {
    func verifier(_ project: FixtureProject, record: Bool = false) -> ReportVerifier {
        ReportVerifier(options: project.options(allowFailures: false), record: record)
    }

    func setValue(_ text: String, in project: FixtureProject) throws {
        try Data((text + "\n").utf8).write(to: project.root.appendingPathComponent("chapters/data/value.txt"))
    }

    @Test func recordThenVerifyPassesAndAnUnchangedTreeVerifies() throws {
        let project = try FixtureProject.copy("verify-project")
        let recorded = try verifier(project, record: true).verify()
        #expect(recorded.report.passed)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("output/01-claim.html").path))
        let verified = try verifier(project).verify()
        #expect(verified.report.passed)
        #expect(verified.report.differences.isEmpty)
        #expect(verified.report.cases.contains { $0.name.hasPrefix("claim 900-a") && $0.passed })
    }

    @Test func aNumberChangedBeyondToleranceIsReportedWithBothValues() throws {
        let project = try FixtureProject.copy("verify-project")
        _ = try verifier(project, record: true).verify()
        try setValue("0.5000000001", in: project)
        #expect(try verifier(project).verify().report.differences.filter { $0.kind == .number }.isEmpty)

        try setValue("0.6", in: project)
        let outcome = try verifier(project).verify()
        #expect(!outcome.report.passed)
        let number = try #require(outcome.report.differences.first {
            $0.file == "_results/01-claim.json" && $0.kind == .number && $0.location.contains("claims[0].parts[0].evidence")
        })
        #expect(number.expected == "0.5" && number.actual == "0.6")
        // The claim still holds, so only the report differs.
        #expect(outcome.report.cases.contains { $0.name.hasPrefix("claim 900-a") && $0.passed })
        #expect(outcome.keptReport != nil)
    }

    @Test func aMarginThatShrankIsNotedWithBothValues() throws {
        let project = try FixtureProject.copy("verify-project")
        try setValue("0.5", in: project)
        _ = try verifier(project, record: true).verify()
        try setValue("0.98", in: project)
        let outcome = try verifier(project).verify()
        // value < 1: the margin |v − 1| / 1 went from 50 % to 2 %, below the 5 % fragile level.
        #expect(outcome.report.claimNotes == [
            ClaimStabilityNote(claim: "900-a", message: "margin shrank from 50 % to 2.0 % (now fragile)")
        ])
        let json = String(decoding: try outcome.report.jsonData(), as: UTF8.self)
        #expect(json.contains("margin shrank from 50 %"))
        // The claim's case carries its rule with the numbers, for CI's JUnit view.
        let junit = outcome.report.junitXML()
        #expect(junit.contains("900-a: rule value &lt; 1; value 0.98 &lt; 1 → true → holds"))
    }

    @Test func aChapterThatStatesAVerdictDoesNotCompile() throws {
        let chapter = """
            # V

            ```swift
            //| claim: 900-v
            //| expect: holds
            decide("It holds", evidence: ["x": 1.0], verdict: .holds)
            ```

            """
        let project = try FixtureProject.make(["01-verdict.md": chapter])
        let summary = try ReportBuilder(options: project.options(allowFailures: true)).build()
        let chapterSummary = try #require(summary.chapters.first)
        #expect(chapterSummary.status == .failed)
        let error = try #require(chapterSummary.diagnostics.first { $0.severity == .error })
        #expect(error.location?.line == 6)
    }

    @Test func aClaimWhoseEvidenceFlipsItsVerdictFailsAndIsNamed() throws {
        let project = try FixtureProject.copy("verify-project")
        _ = try verifier(project, record: true).verify()
        try setValue("2.5", in: project)
        let outcome = try verifier(project).verify()
        let claim = try #require(outcome.report.cases.first { $0.name.hasPrefix("claim 900-a") })
        #expect(claim.failure == "claim 900-a: computed verdict 'refuted', expected 'holds'")
        #expect(outcome.report.junitXML().contains("claim 900-a"))

        let cli = try CommandLine.run(["verify", "--junit", "junit.xml", "--json", "verify.json"], in: project.root)
        #expect(cli.status == 1)
        #expect(cli.stderr.contains("claim 900-a: computed verdict 'refuted', expected 'holds'"))
        let junit = try project.read("junit.xml")
        #expect(junit.contains("<failure"))
        let json = try JSONSerialization.jsonObject(with: Data(try project.read("verify.json").utf8)) as? [String: Any]
        #expect(json?["differences"] != nil)
    }

    @Test func theCommandLineExitsZeroWhenVerifiedAndTwoOnUsageErrors() throws {
        let project = try FixtureProject.copy("verify-project")
        #expect(try CommandLine.run(["verify", "--record"], in: project.root).status == 0)
        let verified = try CommandLine.run(["verify"], in: project.root)
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("Verified: output/ matches the rebuilt report; 1 of 1 claims have their expected verdict."))
        #expect(try CommandLine.run(["verify", "--tolerance", "-1"], in: project.root).status == 2)
    }
}
