import Foundation
import Testing

@testable import Notebook

/// The content-addressed cache: what a rebuild compiles and runs, counted from the build's own
/// summary, and `--frozen` rendering.
@Suite(.serialized)
struct CacheEndToEndTests {
    func build(_ project: FixtureProject, kit: ChapterKit? = nil, frozen: Bool = false) throws -> BuildSummary {
        var options = project.options(allowFailures: false)
        options.kit = kit
        options.frozen = frozen
        return try ReportBuilder(options: options).build()
    }

    func append(_ text: String, to path: String, in project: FixtureProject) throws {
        let url = project.root.appendingPathComponent(path)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func anUnchangedRebuildCompilesAndRunsNothing() throws {
        let project = try FixtureProject.copy("cache-project")
        let first = try build(project)
        #expect(first.succeeded && first.compilations == 2 && first.runs == 2)
        let page = try project.read("output/01-reads-data.html")
        let second = try build(project)
        #expect(second.compilations == 0 && second.runs == 0)
        #expect(second.chapters.allSatisfy { $0.reused })
        #expect(try project.read("output/01-reads-data.html") == page)
        #expect(page.contains(#"<span class="inline-value" title="numbers.reduce(0, +)">6</span>"#))
    }

    @Test func editingOneBlockRerunsOnlyThatChapterAndProseEditsRerunNothing() throws {
        let project = try FixtureProject.copy("cache-project")
        _ = try build(project)
        try append("\nMore words, no code.\n", to: "chapters/02-plain.md", in: project)
        let proseOnly = try build(project)
        #expect(proseOnly.runs == 0)
        #expect(try project.read("output/02-plain.html").contains("More words, no code."))

        try append("\n```swift\nprint(\"edited\")\n```\n", to: "chapters/02-plain.md", in: project)
        let edited = try build(project)
        #expect(edited.runs == 1)
        #expect(edited.chapters.first { $0.slug == "02-plain" }?.ran == true)
        #expect(edited.chapters.first { $0.slug == "01-reads-data" }?.reused == true)
    }

    @Test func changingADeclaredDataFileRerunsTheChaptersThatDeclareIt() throws {
        let project = try FixtureProject.copy("cache-project")
        _ = try build(project)
        try append("4\n", to: "chapters/data/numbers.csv", in: project)
        let summary = try build(project)
        #expect(summary.runs == 1)
        #expect(summary.chapters.first { $0.slug == "01-reads-data" }?.ran == true)
        #expect(try project.read("output/01-reads-data.html").contains("sum 10.0"))
    }

    @Test func rebuildingTheEngineRerunsEveryChapter() throws {
        let project = try FixtureProject.copy("cache-project")
        let kit = try ChapterKit.locate()
        _ = try build(project, kit: kit)
        var rebuilt = kit
        rebuilt.fingerprint = "a different engine binary"
        let summary = try build(project, kit: rebuilt)
        #expect(summary.runs == 2 && summary.compilations == 2)
    }

    @Test func frozenRendersStoredResultsAndRejectsStaleOnes() throws {
        let project = try FixtureProject.copy("cache-project")
        _ = try build(project)
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".normbook-cache"))
        try append("\nA new closing sentence.\n", to: "chapters/02-plain.md", in: project)
        // A kit that does not exist: frozen must not need one.
        let frozen = try build(project, kit: ChapterKit(directory: URL(fileURLWithPath: "/nonexistent"), moduleMaps: []), frozen: true)
        #expect(frozen.runs == 0 && frozen.compilations == 0)
        #expect(try project.read("output/02-plain.html").contains("A new closing sentence."))

        try append("\n```swift\nprint(2)\n```\n", to: "chapters/02-plain.md", in: project)
        #expect(throws: NotebookError.self) { _ = try build(project, frozen: true) }

        try FileManager.default.removeItem(at: project.root.appendingPathComponent("output/_results/01-reads-data.json"))
        do {
            _ = try build(project, frozen: true)
            Issue.record("a missing result must fail")
        } catch let error as NotebookError {
            #expect(error.description.contains("no stored result"))
            #expect(error.description.contains("stale"))
        }
    }

    @Test func aRebuildThatChangesOnlyVolatileContentKeepsTheReportsBytes() throws {
        let chapter = """
            # Timing

            ```swift
            //| volatile: true
            import Foundation
            print("now:", Date().timeIntervalSince1970)
            ```

            It is `{swift volatile} Date().timeIntervalSince1970` and `{swift} 6 * 7`.
            """
        let project = try FixtureProject.make(["01-timing.md": chapter])
        var options = project.options(allowFailures: false)
        options.useCache = false
        _ = try ReportBuilder(options: options).build()
        let files = ["01-timing.html", "_results/01-timing.json"]
        let before = try files.map { try project.read("output/\($0)") }
        Thread.sleep(forTimeInterval: 0.05)
        _ = try ReportBuilder(options: options).build()
        #expect(try files.map { try project.read("output/\($0)") } == before, "a timing-only change rewrote the report")

        // A change outside volatile content is written, with the new timings.
        try project.write(chapter.replacingOccurrences(of: "6 * 7", with: "6 * 8"), to: "chapters/01-timing.md")
        _ = try ReportBuilder(options: options).build()
        let page = try project.read("output/01-timing.html")
        #expect(page.contains(">48</span>") && page != before[0])
        #expect(try project.read("output/_results/01-timing.json") != before[1])
    }
}
