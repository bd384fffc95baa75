import Foundation
import Testing

@testable import Notebook

@Suite("Merging shards: which shard folders belong together")
struct ShardMergeTests {
    static let project: [(slug: String, file: String)] = [
        ("01-a", "chapters/01-a.md"), ("02-b", "chapters/02-b.md"), ("03-c", "chapters/03-c.md"),
    ]

    /// A shard folder holding (empty) results for `chapters`.
    func folder(
        _ index: Int, of count: Int, chapters: [String], environment: String = "env", normbook: String = NotebookIdentity.version,
        projectChapters: [String] = project.map(\.slug), in root: URL
    ) throws -> URL {
        let folder = root.appendingPathComponent("shard-\(index)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("_results"), withIntermediateDirectories: true)
        for slug in chapters { try Data("{}".utf8).write(to: folder.appendingPathComponent("_results/\(slug).json")) }
        try ShardManifest(
            shard: Shard(index: index, count: count), normbook: normbook, environmentKey: environment, compiler: "Swift \(environment)",
            projectChapters: projectChapters, chapters: chapters, figures: ["figures/\(chapters.first ?? "x")-1.png": "key\(index)"]
        ).write(into: folder)
        return folder
    }

    func root() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("shard-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    func problems(_ folders: [URL]) -> [String] {
        do {
            _ = try ShardSet.load(folders, projectChapters: Self.project, shown: { $0.lastPathComponent })
            return []
        } catch let NotebookError.incompatibleShards(problems, _) {
            return problems
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test("Shards of one split that cover every chapter load; a chapter's holders and the drawn figures are known")
    func complete() throws {
        let root = try root()
        let one = try folder(1, of: 2, chapters: ["01-a", "03-c"], in: root)
        let two = try folder(2, of: 2, chapters: ["02-b"], in: root)
        let set = try ShardSet.load([one, two], projectChapters: Self.project, shown: { $0.lastPathComponent })
        #expect(set.holders(of: "03-c").map(\.shown) == ["shard-1"])
        #expect(set.predrawn["key2"] == two.appendingPathComponent("figures/02-b-1.png"))
    }

    @Test("A chapter no shard holds is named, with the shards not given")
    func missingChapter() throws {
        let root = try root()
        let one = try folder(1, of: 3, chapters: ["01-a"], in: root)
        let two = try folder(2, of: 3, chapters: ["02-b"], in: root)
        #expect(problems([one, two]) == ["chapters/03-c.md: no shard folder holds its result (not given: shard 3/3)"])
    }

    @Test("A folder that is not a shard's output is refused, and so is a missing folder")
    func notAShard() throws {
        let root = try root()
        let plain = root.appendingPathComponent("report")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        let found = problems([plain, root.appendingPathComponent("nowhere")])
        #expect(found.contains { $0.hasPrefix("report is not a shard's output (it has no _shard.json)") })
        #expect(found.contains("nowhere: no such folder"))
    }

    @Test("Shards of different splits, environments, normbooks or chapter sets are refused, naming the folders")
    func mismatches() throws {
        let root = try root()
        let one = try folder(1, of: 2, chapters: ["01-a", "03-c"], in: root)
        let other = try folder(2, of: 3, chapters: ["02-b"], environment: "other", in: root)
        let found = problems([one, other])
        #expect(found.contains("shard-2 is shard 2/3 but shard-1 is shard 1/2: they come from different splits"))
        #expect(found.contains("shard-2 and shard-1 were built in different environments: Swift other against Swift env"))

        let old = try folder(2, of: 2, chapters: ["02-b"], normbook: "0.0.1", projectChapters: ["01-a", "02-b", "03-c", "04-d"], in: try self.root())
        let more = problems([one, old])
        #expect(more.contains("shard-2 was built by normbook 0.0.1, and this is normbook \(NotebookIdentity.version)"))
        #expect(more.contains("shard-2 was built from a project with other chapters: it has 04-d, which this project does not"))
    }

    @Test("A manifest naming a result the folder lacks is refused")
    func listedButAbsent() throws {
        let root = try root()
        let one = try folder(1, of: 1, chapters: ["01-a", "02-b", "03-c"], in: root)
        try FileManager.default.removeItem(at: one.appendingPathComponent("_results/02-b.json"))
        #expect(problems([one]) == ["shard-1 lists 02-b but has no _results/02-b.json"])
    }

    @Test("Shard verifications merge in shard order; a chapter no shard verified fails the merged one")
    func verifications() throws {
        func report(_ index: Int, _ chapters: [String], failing: Bool = false) throws -> VerificationReport {
            var report = VerificationReport(cases: chapters.map {
                VerificationCase(suite: $0, name: "builds", failure: failing ? "the chapter did not build" : nil)
            })
            report.shard = VerificationReport.ShardCoverage(
                shard: try Shard(index: index, count: 3), chapters: chapters, projectChapters: Self.project.map(\.file))
            return report
        }
        let all = try VerificationReport.merging([
            ("v3.json", report(3, ["chapters/03-c.md"])), ("v1.json", report(1, ["chapters/01-a.md"])),
            ("v2.json", report(2, ["chapters/02-b.md"])),
        ])
        #expect(all.passed && all.shard == nil)
        #expect(all.cases.map(\.suite) == Self.project.map(\.file))

        let partial = try VerificationReport.merging([("v1.json", report(1, ["chapters/01-a.md"])), ("v3.json", report(3, ["chapters/03-c.md"]))])
        #expect(!partial.passed)
        #expect(partial.cases.last == VerificationCase(
            suite: VerificationReport.coverageSuite, name: "chapters/02-b.md", failure: "no shard verified this chapter (missing: shard 2/3)"))

        let failed = try VerificationReport.merging([
            ("v1.json", report(1, ["chapters/01-a.md"])), ("v2.json", report(2, ["chapters/02-b.md"], failing: true)),
            ("v3.json", report(3, ["chapters/03-c.md"])),
        ])
        #expect(!failed.passed && failed.summary.failed == 1)

        // A whole verification is not a shard's; a shard of another split is refused.
        #expect(throws: NotebookError.self) { try VerificationReport.merging([("whole.json", VerificationReport(cases: []))]) }
        var otherSplit = try report(2, ["chapters/02-b.md"])
        otherSplit.shard?.shard = try Shard(index: 2, count: 2)
        #expect(throws: NotebookError.self) { try VerificationReport.merging([("v1.json", report(1, ["chapters/01-a.md"])), ("v2.json", otherSplit)]) }
        // The coverage survives the JSON round trip that CI artifacts go through.
        let written = try report(1, ["chapters/01-a.md"])
        #expect(try VerificationReport.decode(from: written.jsonData()) == written)
    }
}
