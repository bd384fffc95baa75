#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Dispatch
import Notebook

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP end normbook cleanly: every child process group is
/// killed and staging folders are removed. A build prints one line and exits with 128 + the
/// signal (130 for Ctrl-C); a report swap in progress finishes first, so the output folder is
/// always a whole report. The preview (`serve`) exits 0: stopping it is how it ends.
/// (`sources` is written once, by its lazy initializer, and only kept alive afterwards; `mode`
/// is set once, before it; hence `nonisolated(unsafe)`.)
enum SignalHandling {
    /// What a signal ends.
    enum Mode { case build, preview }

    nonisolated(unsafe) private static var mode = Mode.build

    nonisolated(unsafe) private static let sources: [DispatchSourceSignal] = [SIGINT, SIGTERM, SIGHUP].map { signalNumber in
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler {
            switch mode {
            case .build:
                let outcome = BuildLifecycle.shared.interrupt()
                FileOutput.standardError.write("\n" + outcome.message + "\n")
                exit(128 + signalNumber)
            case .preview:
                FileOutput.standardOutput.write("\nStopping the preview.\n")
                stop(status: 0)
            }
        }
        source.resume()
        return source
    }

    /// Starts handling the signals (once).
    static func install(_ mode: Mode = .build) {
        self.mode = mode
        _ = sources
    }

    /// Kills every child and exits with `status`.
    static func stop(status: Int32) -> Never {
        _ = BuildLifecycle.shared.interrupt()
        exit(status)
    }
}
