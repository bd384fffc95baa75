import Foundation

/// How normbook runs the programs it starts so that they never outlive it and, for chapter
/// programs, cannot reach what they should not.
///
/// Built on existing tools rather than hand-written namespace code:
/// - **bubblewrap** (`bwrap`, Debian's `bubblewrap`). Chapter programs run sandboxed: the
///   whole file system read-only, a private `/tmp`, no network, no capabilities, their own
///   process namespace; writable are only the chapter's scratch folder and its events file.
///   Every program (the compiler too) runs with `--die-with-parent` in its own process
///   namespace, so when normbook dies — even by SIGKILL — the kernel ends the program and
///   everything it started.
/// - **util-linux** `prlimit` sets the kernel resource limits (`ResourceLimits`) and, where
///   bubblewrap is missing and the user allowed running without a sandbox, `setpriv
///   --pdeathsig KILL` makes the direct child die with normbook.
struct ProcessIsolation: Sendable, Equatable {
    /// Whether chapter programs are sandboxed.
    var sandboxed: Bool
    /// bubblewrap, when it can create the namespaces it needs here.
    var bwrap: String?
    /// util-linux's setpriv, the fallback way to die with normbook.
    var setpriv: String?
    /// util-linux's prlimit.
    var prlimit: String?

    /// What this machine offers, probed once per process.
    private static let probe = Probe.run()

    /// The isolation a build uses: with the sandbox when `sandbox` is true (and an error when it
    /// cannot be had), without it otherwise.
    static func prepare(sandbox: Bool) throws -> ProcessIsolation {
        let probe = Self.probe
        if sandbox && !probe.sandboxWorks {
            throw NotebookError.sandboxUnavailable(reason: probe.problem ?? "bubblewrap (bwrap) is not installed")
        }
        return ProcessIsolation(
            sandboxed: sandbox, bwrap: probe.containWorks ? probe.bwrap : nil, setpriv: probe.setpriv, prlimit: probe.prlimit)
    }

    /// What this machine offers (for `normbook doctor`).
    static var currentProbe: Probe { probe }

    /// The best isolation this machine offers: sandboxed when bubblewrap works (for `normbook
    /// doctor`, which reports rather than refuses).
    static func prepareForDoctor() -> ProcessIsolation {
        ProcessIsolation(
            sandboxed: probe.sandboxWorks, bwrap: probe.containWorks ? probe.bwrap : nil, setpriv: probe.setpriv,
            prlimit: probe.prlimit)
    }

    /// A command that runs `executable` in `directory`, dying with normbook.
    func contained(_ executable: String, _ arguments: [String], in directory: String) -> [String] {
        if let bwrap {
            return [bwrap, "--die-with-parent", "--unshare-pid", "--dev-bind", "/", "/", "--proc", "/proc",
                "--chdir", directory, "--", executable] + arguments
        }
        return parentDeath + Self.changingDirectory(to: directory, then: [executable] + arguments)
    }

    /// A command that runs a chapter program from the project root under `limits`, sandboxed
    /// when this isolation is: `readOnly` folders are visible (the project, the program, the
    /// engine), `writable` ones are the only places it can write.
    func chapter(
        _ executable: String, projectRoot: String, readOnly: [String], writable: [String], limits: [String]
    ) -> [String] {
        let limited = (prlimit.map { [$0] + limits + ["--"] } ?? []) + [executable]
        guard let bwrap else {
            return parentDeath + (prlimit.map { [$0] + limits + ["--"] } ?? [])
                + Self.changingDirectory(to: projectRoot, then: [executable])
        }
        guard sandboxed else {
            return [bwrap, "--die-with-parent", "--unshare-pid", "--dev-bind", "/", "/", "--proc", "/proc",
                "--chdir", projectRoot, "--"] + limited
        }
        var command = [bwrap, "--die-with-parent", "--unshare-all", "--cap-drop", "ALL", "--new-session",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
        // Folders under /tmp were hidden by the private /tmp: bind them again, parents first.
        for path in readOnly.sorted() { command += ["--ro-bind", path, path] }
        for path in writable.sorted() { command += ["--bind", path, path] }
        return command + ["--chdir", projectRoot, "--"] + limited
    }

    private var parentDeath: [String] { setpriv.map { [$0, "--pdeathsig", "KILL", "--"] } ?? [] }

    /// `/bin/sh` changes to `directory` and execs the program (same process, same group):
    /// glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift.
    private static func changingDirectory(to directory: String, then command: [String]) -> [String] {
        ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command
    }

    /// What bubblewrap can do on this machine.
    struct Probe {
        var bwrap: String?
        var setpriv: String?
        var prlimit: String?
        var sandboxWorks = false
        var containWorks = false
        var problem: String?

        static func run() -> Probe {
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            var probe = Probe(
                bwrap: ExecutableSearch.find("bwrap", path: path), setpriv: ExecutableSearch.find("setpriv", path: path),
                prlimit: ExecutableSearch.find("prlimit", path: path))
            guard let bwrap = probe.bwrap else {
                probe.problem = "bubblewrap (bwrap) is not installed"
                return probe
            }
            let sandbox = attempt([bwrap, "--die-with-parent", "--unshare-all", "--cap-drop", "ALL", "--new-session",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--", "/bin/true"])
            probe.sandboxWorks = sandbox == nil
            if let sandbox { probe.problem = "bubblewrap cannot create a sandbox here: \(sandbox)" }
            probe.containWorks = attempt([bwrap, "--die-with-parent", "--unshare-pid", "--dev-bind", "/", "/",
                "--proc", "/proc", "--", "/bin/true"]) == nil
            return probe
        }

        /// nil when `command` ran and exited 0, else what it said.
        private static func attempt(_ command: [String]) -> String? {
            do {
                let outcome = try ChildProcess(command: command, environment: ProcessInfo.processInfo.environment).run()
                if outcome.termination.succeeded { return nil }
                let said = outcome.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                return said.isEmpty ? outcome.termination.description : said
            } catch {
                return "\(error)"
            }
        }
    }
}

/// Finds programs on PATH.
enum ExecutableSearch {
    static func find(_ name: String, path: String) -> String? {
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
