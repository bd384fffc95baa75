import ArgumentParser
import Foundation
import Notebook

/// The options every subcommand shares: where the chapters, the report and the cache are, how
/// many chapters run at once, the report's title, and how chapter programs are confined.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: .long, help: "The report folder. It must be new, empty, or a report normbook wrote (see --force).")
    var output = "output"

    @Option(name: .long, help: "Where stored results, compiled chapter programs and logs are kept.")
    var cacheDir = ".normbook-cache"

    @Option(name: .shortAndLong, help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The report's title.")
    var title = NotebookIdentity.defaultTitle

    @Flag(name: .long, help: "Fail at once when another build of this project is running, instead of waiting for it.")
    var noWait = false

    @OptionGroup(title: "Sandbox and limits of chapter programs") var confinement: ConfinementOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The project root (the current directory).
    var root: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Build options for these settings.
    func buildOptions(allowFailures: Bool = false, theme: String? = nil) -> BuildOptions {
        var options = BuildOptions(
            projectRoot: root, chapters: chapters, output: output, cache: cacheDir,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, allowFailures: allowFailures,
            title: title, theme: theme)
        options.waitForLock = !noWait
        options.onWaitingForLock = { holder in
            let who = holder.map { "normbook (pid \($0))" } ?? "another normbook"
            FileOutput.standardError.write("waiting for \(who), which is building this project… (Ctrl-C to stop, --no-wait to fail instead)\n")
        }
        confinement.apply(to: &options)
        return options
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

    func apply(to options: inout BuildOptions) {
        options.sandbox = !noSandbox
        if let memory { options.limits.memory = memory }
        if let cpuTime { options.limits.cpuSeconds = cpuTime }
        if let fileSize { options.limits.fileSize = fileSize }
        if let processes { options.limits.processes = processes }
        if let blockOutput { options.limits.blockOutput = blockOutput }
        if let chapterOutput { options.limits.chapterOutput = chapterOutput }
    }
}
