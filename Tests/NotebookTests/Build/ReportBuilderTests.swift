import Foundation
import Testing

@testable import Notebook

struct ReportBuilderTests {
    let root: URL

    init() throws {
        root = try temporaryProject("builder")
    }

    var builder: ReportBuilder { ReportBuilder(options: BuildOptions(projectRoot: root, jobs: 1)) }

    @Test func chaptersAreTheMarkdownFilesInNameOrderButDraftsAndReadmes() throws {
        for name in ["02-b.md", "01-a.md", "_draft.md", "README.md", "notes.txt", "10-c.md"] {
            try Data("# x".utf8).write(to: root.appendingPathComponent("chapters/\(name)"))
        }
        #expect(try builder.chapterFiles().map(\.lastPathComponent) == ["01-a.md", "02-b.md", "10-c.md"])
        #expect(builder.displayPath(of: root.appendingPathComponent("chapters/01-a.md")) == "chapters/01-a.md")
        #expect(builder.displayPath(of: root) == ".")
    }

    @Test func anEmptyOrMissingChaptersFolderIsAProjectError() throws {
        #expect(throws: NotebookError.noChapters(path: "chapters")) { _ = try builder.chapterFiles() }
        var options = BuildOptions(projectRoot: root, chapters: "nowhere", jobs: 1)
        options.jobs = 1
        #expect(throws: NotebookError.chaptersFolderMissing(path: "nowhere")) { _ = try ReportBuilder(options: options).chapterFiles() }
    }

    @Test func aResultThatDiffersOnlyInTimingsIsReplacedByTheReportsOwn() throws {
        let output = root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("_results"), withIntermediateDirectories: true)
        let previous = VolatileContentTests.timingChapter(microseconds: 10)
        try ResultsStore().encode(previous).write(to: output.appendingPathComponent("_results/t.json"))

        // Not a report normbook wrote: nothing is taken from it.
        let timing = VolatileContentTests.timingChapter(microseconds: 20)
        #expect(builder.keepingPreviousVolatileContent([timing]) == [timing])

        try ReportMarker.write(into: output)
        #expect(builder.keepingPreviousVolatileContent([timing]) == [previous])
        let changed = VolatileContentTests.timingChapter(microseconds: 20, stable: 9)
        #expect(builder.keepingPreviousVolatileContent([changed]) == [changed])
    }
}
