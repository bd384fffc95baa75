import ArgumentParser
import Foundation
import Notebook

/// The options every subcommand shares: where the chapters, the report and the cache are, how
/// many chapters run at once, the report's title, and how chapter programs are confined.
///
/// The project is found like git finds a repository: the nearest `normbook.yml` in the current
/// folder or above it marks the project root (without one, the current folder is the root).
/// Paths, in the file and on the command line, are relative to the root; options given on the
/// command line override the file.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of Markdown chapters (default: chapters).")
    var chapters: String?

    @Option(name: .long, help: "The report folder (default: output). It must be new, empty, or a report normbook wrote (see --force).")
    var output: String?

    @Option(name: .long, help: "Where stored results, compiled chapter programs and logs are kept (default: .normbook-cache).")
    var cacheDir: String?

    @Option(name: .long, help: ArgumentHelp(
        "Where stored chapter results and drawn figures are kept: a folder CI can save and restore, shareable between project copies and shards (default: $NORMBOOK_RESULT_CACHE, else normbook.yml's result-cache, else the cache folder).",
        valueName: "DIR"))
    var resultCache: String?

    /// The environment variable naming the result store (below --result-cache, above normbook.yml).
    static let resultCacheVariable = "NORMBOOK_RESULT_CACHE"

    @Option(name: .shortAndLong, help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The report's title (default: normbook.yml's title, else the project folder's name).")
    var title: String?

    @Flag(name: .long, help: "Fail at once when another build of this project is running, instead of waiting for it.")
    var noWait = false

    @Option(name: .long, help: ArgumentHelp(
        "Run every chapter that decides claims K more times with other seeds (derived from its own) and mark claims whose verdict changes (default: normbook.yml's verify.reseed, else 0).",
        valueName: "K"))
    var reseed: Int?

    @OptionGroup(title: "Sandbox and limits of chapter programs") var confinement: ConfinementOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let reseed, !(0...100).contains(reseed) { throw ValidationError("--reseed must be between 0 and 100") }
    }

    /// The current folder.
    var here: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

    /// The project root: the folder of the nearest `normbook.yml`, else the current folder.
    var root: URL { ProjectFile.locate(from: here)?.deletingLastPathComponent() ?? here.standardizedFileURL }

    /// The project's settings: its `normbook.yml` with the command line's options on top
    /// (`more` adds a subcommand's own).
    func settings(_ more: (inout ProjectFile) -> Void = { _ in }) throws -> (root: URL, settings: ProjectFile) {
        let (root, file) = try ProjectFile.discover(from: here)
        var given = ProjectFile()
        given.chapters = chapters
        given.output = output
        given.cache = cacheDir
        given.resultCache = resultCache ?? ProcessInfo.processInfo.environment[Self.resultCacheVariable].flatMap { $0.isEmpty ? nil : $0 }
        given.title = title
        given.reseed = reseed
        confinement.fill(&given)
        more(&given)
        return (root, file.overridden(by: given))
    }

    /// Build options from the project's settings.
    func buildOptions(allowFailures: Bool = false, theme: String? = nil) throws -> BuildOptions {
        try buildOptions(allowFailures: allowFailures) { $0.theme = theme }
    }

    /// Build options from the project's settings with a subcommand's own on top.
    func buildOptions(allowFailures: Bool = false, _ more: (inout ProjectFile) -> Void) throws -> BuildOptions {
        let (root, settings) = try settings(more)
        return buildOptions(root: root, settings: settings, allowFailures: allowFailures)
    }

    /// Build options from settings already read.
    func buildOptions(root: URL, settings: ProjectFile, allowFailures: Bool = false) -> BuildOptions {
        var options = settings.buildOptions(
            projectRoot: root, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, allowFailures: allowFailures)
        options.waitForLock = !noWait
        options.onWaitingForLock = { holder in
            let who = holder.map { "normbook (pid \($0))" } ?? "another normbook"
            FileOutput.standardError.write("waiting for \(who), which is building this project… (Ctrl-C to stop, --no-wait to fail instead)\n")
        }
        return options
    }

    /// The committed report: normbook.yml's `output` (default `output`), whatever `--output`
    /// says. Sharded builds balance by the build times recorded there, which every CI machine has.
    func committedReport() throws -> URL {
        let (root, file) = try ProjectFile.discover(from: here)
        let path = file.output ?? "output"
        return (path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)).standardizedFileURL
    }

    /// A path relative to the project root (as the user gave it, for messages).
    func shown(_ url: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}

/// `--no-sandbox` and the resource limits of chapter programs.
struct ConfinementOptions: ParsableArguments {
    @Flag(name: .long, help: "Run chapter programs without the bubblewrap sandbox (they can then write anywhere you can and use the network).")
    var noSandbox = false

    @Option(name: .long, help: "Memory (address space) a chapter program may use, e.g. 8GiB (default 4 GiB).", transform: Self.size)
    var memory: ByteSize?

    @Option(name: .long, help: "CPU seconds a chapter program may use (default: the chapter's timeout, 600 s).")
    var cpuTime: Double?

    @Option(name: .long, help: "The largest file a chapter program may write, e.g. 2GiB (default 1 GiB).", transform: Self.size)
    var fileSize: ByteSize?

    @Option(name: .long, help: "How many processes a chapter program may start (default 256; Linux does not apply it to root).")
    var processes: Int?

    @Option(name: .long, help: "Printed output kept per block, e.g. 5MB (default 1 MiB); the rest is cut with a note.", transform: Self.size)
    var blockOutput: ByteSize?

    @Option(name: .long, help: "Printed output kept per chapter (default 10 MiB).", transform: Self.size)
    var chapterOutput: ByteSize?

    func validate() throws {
        if let cpuTime, !(cpuTime > 0) { throw ValidationError("--cpu-time must be a positive number of seconds") }
        if let processes, processes < 1 { throw ValidationError("--processes must be at least 1") }
    }

    static func size(_ text: String) throws -> ByteSize {
        guard let size = ByteSize(text) else { throw ValidationError("'\(text)' is not a size: expected \(ByteSize.example)") }
        return size
    }

    /// Puts what the command line gave into the project's settings (where they override the file).
    func fill(_ settings: inout ProjectFile) {
        if noSandbox { settings.sandbox = false }
        settings.memory = memory
        settings.cpuSeconds = cpuTime
        settings.fileSize = fileSize
        settings.processes = processes
        settings.blockOutput = blockOutput
        settings.chapterOutput = chapterOutput
    }
}
