import Foundation
import Notebook

/// Prints one status line per chapter on stdout and every diagnostic on stderr, in the
/// `file:line:col: error: message` form editors and CI annotators read.
struct StatusPrinter: Sendable {
    func chapterFinished(_ chapter: BuildSummary.Chapter) {
        let mark = chapter.status == .succeeded ? "✓" : "✗"
        let blocks = "\(chapter.blocksSucceeded)/\(chapter.blockCount) blocks"
        let figures = chapter.figureCount == 1 ? "1 figure" : "\(chapter.figureCount) figures"
        let timing: String
        if chapter.reused {
            timing = "stored result, up to date"
        } else if chapter.status == .failed && !chapter.compiled {
            // Stopped before compiling (a source error, a stale or missing stored result): the
            // diagnostics below say why; there are no times to show.
            timing = "not compiled"
        } else {
            timing = String(format: "compile %.2f s · run %.2f s", chapter.compileSeconds, chapter.runSeconds)
        }
        FileOutput.standardOutput.write("\(mark) \(chapter.file)  \(blocks), \(figures)  (\(timing))\n")
        for diagnostic in chapter.diagnostics {
            FileOutput.standardError.write(diagnostic.description + "\n")
        }
    }

    func finished(_ summary: BuildSummary, projectRoot: URL) {
        for warning in summary.warnings { FileOutput.standardError.write("warning: \(warning)\n") }
        let failed = summary.chapters.filter { $0.status == .failed }.count
        let render = String(format: "render %.2f s", summary.renderSeconds)
        if let shard = summary.shard {
            let chapters = summary.chapters.count == 1 ? "1 chapter" : "\(summary.chapters.count) chapters"
            if let aside = summary.failedReportFolder {
                FileOutput.standardError.write(
                    "\(failed) of \(chapters) of shard \(shard) failed; \(relative(summary.reportFolder, projectRoot)) was left as it was.\n"
                        + "  The failed shard's results: \(relative(aside, projectRoot))\n"
                        + "  Fix the errors above and build again (or pass --allow-failures to write the shard anyway).\n")
            } else {
                let line = "Shard \(shard) written to \(relative(summary.reportFolder, projectRoot)) (\(chapters)"
                    + (summary.chapters.isEmpty ? "" : ": " + summary.chapters.map(\.slug).joined(separator: ", "))
                    + "); assemble the shards with `normbook merge DIR…`\n"
                if failed > 0 { FileOutput.standardError.write("\(failed) of \(chapters) failed; " + line) } else { FileOutput.standardOutput.write(line) }
            }
            return
        }
        if let aside = summary.failedReportFolder {
            FileOutput.standardError.write(
                "\(failed) of \(summary.chapters.count) chapters failed; "
                    + (FileManager.default.fileExists(atPath: summary.reportFolder.path)
                        ? "\(relative(summary.reportFolder, projectRoot)) was left as it was.\n" : "no report was written.\n")
                    + "  The failed build's pages, with the errors at their blocks: \(relative(aside, projectRoot))/index.html\n"
                    + "  Fix the errors above and build again (or pass --allow-failures to replace the report anyway).\n")
        } else if failed > 0 {
            FileOutput.standardError.write(
                "\(failed) of \(summary.chapters.count) chapters failed; report written to \(relative(summary.reportFolder, projectRoot))/index.html (\(render))\n")
        } else {
            FileOutput.standardOutput.write(
                "Report written to \(relative(summary.reportFolder, projectRoot))/index.html (\(summary.chapters.count == 1 ? "1 chapter" : "\(summary.chapters.count) chapters"), \(render))\n")
        }
        if let singleFile = summary.singleFile {
            FileOutput.standardOutput.write("Single-file report written to \(relative(singleFile, projectRoot))\n")
        }
    }

    private func relative(_ url: URL, _ root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    /// The shards' verifications merged (`normbook merge --verify-results`).
    func mergedVerification(_ report: VerificationReport, files: Int, output: String) {
        listFailures(report, output: output)
        let claims = report.cases.filter { $0.name.hasPrefix("claim ") }
        let line = "\(files) shard verifications, \(report.summary.cases) cases; \(claims.filter(\.passed).count) of \(claims.count) claims have their expected verdict"
        if report.passed {
            FileOutput.standardOutput.write("Verified: \(line).\n")
        } else {
            FileOutput.standardError.write("Verification failed: \(report.summary.failed) failed cases, \(report.differences.count) differences with \(output)/; \(line).\n")
        }
    }

    private func listFailures(_ report: VerificationReport, output: String) {
        let failing = report.cases.filter { !$0.passed }
        for failure in failing where failure.suite != VerificationCase.reportFilesSuite {
            FileOutput.standardError.write("✗ \(failure.suite): \(failure.failure ?? "")\n")
        }
        for difference in report.differences {
            FileOutput.standardError.write("✗ \(difference.described(under: output))\n")
        }
        for note in report.claimNotes {
            FileOutput.standardError.write("note: claim \(note.claim): \(note.message)\n")
        }
    }

    func verification(_ outcome: ReportVerifier.Outcome, record: Bool, output: String) {
        let report = outcome.report
        for warning in outcome.warnings { FileOutput.standardError.write("warning: \(warning)\n") }
        listFailures(report, output: output)
        let claims = report.cases.filter { $0.name.hasPrefix("claim ") }
        let claimLine = "\(claims.filter(\.passed).count) of \(claims.count) claims have their expected verdict"
        if record {
            FileOutput.standardOutput.write("Recorded the rebuilt report into \(output)/; \(claimLine).\n")
        } else if report.passed {
            let what = report.shard.map { "shard \($0.shard)'s chapters (\($0.chapters.joined(separator: ", "))) match \(output)/" }
                ?? "\(output)/ matches the rebuilt report"
            FileOutput.standardOutput.write("Verified: \(what); \(claimLine).\n")
        } else {
            var lines = ["Verification failed: \(report.differences.count) differences with \(output)/; \(claimLine)."]
            if let kept = outcome.keptReport { lines.append("  The rebuilt report is in \(kept.path)") }
            if let images = outcome.differenceImages, outcome.diffPage == nil { lines.append("  Difference images are in \(images.path)") }
            lines.append("  If the changes are intended, run `normbook verify --record` and commit \(output)/.")
            FileOutput.standardError.write(lines.joined(separator: "\n") + "\n")
        }
    }
}
