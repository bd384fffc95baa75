#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Runs a program as a child in its own process group, with stdout and stderr written to files,
/// and kills the whole group when the caller's watchdog says so.
///
/// Hand-written on posix_spawn because the pipeline needs three things together that
/// Foundation's `Process` does not give on Linux: a new process group (so a timeout also kills
/// anything the chapter started), output redirected straight to files (no pipe to drain, no
/// deadlock on large output), and a synchronous wait that polls a watchdog between checks.
struct ChildProcess {
    /// How a child ended.
    enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (e.g. SIGILL for a Swift trap, SIGKILL after a timeout).
        case signalled(Int32)

        var succeeded: Bool { self == .exited(0) }
    }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var workingDirectory: String
    var stdoutPath: String
    var stderrPath: String

    /// Starts the child and waits for it. `watchdog` is called about every 10 ms while the child
    /// runs; when it returns true the child's process group is killed.
    func run(watchdog: () -> Bool) throws -> Termination {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigfillset(&defaultSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)

        // The working directory is set by a shell that then execs the program (same pid, same
        // process group): glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift.
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDirectory, executable] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw ChildProcessError(executable: executable, reason: String(cString: strerror(status)))
        }
        var waitStatus: Int32 = 0
        while true {
            let result = waitpid(pid, &waitStatus, WNOHANG)
            if result == pid { break }
            if result == -1 && errno != EINTR {
                throw ChildProcessError(executable: executable, reason: String(cString: strerror(errno)))
            }
            if watchdog() {
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
                break
            }
            usleep(10_000)
        }
        // Anything the child left running in its group goes too.
        kill(-pid, SIGKILL)
        let signal = waitStatus & 0x7f
        if signal == 0 { return .exited((waitStatus >> 8) & 0xff) }
        return .signalled(signal)
    }
}

/// A child could not be started or waited for.
struct ChildProcessError: Error, CustomStringConvertible {
    var executable: String
    var reason: String
    var description: String { "could not run \(executable): \(reason)" }
}
