import ArgumentParser
import Foundation
import Notebook

/// `normbook init [DIR]`: scaffolds a project that builds and verifies as it is.
struct Initialize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new project: normbook.yml, a starter chapter, .gitignore and an example CI workflow.",
        discussion: "Never overwrites a file: if any of them exists, nothing is written (exit 2).")

    @Argument(help: "The project folder (default: the current folder); created if needed.")
    var directory: String?

    @Option(name: .long, help: "The report's title (default: the folder's name).")
    var title: String?

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let folder = directory.map { URL(fileURLWithPath: $0, relativeTo: here).standardizedFileURL } ?? here
        let written = try reportingNotebookErrors {
            try ProjectScaffold.create(in: folder, title: title ?? folder.lastPathComponent)
        }
        let place = directory ?? "."
        FileOutput.standardOutput.write(
            written.map { "created \(place == "." ? "" : place + "/")\($0)\n" }.joined()
                + "Next: cd \(place) && normbook build (then open output/index.html), and normbook verify to check it.\n")
    }
}
