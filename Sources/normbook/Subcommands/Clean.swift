import ArgumentParser
import Foundation
import Notebook

/// `normbook clean`: removes the cache (and, with --report, the report) — only what normbook wrote.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove the cache of compiled chapters and stored results (and, with --report, the report).",
        discussion: """
            Only what normbook wrote is removed: the cache folder must hold normbook's lock file, \\
            and the report folder its .normbook-report marker; anything else is refused (exit 2) \\
            and left as it is. Fails at once (exit 2) while a build of the project is running.
            """)

    @OptionGroup var project: ProjectOptions

    @Flag(name: .long, help: "Also remove the report folder (--output), if normbook wrote it.")
    var report = false

    func run() throws {
        let removed = try reportingNotebookErrors { try ProjectCleaner(options: project.buildOptions()).clean(report: report) }
        FileOutput.standardOutput.write(removed.isEmpty ? "Nothing to clean.\n" : removed.map { "removed \($0)\n" }.joined())
    }
}
