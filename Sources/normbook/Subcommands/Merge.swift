import ArgumentParser
import Foundation
import Notebook

/// `normbook merge`: assembles shard outputs into the report, or shards' verification results
/// into one.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assemble the outputs of `build --shard I/N` into the report, or combine the shards' verification results.",
        discussion: """
            normbook merge DIR… reads the shard output folders (each written by `normbook build \\
            --shard I/N --output DIR`), checks that they belong together — one split, the same \\
            normbook and Swift toolchain, results whose inputs keys match the chapters here, \\
            every chapter in some shard and two shards holding one chapter only with the same \\
            result — and renders the report into --output without compiling or running \\
            anything. It is the same report, byte for byte, as one `normbook build` (timings \\
            aside). `normbook build --frozen --results DIR…` does the same.

            normbook merge --verify-results A.json B.json … combines the --json files of \\
            `normbook verify --shard I/N` into one verification (--json, --junit): it fails if a \\
            shard failed or a chapter was verified by no shard.

            Exit status: 0 merged (verified); 1 a chapter failed in a shard (the report is kept \\
            as it was unless --allow-failures), or the merged verification failed; 2 shards \\
            that do not belong together or a usage error.
            """)

    @OptionGroup var project: ProjectOptions
    @OptionGroup var report: ReportOptions

    @Argument(help: ArgumentHelp("Shard output folders (build --shard I/N --output DIR), one per shard.", valueName: "DIR"))
    var folders: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp(
        "Combine these shard verification results (verify --shard I/N --json FILE) instead of assembling a report.", valueName: "FILE"))
    var verifyResults: [String] = []

    @Option(name: .long, help: "With --verify-results: write the combined verification as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "With --verify-results: write the combined verification as JUnit XML to this file.")
    var junit: String?

    func validate() throws {
        if folders.isEmpty == verifyResults.isEmpty {
            throw ValidationError("pass either shard output folders (normbook merge DIR…) or --verify-results FILE…")
        }
        if verifyResults.isEmpty, json != nil || junit != nil {
            throw ValidationError("--json and --junit write a combined verification: use them with --verify-results")
        }
        if !verifyResults.isEmpty, report.anyGiven {
            throw ValidationError("--verify-results combines verification files; it writes no report")
        }
    }

    func run() throws {
        if !verifyResults.isEmpty { return try mergeVerifications() }
        var options = try report.buildOptions(project)
        options.mergeShards = folders.map { URL(fileURLWithPath: $0, relativeTo: project.here).standardizedFileURL }
        SignalHandling.install()
        let printer = StatusPrinter()
        let summary = try reportingNotebookErrors { try ReportBuilder(options: options).build(progress: printer.chapterFinished) }
        printer.finished(summary, projectRoot: project.root)
        if !summary.succeeded { throw ExitStatus.failures.exitCode }
    }

    private func mergeVerifications() throws {
        var reports: [(name: String, report: VerificationReport)] = []
        for file in verifyResults {
            let url = URL(fileURLWithPath: file, relativeTo: project.here)
            do {
                reports.append((file, try VerificationReport.decode(from: Data(contentsOf: url))))
            } catch {
                FileOutput.standardError.write("error: cannot read the verification result '\(file)': \(error.localizedDescription)\n  hint: pass the --json files written by normbook verify --shard I/N\n")
                throw ExitStatus.usage.exitCode
            }
        }
        let merged = try reportingNotebookErrors { try VerificationReport.merging(reports) }
        do {
            if let json { try merged.jsonData().write(to: URL(fileURLWithPath: json, relativeTo: project.here)) }
            if let junit { try Data(merged.junitXML().utf8).write(to: URL(fileURLWithPath: junit, relativeTo: project.here)) }
        } catch {
            FileOutput.standardError.write("error: cannot write the verification report: \(error.localizedDescription)\n")
            throw ExitStatus.usage.exitCode
        }
        let output = (try? project.committedReport()).map(project.shown) ?? "output"
        StatusPrinter().mergedVerification(merged, files: reports.count, output: output)
        if !merged.passed { throw ExitStatus.failures.exitCode }
    }
}
