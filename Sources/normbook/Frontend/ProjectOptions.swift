import ArgumentParser
import Foundation
import Notebook

/// The options every subcommand shares: where the chapters, the report and the cache are, how
/// many chapters run at once, and the report's title.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: .long, help: "The report folder.")
    var output = "output"

    @Option(name: .long, help: "Where stored results, compiled chapter programs and logs are kept.")
    var cacheDir = ".normbook-cache"

    @Option(name: .shortAndLong, help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The report's title.")
    var title = "Norm regularization, fact-checked"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The project root (the current directory).
    var root: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Build options for these settings.
    func buildOptions(allowFailures: Bool = false, theme: String? = nil) -> BuildOptions {
        BuildOptions(
            projectRoot: root, chapters: chapters, output: output, cache: cacheDir,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, allowFailures: allowFailures,
            title: title, theme: theme)
    }
}
