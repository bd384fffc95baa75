import ArgumentParser
import Foundation
import Notebook

/// `normbook verify`: rebuilds everything and checks it against the committed report.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rebuild the report from scratch and check it against the committed one.",
        discussion: """
            Every chapter is compiled and run again (no cache) into a temporary folder. Then:
            every chapter must build; every claim's computed verdict must equal the verdict its \\
            block expects (`//| expect:`); and the rebuilt report must match the committed \\
            output folder: results JSON, printed text and HTML with numbers compared at a \\
            relative tolerance, PNG figures by decoded pixels with an RMS tolerance.

            --record replaces the output folder with the rebuilt report instead of comparing \\
            (claims are still checked).

            The diff page (--diff-page DIR; by default verify-diff/ beside the --json file, \\
            else beside the --junit file, when either is given) is one HTML page for reviewers: \\
            failed checks and every difference by chapter and file, with the committed, \\
            rebuilt and difference images of each changed figure copied beside it. It is \\
            written whether or not verification passes, so CI can always upload the folder.

            Exit status: 0 verified; 1 differences, unexpected verdicts or failed chapters; \\
            2 usage or project error.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "Relative tolerance for numbers (default: normbook.yml's verify.tolerance, else 1e-6).")
    var tolerance: Double?

    @Option(name: .long, help: "RMS tolerance for figure pixels, on 0–255 channel values (default: normbook.yml's verify.pixel-tolerance, else 1.0).")
    var pixelTolerance: Double?

    @Option(name: .long, help: "Write the verification result as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Write the verification result as JUnit XML to this file.")
    var junit: String?

    @Option(name: .long, help: ArgumentHelp(
        "Write the reviewer's diff page (index.html and images/) into this folder (default with --json or --junit: verify-diff/ beside that file).",
        valueName: "DIR"))
    var diffPage: String?

    @Flag(name: .long, help: "Write no diff page, even with --json or --junit.")
    var noDiffPage = false

    @Flag(name: .long, help: "Rewrite the committed report from the new build instead of comparing.")
    var record = false

    @Option(name: .long, help: ArgumentHelp(
        "Verify only shard I of N (the chapters `build --shard I/N` runs) against the committed report; combine the shards' --json files with `normbook merge --verify-results`.",
        valueName: "I/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --shard: also write the shard's rebuilt results and figures to this folder (as `build --shard` would), ready for `normbook merge`: one run verifies and builds the shard.",
        valueName: "DIR"))
    var shardOutput: String?

    func validate() throws {
        if let tolerance, !(tolerance >= 0) { throw ValidationError("--tolerance must be a non-negative number") }
        if let pixelTolerance, !(pixelTolerance >= 0) { throw ValidationError("--pixel-tolerance must be a non-negative number") }
        if let shard {
            do { _ = try Shard(parsing: shard) } catch { throw ValidationError("--shard: \(error)") }
            if record { throw ValidationError("--record rewrites the whole report: run it without --shard") }
        } else if shardOutput != nil {
            throw ValidationError("--shard-output keeps a shard's rebuilt output: pass --shard I/N too")
        }
        if diffPage != nil && noDiffPage { throw ValidationError("--diff-page and --no-diff-page exclude each other") }
        if diffPage != nil && record { throw ValidationError("--diff-page compares nothing with --record") }
    }

    func run() throws {
        let (root, settings) = try reportingNotebookErrors {
            try project.settings {
                $0.tolerance = tolerance
                $0.pixelTolerance = pixelTolerance
            }
        }
        var options = project.buildOptions(root: root, settings: settings)
        if let shard {
            options.shard = try Shard(parsing: shard)
            options.shardTimes = try reportingNotebookErrors { try project.committedReport() }
        }
        var verifier = ReportVerifier(
            options: options,
            tolerance: ComparisonTolerance(relative: settings.tolerance ?? 1e-6, pixelRMS: settings.pixelTolerance ?? 1.0),
            record: record)
        verifier.shardOutput = shardOutput.map { URL(fileURLWithPath: $0, relativeTo: project.here).standardizedFileURL }
        verifier.diffPage = diffPageFolder(root: root)
        SignalHandling.install()
        let printer = StatusPrinter()
        let outcome = try reportingNotebookErrors { try verifier.verify(progress: printer.chapterFinished) }
        let report = outcome.report
        do {
            if let json {
                let file = URL(fileURLWithPath: json, relativeTo: root).standardizedFileURL
                // Image paths in the JSON are relative to the JSON's folder (they come relative to
                // the diff page, or without one to the kept difference images).
                let imagesFolder = outcome.diffPage ?? outcome.differenceImages
                let written = imagesFolder.map { report.rebasingImages(from: $0, to: file.deletingLastPathComponent()) } ?? report
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try written.jsonData().write(to: file)
            }
            if let junit {
                let file = URL(fileURLWithPath: junit, relativeTo: root).standardizedFileURL
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(report.junitXML().utf8).write(to: file)
            }
        } catch {
            FileOutput.standardError.write("error: cannot write the verification report: \(error.localizedDescription)\n")
            throw ExitStatus.usage.exitCode
        }
        printer.verification(outcome, record: record, output: project.shown(options.output))
        if let page = outcome.diffPage {
            FileOutput.standardOutput.write("Diff page: \(project.shown(page))/index.html\n")
        }
        if !report.passed { throw ExitStatus.failures.exitCode }
    }

    /// `--diff-page`, else `verify-diff/` beside the JSON (else the JUnit) file; none with
    /// `--record` or `--no-diff-page`. Relative paths are relative to the project root, like
    /// `--json`'s.
    func diffPageFolder(root: URL) -> URL? {
        if record || noDiffPage { return nil }
        if let diffPage { return URL(fileURLWithPath: diffPage, relativeTo: root).standardizedFileURL }
        guard let beside = json ?? junit else { return nil }
        return URL(fileURLWithPath: beside, relativeTo: root).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(Self.defaultDiffPageName)
    }

    /// The diff page's folder name beside the --json or --junit file.
    static let defaultDiffPageName = "verify-diff"
}
