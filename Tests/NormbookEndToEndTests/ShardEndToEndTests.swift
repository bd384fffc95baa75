import Foundation
import Testing

@testable import Notebook

/// Sharded builds through the command line, as CI runs them: `build --shard I/N` into separate
/// folders at once, `merge`, `verify --shard` and `merge --verify-results`, and
/// `scripts/ci-shards` on a fixture of four chapters.
@Suite(.serialized)
struct ShardEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs the commands at once and waits for all of them.
    func concurrently(_ commands: [[String]], in project: FixtureProject) throws -> [CommandLine.Result] {
        let running = try commands.map { try CommandLine.start($0, in: project.root) }
        return try running.map { try $0.wait() }
    }

    /// Every file of a report folder, by path relative to it (the marker included).
    func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Three shards built at once into three folders and merged give the one-machine build:
    /// the same files, the same bytes — the results JSON the same outside the build times.
    @Test func threeShardsMergeIntoTheOneMachineBuild() throws {
        let project = try FixtureProject.copy("shard-project")
        let single = try CommandLine.run(["build", "--no-cache", "--output", "single"], in: project.root)
        #expect(single.status == 0, "\(single.stderr)")
        // --no-wait: a shard that had to wait for another's lock would fail (exit 2).
        let shards = try concurrently((1...3).map { ["build", "--shard", "\($0)/3", "--output", "shard-\($0)", "--jobs", "1", "--no-wait"] }, in: project)
        for (i, shard) in shards.enumerated() {
            #expect(shard.status == 0, "shard \(i + 1): \(shard.stderr)")
            #expect(shard.stdout.contains("Shard \(i + 1)/3 written to shard-\(i + 1)"))
        }
        // Each chapter in exactly one shard; a shard folder holds results and figures, no pages.
        var held: [String] = []
        for i in 1...3 {
            let manifest = try #require(try ShardManifest.read(from: project.root.appendingPathComponent("shard-\(i)")))
            #expect(manifest.shard == (try Shard(index: i, count: 3)))
            held += manifest.chapters
            #expect(!project.exists("shard-\(i)/index.html"))
            for slug in manifest.chapters { #expect(project.exists("shard-\(i)/figures/\(slug)-1.png")) }
        }
        #expect(held.sorted() == ["01-alpha", "02-beta", "03-gamma", "04-delta"])

        let merge = try CommandLine.run(["merge", "shard-1", "shard-2", "shard-3", "--output", "merged"], in: project.root)
        #expect(merge.status == 0, "\(merge.stderr)")
        let expected = try files(in: project.root.appendingPathComponent("single"))
        let actual = try files(in: project.root.appendingPathComponent("merged"))
        #expect(Set(expected.keys) == Set(actual.keys))
        #expect(expected.keys.contains("02-beta.html") && expected.keys.contains("figures/03-gamma-1.png"))
        for (path, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("_results/") {
                let a = try ResultsStore().decode(bytes, path: path), b = try ResultsStore().decode(try #require(actual[path]), path: path)
                #expect(a.agreesOutsideVolatileContent(with: b), "\(path)")
                #expect(a.buildSeconds != nil && b.buildSeconds != nil)
            } else {
                #expect(actual[path] == bytes, "\(path) differs from the one-machine build")
            }
        }
        // `build --frozen --results` is the same merge.
        let frozen = try CommandLine.run(["build", "--frozen", "--results", "shard-1", "shard-2", "shard-3", "--output", "frozen"], in: project.root)
        #expect(frozen.status == 0, "\(frozen.stderr)")
        #expect(try files(in: project.root.appendingPathComponent("frozen")) == actual)
    }

    /// A shard built before a chapter changed, a missing shard, and bad `--shard` values are
    /// refused (exit 2) with the chapter, the shard folder and what to do.
    @Test func mismatchedShardsAreRefused() throws {
        let project = try FixtureProject.copy("shard-project")
        for result in try concurrently((1...2).map { ["build", "--shard", "\($0)/2", "--output", "s\($0)", "--jobs", "1"] }, in: project) {
            #expect(result.status == 0, "\(result.stderr)")
        }
        let missing = try CommandLine.run(["merge", "s1", "--output", "merged"], in: project.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("chapters/02-beta.md: no shard folder holds its result (not given: shard 2/2)"))

        let holder = try #require(try ShardManifest.read(from: project.root.appendingPathComponent("s1"))).chapters.contains("03-gamma") ? "s1" : "s2"
        let chapter = try project.read("chapters/03-gamma.md")
        try project.write(chapter.replacingOccurrences(of: "$0 * $0 * 3", with: "$0 * $0 * 3 + 1"), to: "chapters/03-gamma.md")
        let stale = try CommandLine.run(["merge", "s1", "s2", "--output", "merged"], in: project.root)
        #expect(stale.status == 2)
        #expect(stale.stderr.contains("chapters/03-gamma.md:1:1: error: shard folder \(holder) (shard"))
        #expect(stale.stderr.contains("was built from a different version of this chapter"))
        #expect(stale.stderr.contains("hint: build the shards again from the same commit as the merge"))
        #expect(!project.exists("merged"))

        for bad in ["0/3", "4/3", "x"] {
            let result = try CommandLine.run(["build", "--shard", bad, "--output", "bad"], in: project.root)
            #expect(result.status == 2)
            #expect(result.stderr.contains("is not a shard"))
        }
        let notAShard = try CommandLine.run(["merge", "chapters", "--output", "merged"], in: project.root)
        #expect(notAShard.status == 2 && notAShard.stderr.contains("chapters is not a shard's output"))
    }

    /// `verify --shard` checks only its chapters; a difference in one chapter fails the shard
    /// that holds it and the merged verification.
    @Test func shardVerificationsMergeAndADifferenceFailsThem() throws {
        let project = try FixtureProject.copy("shard-project")
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        let commands = (1...2).map { ["verify", "--shard", "\($0)/2", "--json", "v\($0).json", "--jobs", "1", "--no-wait"] }
        for result in try concurrently(commands, in: project) { #expect(result.status == 0, "\(result.stderr)") }
        let merged = try CommandLine.run(["merge", "--verify-results", "v1.json", "v2.json", "--json", "v.json", "--junit", "v.xml"], in: project.root)
        #expect(merged.status == 0, "\(merged.stderr)")
        let report = try VerificationReport.decode(from: Data(contentsOf: project.root.appendingPathComponent("v.json")))
        #expect(report.passed)
        #expect(Set(report.cases.filter { $0.name == "builds" }.map(\.suite)) == Set(["01-alpha", "02-beta", "03-gamma", "04-delta"].map { "chapters/\($0).md" }))
        #expect(try project.read("v.xml").contains("<testsuites name=\"normbook verify\""))

        // A committed number that no rebuild gives: only the shard holding the chapter fails.
        let page = try project.read("output/04-delta.html")
        try project.write(page.replacingOccurrences(of: "sum 9880", with: "sum 9881"), to: "output/04-delta.html")
        #expect(page.contains("sum 9880"))
        let results = try concurrently(commands, in: project)
        #expect(results.map(\.status).sorted() == [0, 1])
        let failing = try CommandLine.run(["merge", "--verify-results", "v1.json", "v2.json", "--json", "v.json"], in: project.root)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("04-delta.html"))
        let partial = try CommandLine.run(["merge", "--verify-results", "v1.json"], in: project.root)
        #expect(partial.status == 1 && partial.stderr.contains("no shard verified this chapter"))
    }

    /// `scripts/ci-shards 2 PROJECT`: two shard processes verify and build, then the merges
    /// give a verified report.
    @Test func ciShardsScriptProducesAVerifiedReport() throws {
        let project = try FixtureProject.copy("shard-project")
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        let normbook = try ChapterKit.locate().directory.appendingPathComponent("normbook")
        let script = Self.repository.appendingPathComponent("scripts/ci-shards")
        let result = try CommandLine.run(
            ["2", project.root.path], in: project.root, environment: ["NORMBOOK": normbook.path], executable: script)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("[shard 1/2] Verified: shard 1/2's chapters"))
        #expect(result.stdout.contains("ci-shards: 2 shards in"))
        let verification = try VerificationReport.decode(from: Data(contentsOf: project.root.appendingPathComponent(".normbook-ci-shards/verify.json")))
        #expect(verification.passed && verification.cases.filter { $0.name == "builds" }.count == 4)
        let merged = try files(in: project.root.appendingPathComponent(".normbook-ci-shards/report"))
        let committed = try files(in: project.root.appendingPathComponent("output"))
        #expect(Set(merged.keys) == Set(committed.keys))
        #expect(merged["02-beta.html"] == committed["02-beta.html"])
        #expect(merged["index.html"] == committed["index.html"])

        let usage = try CommandLine.run(["0"], in: project.root, environment: ["NORMBOOK": normbook.path], executable: script)
        #expect(usage.status == 2)
    }
}
