import ArgumentParser
import Notebook

/// normbook's documented exit codes.
enum ExitStatus: Int32 {
    /// Everything built (or verified).
    case success = 0
    /// A chapter failed (or, for verify, the report differs or a verdict is unexpected).
    case failures = 1
    /// The command line or the project is unusable (bad option, no chapters, no compiler…).
    case usage = 2

    /// Interrupted by Ctrl-C (128 + SIGINT).
    case interrupted = 130

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The exit code for an error that stopped the build before a report was written.
    static func exitCode(for error: NotebookError) -> ExitCode {
        if case .interrupted = error { return ExitStatus.interrupted.exitCode }
        return ExitStatus.usage.exitCode
    }
}
