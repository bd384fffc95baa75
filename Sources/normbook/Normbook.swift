import ArgumentParser
import Notebook

/// The `normbook` command: parses arguments, runs a subcommand, maps errors to exit codes.
@main
struct Normbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normbook",
        abstract: "Turn Markdown chapters with Swift blocks into an HTML report whose numbers, charts and verdicts come from running them.",
        version: NotebookIdentity.version,
        subcommands: [Initialize.self, Build.self, Serve.self, Verify.self, Merge.self, Clean.self, CacheCommand.self, DoctorCommand.self],
        defaultSubcommand: nil)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            fail(with: error)
        }
    }

    /// Exit codes: usage errors are 2 (not ArgumentParser's 64), so scripts can tell them apart
    /// from a build whose chapters failed (1).
    static func fail(with error: any Error) -> Never {
        if let exitCode = error as? ExitCode {
            Self.exit(withError: exitCode as Error?)
        }
        let code = exitCode(for: error)
        if code == .validationFailure {
            FileOutput.standardError.write(fullMessage(for: error) + "\n")
            FileOutput.standardError.write("Run `normbook help` for usage.\n")
            Self.exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        Self.exit(withError: error as Error?)
    }
}
