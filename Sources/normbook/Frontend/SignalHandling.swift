#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Dispatch
import Notebook

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP end a build cleanly: every child process group is
/// killed, staging folders are removed, one line is printed and normbook exits with 128 + the
/// signal (130 for Ctrl-C). A report swap in progress finishes first, so the output folder is
/// always a whole report. (`sources` is written once, by its lazy initializer, and only kept
/// alive afterwards, hence `nonisolated(unsafe)`.)
enum SignalHandling {
    nonisolated(unsafe) private static let sources: [DispatchSourceSignal] = [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            let outcome = BuildLifecycle.shared.interrupt()
            FileOutput.standardError.write("\n" + outcome.message + "\n")
            exit(128 + signalNumber)
        }
        source.resume()
        return source
    }

    /// Starts handling the signals (once).
    static func install() { _ = sources }
}
