import Foundation
import NotebookProtocol

/// Runs a compiled chapter program as a child process with a time limit per chapter and per
/// block, and collects what it printed and sent.
public struct ChapterRunner: Sendable {
    /// Seconds a chapter may run when its front matter sets no `timeout`.
    public static let defaultChapterTimeout = 600.0

    /// Creates a runner.
    public init() {}

    /// What a run produced.
    public struct Run: Sendable {
        /// How the process ended.
        var termination: ChildProcess.Termination
        /// Everything written to stdout, markers included.
        public var stdout: String
        /// Everything written to stderr, markers and any crash report included.
        public var stderr: String
        /// The events, in order.
        public var events: [RuntimeEvent]
        /// The block that was stopped for running too long, and the limit it exceeded.
        public var timeout: (cell: Int, seconds: Double)?
        /// Whether the process exited normally with status 0.
        public var succeeded: Bool { termination.succeeded && timeout == nil }
        /// A description of an abnormal end, e.g. "exit status 3" or "signal 4".
        public var terminationDescription: String {
            switch termination {
            case .exited(let status): return "exit status \(status)"
            case .signalled(let signal): return "signal \(signal)"
            }
        }
    }

    /// Runs `binary` from `projectRoot` (so chapters read data files by project-relative paths).
    ///
    /// - Parameters:
    ///   - blockTimeouts: per executed block, the seconds it may run, if limited.
    ///   - chapterTimeout: the seconds the whole run may take.
    public func run(
        binary: URL, workDirectory: URL, projectRoot: URL, seed: UInt64?,
        blockTimeouts: [Double?], chapterTimeout: Double
    ) throws -> Run {
        let events = workDirectory.appendingPathComponent("events.jsonl")
        let out = workDirectory.appendingPathComponent("run.out")
        let err = workDirectory.appendingPathComponent("run.err")
        _ = FileManager.default.createFile(atPath: events.path, contents: nil)
        var environment = ProcessInfo.processInfo.environment
        environment[RuntimeEnvironment.eventsPath] = events.path
        environment[RuntimeEnvironment.seed] = String(seed ?? 0)
        // Reproducible numerics: one BLAS thread inside chapter programs.
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment["OMP_NUM_THREADS"] = "1"
        // Traps print a JSON backtrace whose frames carry Markdown lines (see CrashReport).
        environment["SWIFT_BACKTRACE"] =
            "enable=yes,interactive=no,color=no,format=json,output-to=stderr,threads=crashed,registers=none,images=none,sanitize=yes"

        let start = Date()
        var watcher = EventFileWatcher(path: events.path)
        var timedOut: (Int, Double)?
        let child = ChildProcess(
            executable: binary.path, arguments: [], environment: environment,
            workingDirectory: projectRoot.path, stdoutPath: out.path, stderrPath: err.path)
        let termination = try child.run {
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
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let lines = ((try? String(contentsOf: events, encoding: .utf8)) ?? "").split(separator: "\n")
        let decoded = lines.compactMap { try? decoder.decode(RuntimeEvent.self, from: Data($0.utf8)) }
        return Run(
            termination: termination,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
            events: decoded,
            timeout: timedOut.map { (cell: $0.0, seconds: $0.1) })
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
