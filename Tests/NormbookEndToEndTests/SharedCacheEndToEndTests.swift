import Foundation
import Testing

@testable import Notebook

/// The result cache as CI uses it: one `--result-cache` folder shared by separate project copies
/// (and by builds running at once), kept bounded by `normbook cache prune`.
@Suite(.serialized)
struct SharedCacheEndToEndTests {
    static func store() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("normbook-e2e-store-\(UUID().uuidString)")
    }

    func build(_ project: FixtureProject, store: URL) throws -> BuildSummary {
        var options = project.options(allowFailures: false)
        options.resultCache = store
        return try ReportBuilder(options: options).build()
    }

    @Test func aSecondCopyOfTheProjectSharingTheResultCacheRerunsNothing() throws {
        let store = Self.store()
        let first = try FixtureProject.copy("cache-project")
        let built = try build(first, store: store)
        #expect(built.succeeded && built.runs == 2)
        // The results went to the shared store, not the project's cache folder.
        #expect(ResultCacheFolder(folder: store).info().results == 2)
        #expect(!first.exists(".normbook-cache/results"))

        let second = try FixtureProject.copy("cache-project")
        let reused = try build(second, store: store)
        #expect(reused.runs == 0 && reused.compilations == 0)
        #expect(reused.chapters.allSatisfy { $0.reused })
        #expect(try second.read("output/01-reads-data.html") == first.read("output/01-reads-data.html"))

        // The command line: NORMBOOK_RESULT_CACHE names the store, --result-cache wins over it.
        let third = try FixtureProject.copy("cache-project")
        let viaEnvironment = try CommandLine.run(["build"], in: third.root, environment: ["NORMBOOK_RESULT_CACHE": store.path])
        #expect(viaEnvironment.status == 0)
        #expect(viaEnvironment.stdout.components(separatedBy: "stored result, up to date").count == 3, "\(viaEnvironment.stdout)")
        let fourth = try FixtureProject.copy("cache-project")
        let elsewhere = Self.store()
        let viaFlag = try CommandLine.run(
            ["build", "--result-cache", elsewhere.path], in: fourth.root, environment: ["NORMBOOK_RESULT_CACHE": store.path])
        #expect(viaFlag.status == 0 && !viaFlag.stdout.contains("stored result"))
        #expect(ResultCacheFolder(folder: elsewhere).info().results == 2)
    }

    @Test func twoBuildsWritingOneResultCacheAtOnceLeaveWholeEntries() throws {
        let store = Self.store()
        let a = try FixtureProject.copy("cache-project"), b = try FixtureProject.copy("cache-project")
        let runningA = try CommandLine.start(["build", "--result-cache", store.path], in: a.root)
        let runningB = try CommandLine.start(["build", "--result-cache", store.path], in: b.root)
        let (resultA, resultB) = (try runningA.wait(), try runningB.wait())
        #expect(resultA.status == 0 && resultB.status == 0, "\(resultA.stderr)\(resultB.stderr)")
        let entries = ResultCacheFolder(folder: store).entries()
        #expect(entries.filter { $0.path.hasPrefix("results/") }.count == 2)
        let leftovers = FileManager.default.enumerator(atPath: store.path)?.allObjects.compactMap { $0 as? String } ?? []
        #expect(!leftovers.contains { $0.contains(AtomicFile.temporaryPrefix) })
        // Every entry reads whole: a third copy reruns nothing.
        let c = try FixtureProject.copy("cache-project")
        #expect(try build(c, store: store).runs == 0)
    }

    @Test func pruneKeepsTheResultCacheBoundedAndABuildAfterItRunsAgain() throws {
        let store = Self.store()
        let project = try FixtureProject.copy("cache-project")
        #expect(try build(project, store: store).runs == 2)
        let before = ResultCacheFolder(folder: store).info()
        #expect(before.results == 2 && before.bytes > 0)

        let info = try CommandLine.run(["cache", "info", "--result-cache", store.path], in: project.root)
        #expect(info.status == 0 && info.stdout.contains("entries: 2 chapter results"), "\(info.stdout)")

        let dry = try CommandLine.run(["cache", "prune", "--max-size", "1", "--dry-run", "--result-cache", store.path], in: project.root)
        #expect(dry.status == 0 && dry.stdout.contains("would remove results/"))
        #expect(ResultCacheFolder(folder: store).info() == before)

        // Only the most recently used entry fits in the size of the largest.
        let largest = ResultCacheFolder(folder: store).entries().map(\.size).max() ?? 0
        let pruned = try CommandLine.run(
            ["cache", "prune", "--max-size", "\(largest)", "--result-cache", store.path], in: project.root)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(pruned.stdout.contains("removed results/"))
        #expect(pruned.stdout.contains("before"))
        let after = ResultCacheFolder(folder: store).info()
        #expect(after.bytes <= largest && after.results + after.figures < before.results + before.figures)

        #expect(try CommandLine.run(["cache", "prune", "--max-size", "0", "--result-cache", store.path], in: project.root).status == 0)
        #expect(ResultCacheFolder(folder: store).entries().isEmpty)
        #expect(try build(project, store: store).runs == 2)
        #expect(try CommandLine.run(["cache", "prune", "--result-cache", store.path], in: project.root).status == 2)
    }

    @Test func aResultCacheInsideTheOutputOrChaptersFolderIsRefused() throws {
        let project = try FixtureProject.copy("cache-project")
        let refused = try CommandLine.run(["build", "--result-cache", "output/results"], in: project.root)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("output/results"))
        #expect(refused.stderr.contains("refusing to write the result cache into 'output/results': it is inside the output folder"), "\(refused.stderr)")
        #expect(!project.exists("output"))

        try project.write("result-cache: chapters/stored\n", to: "normbook.yml")
        let fromFile = try CommandLine.run(["build"], in: project.root)
        #expect(fromFile.status == 2 && fromFile.stderr.contains("chapters folder"), "\(fromFile.stderr)")
        let verify = try CommandLine.run(["verify"], in: project.root)
        #expect(verify.status == 2 && verify.stderr.contains("chapters folder"))
    }
}
