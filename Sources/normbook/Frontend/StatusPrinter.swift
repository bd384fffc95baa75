import Foundation
import Notebook

/// Prints one status line per chapter on stdout and every diagnostic on stderr, in the
/// `file:line:col: error: message` form editors and CI annotators read.
struct StatusPrinter: Sendable {
    func chapterFinished(_ chapter: BuildSummary.Chapter) {
        let mark = chapter.status == .succeeded ? "✓" : "✗"
        let blocks = "\(chapter.blocksSucceeded)/\(chapter.blockCount) blocks"
        let figures = chapter.figureCount == 1 ? "1 figure" : "\(chapter.figureCount) figures"
        let timing = String(format: "compile %.2f s · run %.2f s", chapter.compileSeconds, chapter.runSeconds)
        FileOutput.standardOutput.write("\(mark) \(chapter.file)  \(blocks), \(figures)  (\(timing))\n")
        for diagnostic in chapter.diagnostics {
            FileOutput.standardError.write(diagnostic.description + "\n")
        }
    }

    func finished(_ summary: BuildSummary, projectRoot: URL) {
        let failed = summary.chapters.filter { $0.status == .failed }.count
        let render = String(format: "render %.2f s", summary.renderSeconds)
        if let aside = summary.failedReportFolder {
            FileOutput.standardError.write(
                "\(failed) of \(summary.chapters.count) chapters failed; \(relative(summary.reportFolder, projectRoot)) was left as it was.\n"
                    + "  The failed build's pages, with the errors at their blocks: \(relative(aside, projectRoot))/index.html\n"
                    + "  Fix the errors above and build again (or pass --allow-failures to replace the report anyway).\n")
        } else if failed > 0 {
            FileOutput.standardError.write(
                "\(failed) of \(summary.chapters.count) chapters failed; report written to \(relative(summary.reportFolder, projectRoot))/index.html (\(render))\n")
        } else {
            FileOutput.standardOutput.write(
                "Report written to \(relative(summary.reportFolder, projectRoot))/index.html (\(summary.chapters.count) chapters, \(render))\n")
        }
    }

    private func relative(_ url: URL, _ root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
