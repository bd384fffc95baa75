import ArgumentParser
import Foundation
import Notebook

/// `normbook build`: runs every chapter and writes the report.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every chapter and write the HTML report.",
        discussion: """
            Chapters are the *.md files of the chapters folder, in name order. Each chapter's Swift \
            blocks are compiled into one program and run; the report (pages, figures, results \
            JSON) replaces the output folder only when every chapter built, so a failed build \
            leaves the previous report intact.

            A chapter whose blocks, options, inline expressions, declared data files, compiler \
            and compiled engine are unchanged is not run again: its stored result is reused \
            (--no-cache runs everything). --frozen renders the stored results in the output \
            folder without a compiler.

            Exit status: 0 when every chapter built, 1 when a chapter failed, 2 on a usage or \
            project error.
            """)

    @Option(name: .long, help: "The folder of Markdown chapters.")
    var chapters = "chapters"

    @Option(name: .long, help: "The report folder to write.")
    var output = "output"

    @Option(name: .long, help: "Where compiled chapter programs and logs are kept.")
    var cacheDir = ".normbook-cache"

    @Option(name: .shortAndLong, help: "How many chapters to run at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "The report's title.")
    var title = "Norm regularization, fact-checked"

    @Option(name: .long, help: "A folder of templates (*.mustache, normbook.css) overriding the built-in ones.")
    var theme: String?

    @Flag(name: .long, help: "Replace the report even when chapters fail; their pages show the errors.")
    var allowFailures = false

    @Flag(name: .long, help: "Render the stored results in the output folder without compiling or running anything; fails if a result is missing or stale.")
    var frozen = false

    @Flag(name: .long, help: "Run every chapter even when its stored result is up to date.")
    var noCache = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var options = BuildOptions(
            projectRoot: root, chapters: chapters, output: output, cache: cacheDir,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, allowFailures: allowFailures,
            title: title, theme: theme)
        options.frozen = frozen
        options.useCache = !noCache
        let printer = StatusPrinter()
        let summary: BuildSummary
        do {
            summary = try ReportBuilder(options: options).build(progress: printer.chapterFinished)
        } catch let error as NotebookError {
            FileOutput.standardError.write(error.description + "\n")
            throw ExitStatus.usage.exitCode
        }
        printer.finished(summary, projectRoot: root)
        if !summary.succeeded { throw ExitStatus.failures.exitCode }
    }
}
