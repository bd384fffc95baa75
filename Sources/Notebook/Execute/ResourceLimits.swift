import Foundation

/// The limits a chapter program runs under. Defaults a laptop survives; a project raises them
/// with command-line options, a chapter with `limits:` in its front matter.
///
/// Memory, CPU time, file size and process count are kernel resource limits (`setrlimit`, set
/// by util-linux's `prlimit` just before the program starts), so they hold even if normbook
/// itself dies. The output limits are applied by normbook while it reads the program's output.
public struct ResourceLimits: Codable, Sendable, Equatable {
    /// Address space (virtual memory) of the program.
    public var memory: ByteSize? = .gibibytes(4)
    /// CPU seconds the program may use; nil means the chapter's timeout.
    public var cpuSeconds: Double?
    /// The largest file the program may write.
    public var fileSize: ByteSize? = .gibibytes(1)
    /// How many more processes (threads) the program may start. Linux does not apply this limit
    /// to root; the sandbox's process namespace and the timeouts still end a runaway chapter.
    public var processes: Int? = 256
    /// Printed output kept per block (stdout and stderr each); the rest is cut with a note.
    public var blockOutput: ByteSize = .mebibytes(1)
    /// Printed output kept per chapter (stdout and stderr each).
    public var chapterOutput: ByteSize = .mebibytes(10)

    /// The defaults.
    public init() {}

    /// These limits with a chapter's front matter (or the project's settings) applied on top.
    func applying(_ overrides: FrontMatter.Limits) -> ResourceLimits {
        var limits = self
        if let memory = overrides.memory { limits.memory = memory }
        if let cpu = overrides.cpuSeconds { limits.cpuSeconds = cpu }
        if let size = overrides.fileSize { limits.fileSize = size }
        if let processes = overrides.processes { limits.processes = processes }
        if let block = overrides.blockOutput { limits.blockOutput = block }
        if let chapter = overrides.chapterOutput { limits.chapterOutput = chapter }
        return limits
    }

    /// The `prlimit` options for a program whose chapter may run `timeout` seconds.
    ///
    /// The CPU limit's soft value sends SIGXCPU, the hard one (5 s later) SIGKILL. The process
    /// limit counts every process of the user (that is how Linux counts it), so it is set above
    /// what the user already runs.
    func prlimitArguments(timeout: Double, userProcesses: Int) -> [String] {
        var arguments: [String] = []
        if let memory { arguments.append("--as=\(memory.bytes)") }
        let cpu = max(1, Int((cpuSeconds ?? timeout).rounded(.up)))
        arguments.append("--cpu=\(cpu):\(cpu + 5)")
        if let fileSize { arguments.append("--fsize=\(fileSize.bytes)") }
        if let processes { arguments.append("--nproc=\(userProcesses + processes)") }
        return arguments
    }

    /// The number of threads the current user runs now, from /proc.
    static func currentUserThreads() -> Int {
        let uid = getuid()
        var count = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where name.first?.isNumber == true {
            guard let status = try? String(contentsOfFile: "/proc/\(name)/status", encoding: .utf8) else { continue }
            var owner: UInt32?
            var threads = 1
            for line in status.split(separator: "\n") {
                if line.hasPrefix("Uid:") { owner = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst().first.flatMap { UInt32($0) } }
                if line.hasPrefix("Threads:") { threads = Int(line.dropFirst(8).trimmingCharacters(in: .whitespaces)) ?? 1 }
            }
            if owner == uid { count += threads }
        }
        return count
    }
}

/// Which resource limit stopped a program, read from how it ended.
enum LimitExceeded: Equatable, Sendable {
    case memory(ByteSize)
    case cpu(seconds: Int)
    case fileSize(ByteSize)

    /// The limit hit by a program that ended with `termination` after printing `stderr`.
    static func diagnose(
        termination: ChildProcess.Termination, stderr: String, limits: ResourceLimits, timeout: Double
    ) -> LimitExceeded? {
        switch termination {
        case .signalled(SIGXCPU):
            return .cpu(seconds: max(1, Int((limits.cpuSeconds ?? timeout).rounded(.up))))
        case .signalled(SIGXFSZ):
            return limits.fileSize.map { .fileSize($0) }
        default:
            break
        }
        guard !termination.succeeded, let memory = limits.memory else { return nil }
        let outOfMemory = ["failed to allocate", "Could not allocate memory", "std::bad_alloc", "Cannot allocate memory",
            "OpenBLAS : Program is Terminated. Because you tried to allocate too many memory regions"]
        return outOfMemory.contains { stderr.contains($0) } ? .memory(memory) : nil
    }

    /// "stopped: … — raise it with …": what a user reads at the block.
    var message: String {
        switch self {
        case .memory(let size): return "stopped: memory limit \(size) exceeded"
        case .cpu(let seconds): return "stopped: CPU time limit of \(seconds) s exceeded"
        case .fileSize(let size): return "stopped: file size limit \(size) exceeded (a file the chapter wrote grew past it)"
        }
    }

    var hint: String {
        switch self {
        case .memory: return "raise it with `limits: {memory: 8 GiB}` in the front matter, or --memory for the whole build"
        case .cpu: return "raise it with `limits: {cpu-time: SECONDS}` (or `timeout:`) in the front matter, or --cpu-time for the whole build"
        case .fileSize: return "raise it with `limits: {file-size: 4 GiB}` in the front matter, or --file-size for the whole build"
        }
    }
}
