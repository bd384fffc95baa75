import Foundation
import NotebookProtocol

/// Runs a compiled chapter program as a child process with a time limit per chapter and per
/// block, under resource limits and (by default) in the sandbox, and collects what it printed
/// and sent.
struct ChapterRunner: Sendable {
    /// Seconds a chapter may run when its front matter sets no `timeout`.
    static let defaultChapterTimeout = 600.0

    /// How the program is confined.
    var isolation: ProcessIsolation
    /// The limits it runs under.
    var limits: ResourceLimits
    /// Folders the sandboxed program must see besides the project (the compiled engine).
    var readOnly: [URL] = []

    /// What a run produced.
    struct Run: Sendable {
        /// How the process ended.
        var termination: ChildProcess.Termination
        /// What was kept of stdout, markers included.
        var stdout: String
        /// What was kept of stderr, markers and any crash report included.
        var stderr: String
        /// Where printed output was cut at its limits.
        var stdoutCuts: [OutputCapture.Cut] = []
        var stderrCuts: [OutputCapture.Cut] = []
        /// The events, in order.
        var events: [RuntimeEvent]
        /// The block that was stopped for running too long, and the limit it exceeded.
        var timeout: (cell: Int, seconds: Double)?
        /// The resource limit that stopped the program, if one did.
        var limitExceeded: LimitExceeded?
        /// Whether the process exited normally with status 0.
        var succeeded: Bool { termination.succeeded && timeout == nil }
        /// A description of an abnormal end, e.g. "exit status 3" or "signal 4".
        var terminationDescription: String { termination.description }
    }

    /// Runs `binary` from `projectRoot` (so chapters read data files by project-relative paths).
    ///
    /// - Parameters:
    ///   - workDirectory: the chapter's folder in the cache: its events file and `scratch/`, the
    ///     only places a sandboxed chapter can write, are made there.
    ///   - blockTimeouts: per executed block, the seconds it may run, if limited.
    ///   - chapterTimeout: the seconds the whole run may take.
    func run(
        binary: URL, workDirectory: URL, projectRoot: URL, seed: UInt64?,
        blockTimeouts: [Double?], chapterTimeout: Double
    ) throws -> Run {
        let fm = FileManager.default
        let events = workDirectory.appendingPathComponent("events.jsonl")
        let scratch = workDirectory.appendingPathComponent("scratch")
        _ = fm.createFile(atPath: events.path, contents: nil)
        BuildLifecycle.removeOwnedFolder(atPath: scratch.path)
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment[RuntimeEnvironment.eventsPath] = events.path
        environment[RuntimeEnvironment.seed] = String(seed ?? 0)
        environment[RuntimeEnvironment.scratch] = scratch.path
        environment["TMPDIR"] = isolation.sandboxed ? "/tmp" : scratch.path
        // Reproducible numerics: one BLAS thread inside chapter programs.
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment["OMP_NUM_THREADS"] = "1"
        environment["OPENBLAS_CORETYPE"] = BLASKernels.environmentValue(environment)
        // Traps print a JSON backtrace whose frames carry Markdown lines (see CrashReport).
        environment["SWIFT_BACKTRACE"] =
            "enable=yes,interactive=no,color=no,format=json,output-to=stderr,threads=crashed,registers=none,images=none,sanitize=yes"

        let start = Date()
        var watcher = EventFileWatcher(path: events.path)
        var timedOut: (Int, Double)?
        let limitArguments = limits.prlimitArguments(
            timeout: chapterTimeout, userProcesses: limits.processes == nil ? 0 : ResourceLimits.currentUserThreads())
        var child = ChildProcess(
            command: isolation.chapter(
                binary.path, projectRoot: projectRoot.path,
                readOnly: Array(Set([projectRoot.path, workDirectory.path, binary.deletingLastPathComponent().path] + readOnly.map(\.path))),
                writable: [scratch.path, events.path], limits: limitArguments),
            environment: environment)
        child.perBlockOutput = Int(clamping: limits.blockOutput.bytes)
        child.totalOutput = Int(clamping: limits.chapterOutput.bytes)
        let outcome = try child.run {
            let now = Date()
            watcher.poll(now: now)
            if now.timeIntervalSince(start) > chapterTimeout {
                timedOut = (watcher.currentCell, chapterTimeout)
                return true
            }
            if let cell = watcher.currentCell as Int?, cell < blockTimeouts.count, let limit = blockTimeouts[cell],
                let began = watcher.cellStart, now.timeIntervalSince(began) > limit
            {
                timedOut = (cell, limit)
                return true
            }
            return false
        }
        let decoder = JSONCoding.decoder()
        let lines = ((try? String(contentsOf: events, encoding: .utf8)) ?? "").split(separator: "\n")
        let decoded = lines.compactMap { try? decoder.decode(RuntimeEvent.self, from: Data($0.utf8)) }
        return Run(
            termination: outcome.termination, stdout: outcome.stdout, stderr: outcome.stderr,
            stdoutCuts: outcome.stdoutCuts, stderrCuts: outcome.stderrCuts, events: decoded,
            timeout: timedOut.map { (cell: $0.0, seconds: $0.1) },
            limitExceeded: timedOut == nil
                ? LimitExceeded.diagnose(termination: outcome.termination, stderr: outcome.stderr, limits: limits, timeout: chapterTimeout)
                : nil)
    }
}

/// Follows the events file while a chapter runs, to know which block is running and since when.
struct EventFileWatcher {
    let path: String
    private var offset: UInt64 = 0
    private var partial = ""
    private(set) var currentCell = 0
    private(set) var cellStart: Date?

    init(path: String) { self.path = path }

    mutating func poll(now: Date) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty else {
            if cellStart == nil { cellStart = now }
            return
        }
        offset += UInt64(data.count)
        partial += String(decoding: data, as: UTF8.self)
        while let newline = partial.firstIndex(of: "\n") {
            let line = partial[..<newline]
            if line.contains("\"cellStarted\""), let range = line.range(of: "\"cell\":") {
                let digits = line[range.upperBound...].prefix(while: { $0.isNumber })
                if let cell = Int(digits) {
                    currentCell = cell
                    cellStart = now
                }
            }
            partial = String(partial[partial.index(after: newline)...])
        }
    }
}
