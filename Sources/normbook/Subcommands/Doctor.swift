import ArgumentParser
import Foundation
import Notebook

/// `normbook doctor`: what normbook finds on this machine, and a one-line chapter built with it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this machine: version, compiler, chapter kit, BLAS, sandbox, assets; compile and run a one-line chapter.",
        discussion: "Exit status 0 when chapters can be built here, 1 when a check failed (its line says what to do).")

    func run() throws {
        let findings = Doctor(directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).examine()
        let width = findings.map(\.topic.count).max() ?? 0
        for finding in findings {
            let mark: String
            switch finding.status {
            case .ok: mark = "ok  "
            case .warning: mark = "warn"
            case .failed: mark = "FAIL"
            }
            let padded = finding.topic.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "\(mark)  \(padded)  \(finding.detail)\n"
            if let hint = finding.hint { line += String(repeating: " ", count: width + 8) + "hint: \(hint)\n" }
            FileOutput.standardOutput.write(line)
        }
        if findings.contains(where: { $0.status == .failed }) { throw ExitCode(1) }
    }
}
