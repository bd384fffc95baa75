#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Runs a program as a child in its own process group, reads its stdout and stderr through
/// pipes into bounded captures, and kills the whole group when the caller's watchdog says so.
///
/// Hand-written on posix_spawn because the pipeline needs these together, which neither
/// Foundation's `Process` nor swift-subprocess gives on Linux: a new process group (so a
/// timeout also kills anything the chapter started), output read incrementally with a bound
/// on what is kept (a chapter printing gigabytes costs neither memory nor disk), a synchronous
/// wait that polls a watchdog, and registration with `BuildLifecycle` atomically with the
/// spawn (so an interruption kills every child). Dying with normbook (even on SIGKILL) is the
/// job of the wrapper `ProcessIsolation` puts in front of the command.
struct ChildProcess {
    /// How a child ended.
    enum Termination: Equatable, Sendable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it (e.g. SIGILL for a Swift trap, SIGKILL after a timeout).
        case signalled(Int32)

        var succeeded: Bool { self == .exited(0) }

        /// E.g. "exit status 3" or "signal 4".
        var description: String {
            switch self {
            case .exited(let status): return "exit status \(status)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    /// What a child produced.
    struct Outcome {
        var termination: Termination
        var stdout: String
        var stderr: String
        var stdoutCuts: [OutputCapture.Cut]
        var stderrCuts: [OutputCapture.Cut]
    }

    /// The program and its arguments; `command[0]` is a path.
    var command: [String]
    var environment: [String: String]
    /// Bytes of output kept per block and in all, for each stream.
    var perBlockOutput = 4 << 20
    var totalOutput = 16 << 20

    /// Starts the child and waits for it. `watchdog` is called about every 10 ms while the child
    /// runs; when it returns true the child's process group is killed.
    func run(watchdog: () -> Bool = { false }) throws -> Outcome {
        guard let executable = command.first else { throw ChildProcessError(executable: "", reason: "no program given") }
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        var readEnds: [Int32] = []
        defer { readEnds.filter { $0 >= 0 }.forEach { close($0) } }

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

        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }

        // Pipes are made and marked close-on-exec under the lifecycle's lock, which every
        // spawn takes, so no other child can inherit them (pipe2 is not visible to Swift).
        let pid = try BuildLifecycle.shared.start {
            guard pipe(&outPipe) == 0 else { throw ChildProcessError(executable: executable, reason: String(cString: strerror(errno))) }
            guard pipe(&errPipe) == 0 else {
                outPipe.forEach { close($0) }
                throw ChildProcessError(executable: executable, reason: String(cString: strerror(errno)))
            }
            for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            readEnds = [outPipe[0], errPipe[0]]
            defer { close(outPipe[1]); close(errPipe[1]) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            var pid: pid_t = 0
            let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            guard status == 0 else {
                throw ChildProcessError(executable: executable, reason: String(cString: strerror(status)))
            }
            return pid
        }
        defer { BuildLifecycle.shared.finished(pid) }
        for fd in readEnds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }

        var captures = [
            OutputCapture(perBlock: perBlockOutput, total: totalOutput),
            OutputCapture(perBlock: perBlockOutput, total: totalOutput, tail: 64 << 10),
        ]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        /// Reads what is available; returns false once every stream reached its end.
        func drain(waitMilliseconds: Int32) -> Bool {
            var polls = readEnds.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            guard !polls.isEmpty else { return false }
            _ = poll(&polls, nfds_t(polls.count), waitMilliseconds)
            for p in polls where p.revents != 0 {
                guard let slot = readEnds.firstIndex(of: p.fd) else { continue }
                // Read at most a few chunks per stream per turn so the watchdog keeps running.
                for _ in 0..<16 {
                    let n = chunk.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
                    if n > 0 {
                        chunk.withUnsafeBytes { captures[slot].append(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
                        continue
                    }
                    if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        close(p.fd)
                        readEnds[slot] = -1
                    }
                    break
                }
            }
            return readEnds.contains { $0 >= 0 }
        }

        var waitStatus: Int32 = 0
        var exited = false
        while !exited {
            _ = drain(waitMilliseconds: 10)
            let result = waitpid(pid, &waitStatus, WNOHANG)
            if result == pid { exited = true; break }
            if result == -1 && errno != EINTR {
                kill(-pid, SIGKILL)
                throw ChildProcessError(executable: executable, reason: String(cString: strerror(errno)))
            }
            if watchdog() {
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
                exited = true
            }
        }
        // Anything the child left running in its group goes too; then read what is left.
        kill(-pid, SIGKILL)
        let deadline = Date().addingTimeInterval(2)
        while drain(waitMilliseconds: 50), Date() < deadline {}

        let (stdout, stdoutCuts) = captures[0].finish()
        let (stderr, stderrCuts) = captures[1].finish()
        let signal = waitStatus & 0x7f
        let termination: Termination = signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal)
        return Outcome(termination: termination, stdout: stdout, stderr: stderr, stdoutCuts: stdoutCuts, stderrCuts: stderrCuts)
    }
}

/// A child could not be started or waited for.
struct ChildProcessError: Error, CustomStringConvertible {
    var executable: String
    var reason: String
    var description: String { "could not run \(executable): \(reason)" }
}
