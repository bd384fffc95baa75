#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import ArgumentParser
import Dispatch
import Foundation
import Notebook
import NotebookPreview

/// `normbook serve`: a live preview that follows edits.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a live preview of the report that rebuilds and reloads as you edit.",
        discussion: """
            Builds the report into its own folder (<cache>/preview, never the committed report \
            unless --output names a folder) and serves it on 127.0.0.1. Every change to a \
            chapter, a data file, normbook.yml or the theme rebuilds what it touches through the \
            same pipeline and cache as `normbook build` (a prose edit re-renders without \
            compiling) and reloads the open pages. Errors show over the page, with the last \
            render that built beneath them, and on the terminal.

            Ctrl-C stops the server and every chapter program it started; the exit status is 0.
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: Int = 3000

    @Option(name: .long, help: "The interface to listen on. Only name another than 127.0.0.1 if the preview may be reached from other machines.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the preview in the default browser (xdg-open).")
    var open = false

    @Option(name: .long, help: "A folder of templates (*.mustache, normbook.css) overriding the built-in ones.")
    var theme: String?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let project = self.project
        let theme = self.theme
        let options = try reportingNotebookErrors { try project.buildOptions(theme: theme) }
        // The report folder from the command line only: normbook.yml's `output` is the committed
        // report, which the preview never touches.
        let output = project.output.map { path in
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : options.projectRoot.appendingPathComponent(path)
        }
        let configuration = PreviewConfiguration(
            options: options, output: output, host: host, port: port,
            makeOptions: { try project.buildOptions(theme: theme) })
        let printer = PreviewStatusPrinter(projectRoot: options.projectRoot, colored: isatty(1) == 1)
        let server = PreviewServer(
            configuration: configuration, onRebuild: printer.rebuilt, onFirstBuildChapter: StatusPrinter().chapterFinished)
        SignalHandling.install(.preview)
        let openBrowser = open
        let shownOutput = project.shown(configuration.output)
        Task {
            do {
                try await server.run { url in
                    FileOutput.standardOutput.write("Serving the preview of \(options.title) at \(url.absoluteString)  (rendered into \(shownOutput)/; Ctrl-C to stop)\n")
                    if openBrowser { Serve.openInBrowser(url) }
                }
            } catch {
                FileOutput.standardError.write("normbook serve: \(error)\n")
                SignalHandling.stop(status: ExitStatus.usage.rawValue)
            }
        }
        dispatchMain()
    }
}

extension Serve {
    /// Opens `url` with xdg-open, which hands it to the browser and exits at once; says so when
    /// it cannot (no xdg-open, or no browser it knows of, as on a machine without a desktop).
    ///
    /// The browser is the user's: it is not stopped with the preview.
    static func openInBrowser(_ url: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let failed: @Sendable (String) -> Void = { why in
            FileOutput.standardError.write("could not open a browser (\(why)); open \(url.absoluteString) yourself\n")
        }
        process.terminationHandler = { finished in
            switch finished.terminationStatus {
            case 0: break
            case 127: failed("xdg-open is not installed (Debian package xdg-utils)")
            default: failed("xdg-open found no browser to open it with, exit status \(finished.terminationStatus)")
            }
        }
        do {
            try process.run()
        } catch {
            failed("\(error)")
        }
    }
}

/// One status line per rebuild on stdout (coloured on a terminal), errors on stderr.
struct PreviewStatusPrinter: Sendable {
    let projectRoot: URL
    let colored: Bool

    private func paint(_ text: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func rebuilt(_ report: RebuildReport) {
        let what: String
        if report.changed.isEmpty {
            what = "first build"
        } else if report.changed.count <= 3 {
            what = report.changed.joined(separator: ", ")
        } else {
            what = "\(report.changed.prefix(2).joined(separator: ", ")) and \(report.changed.count - 2) more"
        }
        if report.superseded {
            FileOutput.standardOutput.write(paint("↻ \(what): stopped, a newer edit came", "2") + "\n")
            return
        }
        let chapters = report.summary?.chapters ?? []
        let compiled = chapters.filter(\.compiled).count, reused = chapters.filter(\.reused).count
        var work: [String] = []
        if compiled > 0 { work.append("\(compiled) compiled") }
        if reused > 0 { work.append("\(reused) from cache") }
        let times = String(
            format: "compile %.2f s · run %.2f s · render %.2f s · push %.3f s · %.2f s in all",
            report.compileSeconds, report.runSeconds, report.renderSeconds, report.pushSeconds, report.totalSeconds)
        let mark = report.problems.isEmpty ? paint("✓", "32") : paint("✗", "31")
        let reloads = report.reloadedPages.isEmpty ? "" : " → reloaded \(report.reloadedPages.count) page\(report.reloadedPages.count == 1 ? "" : "s")"
        let count = report.problems.count == 1 ? "1 error" : "\(report.problems.count) errors"
        let errors = report.problems.isEmpty ? "" : paint(" · \(count), last good render kept", "31")
        FileOutput.standardOutput.write(
            "\(mark) \(paint(what, "1"))  (\(work.joined(separator: ", ")))  \(paint(times, "2"))\(reloads)\(errors)\n")
        for problem in report.problems {
            FileOutput.standardError.write(problem.terminalText + "\n")
        }
    }
}
