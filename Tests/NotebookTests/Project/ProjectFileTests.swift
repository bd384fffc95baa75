import Foundation
import Testing

@testable import Notebook

struct ProjectFileTests {
    @Test func everyKeyIsReadAndProblemsHaveTheirPlace() {
        let text = """
            title: My report
            chapters: text
            output: site
            seed: 7
            defaults: {echo: false}
            limits:
              memory: 8 GiB
            sandbox: false
            verify:
              tolerance: 1e-4
              pixel-tolerance: 2
            titel: typo
            cache: [not, a, path]
            """
        var diagnostics: [Diagnostic] = []
        let file = ProjectFile.parse(text, diagnostics: &diagnostics)
        #expect(file.title == "My report" && file.chapters == "text" && file.output == "site")
        #expect(file.frontMatter.seed == 7 && file.frontMatter.defaults == ["echo": "false"])
        #expect(file.frontMatter.limits.memory == .gibibytes(8) && file.frontMatter.sandbox == false)
        #expect(file.tolerance == 1e-4 && file.pixelTolerance == 2)
        let messages = diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("normbook.yml:12:1: error: unknown key of normbook.yml 'titel'; did you mean 'title'?") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("normbook.yml:13:8: error: cache must be a folder path") }, "\(messages)")
    }

    @Test func singleFileIsAFilePathResolvedFromTheRootAndTheCommandLineWins() {
        var diagnostics: [Diagnostic] = []
        let file = ProjectFile.parse("single-file: export/report.html\n", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let root = URL(fileURLWithPath: "/projects/p")
        #expect(file.buildOptions(projectRoot: root, jobs: 1).singleFile?.path == "/projects/p/export/report.html")
        var given = ProjectFile()
        given.singleFile = "other.html"
        #expect(file.overridden(by: given).singleFile == "other.html")
        #expect(ProjectFile().buildOptions(projectRoot: root, jobs: 1).singleFile == nil)

        _ = ProjectFile.parse("single-file: [a]\n", diagnostics: &diagnostics)
        #expect(diagnostics.map(\.message) == ["single-file must be a file path"])
        #expect(diagnostics.map(\.hint) == ["write e.g. `single-file: report.html`"])
    }

    @Test func resultCacheIsAFolderResolvedFromTheRootAndTheCommandLineWins() {
        var diagnostics: [Diagnostic] = []
        let file = ProjectFile.parse("result-cache: ../shared/results\n", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let root = URL(fileURLWithPath: "/projects/p")
        let options = file.buildOptions(projectRoot: root, jobs: 1)
        #expect(options.resultCache?.path == "/projects/shared/results")
        #expect(options.resultStore.path == "/projects/shared/results")
        var given = ProjectFile()
        given.resultCache = "/ci/results"
        #expect(file.overridden(by: given).buildOptions(projectRoot: root, jobs: 1).resultStore.path == "/ci/results")
        // Unset: the cache folder holds it.
        #expect(ProjectFile().buildOptions(projectRoot: root, jobs: 1).resultStore.path == "/projects/p/.normbook-cache")
        var bad: [Diagnostic] = []
        _ = ProjectFile.parse("result-cache: [a]\n", diagnostics: &bad)
        #expect(bad.map(\.description).contains { $0.contains("result-cache must be a folder path") && $0.contains(".normbook-results") })
    }

    @Test func theFileIsFoundFromAnyFolderBelowIt() throws {
        let root = try temporaryProject("project-file", folders: ["chapters/deep/er"])
        try Data("title: T\n".utf8).write(to: root.appendingPathComponent(ProjectFile.fileName))
        let found = ProjectFile.locate(from: root.appendingPathComponent("chapters/deep/er"))
        #expect(found?.standardizedFileURL.path == root.appendingPathComponent(ProjectFile.fileName).standardizedFileURL.path)
    }

    @Test func commandLineSettingsWinAndChaptersInheritTheRest() {
        var diagnostics: [Diagnostic] = []
        let file = ProjectFile.parse("title: From file\noutput: site\nseed: 5\nlimits: {memory: 2 GiB}\n", diagnostics: &diagnostics)
        var commandLine = ProjectFile()
        commandLine.output = "cli-output"
        commandLine.title = "From CLI"
        commandLine.fileSize = .mebibytes(64)
        let options = file.overridden(by: commandLine).buildOptions(projectRoot: URL(fileURLWithPath: "/p"), jobs: 1)
        #expect(options.output.path == "/p/cli-output" && options.title == "From CLI")
        #expect(options.limits.memory == .gibibytes(2) && options.limits.fileSize == .mebibytes(64))
        #expect(options.chapters.path == "/p/chapters")
        let untitled = ProjectFile().buildOptions(projectRoot: URL(fileURLWithPath: "/work/my-notes"), jobs: 1)
        #expect(untitled.title == "my-notes" && untitled.sandbox && untitled.limits == ResourceLimits())
        var chapter = FrontMatter()
        chapter.timeout = 9
        let merged = chapter.inheriting(options.chapterDefaults)
        #expect(merged.seed == 5 && merged.timeout == 9)
    }
}
