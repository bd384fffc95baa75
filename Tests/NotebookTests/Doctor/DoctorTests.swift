import Foundation
import Testing

@testable import Notebook

struct DoctorTests {
    static let here = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path)

    @Test func onThisMachineEveryCheckPassesAndTheTrialChapterRuns() throws {
        let findings = Doctor(directory: Self.here).examine()
        let failed = findings.filter { $0.status == .failed }
        #expect(failed.isEmpty, "\(failed)")
        let trial = try #require(findings.first { $0.topic == "trial chapter" })
        #expect(trial.detail.hasPrefix("compiled in"))
        // The chapter itself reported the BLAS library it linked.
        let blas = try #require(findings.first { $0.topic == "BLAS in chapters" })
        #expect(blas.detail.contains("OpenBLAS"))
    }

    @Test func withoutACompilerTheCompilerCheckFailsWithAHintAndNoChapterIsTried() throws {
        let findings = Doctor(directory: Self.here, environment: ["PATH": "/nonexistent"]).examine()
        let compiler = try #require(findings.first { $0.topic == "compiler" })
        #expect(compiler.status == .failed)
        #expect(compiler.hint?.contains("SWIFTC") == true)
        let trial = try #require(findings.first { $0.topic == "trial chapter" })
        #expect(trial.status == .failed)
        #expect(trial.detail.contains("not run"))
    }

    @Test func aBrokenProjectFileIsReportedWithItsLocation() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("title: x\ntitel: y\n".utf8).write(to: root.appendingPathComponent("normbook.yml"))
        let findings = Doctor(directory: root, environment: ["PATH": "/nonexistent"]).examine()
        let project = try #require(findings.first { $0.topic == "project" })
        #expect(project.status == .failed)
        #expect(project.detail.contains("normbook.yml:2"))
    }
}
