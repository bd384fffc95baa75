import ArgumentParser

/// normbook's documented exit codes.
enum ExitStatus: Int32 {
    /// Everything built (or verified).
    case success = 0
    /// A chapter failed (or, for verify, the report differs or a verdict is unexpected).
    case failures = 1
    /// The command line or the project is unusable (bad option, no chapters, no compiler…).
    case usage = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
