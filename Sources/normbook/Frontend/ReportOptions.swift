import ArgumentParser
import Foundation
import Notebook

/// The options of the commands that write the report folder (`build`, `merge`): its theme, a
/// single-file copy, whether failed chapters may replace it, and whether a foreign folder may.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "A folder of templates (*.mustache, normbook.css) overriding the built-in ones.")
    var theme: String?

    @Option(name: .long, help: "Also write the whole report as one self-contained HTML file (figures, styles, scripts, fonts embedded; opens offline). A new file, or one normbook wrote; never a file of yours.")
    var singleFile: String?

    @Flag(name: .long, help: "Replace the report even when chapters fail; their pages show the errors.")
    var allowFailures = false

    @Flag(name: .long, help: "Replace an output folder normbook did not write (everything in it is deleted). Never the project root, its chapters or cache, nor a file.")
    var force = false

    /// Whether any of them was given.
    var anyGiven: Bool { theme != nil || singleFile != nil || allowFailures || force }

    /// The project's build options with these on top.
    func buildOptions(_ project: ProjectOptions) throws -> BuildOptions {
        var options = try reportingNotebookErrors {
            try project.buildOptions(allowFailures: allowFailures) {
                $0.theme = theme
                $0.singleFile = singleFile
            }
        }
        options.force = force
        return options
    }
}
