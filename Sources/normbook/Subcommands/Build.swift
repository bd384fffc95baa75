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

            Chapter programs run in a bubblewrap sandbox (read-only file system but their scratch \
            folder, no network) under resource limits; the output folder is replaced only if \
            normbook wrote it (it holds a .normbook-report marker), never the project or its \
            sources. See docs/safety.md.

            Exit status: 0 when every chapter built and the new report is in place, 1 when a \
            chapter failed (the previous report is kept), 2 on a usage or project error (a \
            refused --output, another build holding the project with --no-wait, no sandbox), \
            130 after Ctrl-C (every child stopped, the previous report kept).
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var report: ReportOptions

    @Argument(help: "Chapter files to build (as paths from the current folder); the other chapters keep their cached or stored results. Default: every chapter.")
    var files: [String] = []

    @Flag(name: .long, help: "Render the stored results in the output folder without compiling or running anything; fails if a result is missing or stale.")
    var frozen = false

    @Option(name: .long, help: ArgumentHelp(
        "Run only shard I of N (from 1): its chapters' results and figures, with a _shard.json manifest, go to --output (no pages); assemble the shards with `normbook merge`. Shards are balanced by the build times recorded in the committed report (normbook.yml's output).",
        valueName: "I/N"))
    var shard: String?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "With --frozen: assemble the report from these shard output folders (the same as `normbook merge DIR…`).", valueName: "DIR"))
    var results: [String] = []

    @Flag(name: .long, help: "Run every chapter even when its stored result is up to date.")
    var noCache = false

    func validate() throws {
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError("--shard: \(error)") }
            if !files.isEmpty { throw ValidationError("--shard builds its share of every chapter; it takes no chapter files") }
            if frozen { throw ValidationError("--shard runs chapters; --frozen renders stored results (to merge shards: --frozen --results DIR…)") }
            if report.singleFile != nil { throw ValidationError("--single-file needs the whole report: pass it to `normbook merge` instead of --shard") }
        }
        if !results.isEmpty {
            if !frozen { throw ValidationError("--results assembles shard outputs without running anything: pass --frozen too (or use `normbook merge DIR…`)") }
            if !files.isEmpty { throw ValidationError("--results takes every chapter from the shards; it takes no chapter files") }
        }
    }

    func run() throws {
        var options = try report.buildOptions(project)
        options.frozen = frozen
        options.useCache = !noCache
        if let shard {
            options.shard = try Shard(parsing: shard)
            options.shardTimes = try reportingNotebookErrors { try project.committedReport() }
        }
        if !results.isEmpty { options.mergeShards = results.map { URL(fileURLWithPath: $0, relativeTo: project.here).standardizedFileURL } }
        if !files.isEmpty {
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            options.onlyChapters = files.map { URL(fileURLWithPath: $0, relativeTo: here).standardizedFileURL }
        }
        SignalHandling.install()
        let printer = StatusPrinter()
        let summary = try reportingNotebookErrors { try ReportBuilder(options: options).build(progress: printer.chapterFinished) }
        printer.finished(summary, projectRoot: project.root)
        if !summary.succeeded { throw ExitStatus.failures.exitCode }
    }
}
