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

    @Option(name: .shortAndLong, help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The report's title (default: normbook.yml's title, else the project folder's name).")
    var title: String?

    @Flag(name: .long, help: "Fail at once when another build of this project is running, instead of waiting for it.")
    var noWait = false

    @OptionGroup(title: "Sandbox and limits of chapter programs") var confinement: ConfinementOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The project file governing the current folder, if any.
    var projectFileURL: URL? {
        ProjectFile.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The project root: the folder of `normbook.yml`, else the current folder.
    var root: URL {
        projectFileURL?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// The project file's settings (empty without one).
    func projectFile() throws -> ProjectFile {
        try projectFileURL.map(ProjectFile.load) ?? ProjectFile()
    }

    /// Build options: the defaults, then the project file, then the command line.
    func buildOptions(allowFailures: Bool = false, theme: String? = nil) throws -> BuildOptions {
        let root = self.root
        var options = BuildOptions(
            projectRoot: root, chapters: chapters ?? "chapters", output: output ?? "output",
            cache: cacheDir ?? ".normbook-cache", jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            allowFailures: allowFailures, title: title ?? root.lastPathComponent, theme: theme)
        var given: Set<BuildOptions.Setting> = []
        if chapters != nil { given.insert(.chapters) }
        if output != nil { given.insert(.output) }
        if cacheDir != nil { given.insert(.cache) }
        if title != nil { given.insert(.title) }
        if theme != nil { given.insert(.theme) }
        given.formUnion(confinement.given)
        try projectFile().apply(to: &options, given: given)
        options.waitForLock = !noWait
        options.onWaitingForLock = { holder in
            let who = holder.map { "normbook (pid \($0))" } ?? "another normbook"
            FileOutput.standardError.write("waiting for \(who), which is building this project… (Ctrl-C to stop, --no-wait to fail instead)\n")
        }
        confinement.apply(to: &options)
        return options
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

    /// The limits the command line sets (the project file does not override them).
    var given: Set<BuildOptions.Setting> {
        var given: Set<BuildOptions.Setting> = []
        if memory != nil { given.insert(.memory) }
        if cpuTime != nil { given.insert(.cpuTime) }
        if fileSize != nil { given.insert(.fileSize) }
        if processes != nil { given.insert(.processes) }
        if blockOutput != nil { given.insert(.blockOutput) }
        if chapterOutput != nil { given.insert(.chapterOutput) }
        return given
    }

    func apply(to options: inout BuildOptions) {
        if noSandbox { options.sandbox = false }
        if let memory { options.limits.memory = memory }
        if let cpuTime { options.limits.cpuSeconds = cpuTime }
        if let fileSize { options.limits.fileSize = fileSize }
        if let processes { options.limits.processes = processes }
        if let blockOutput { options.limits.blockOutput = blockOutput }
        if let chapterOutput { options.limits.chapterOutput = chapterOutput }
    }
}
