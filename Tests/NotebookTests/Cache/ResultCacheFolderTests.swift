import Foundation
import Testing

@testable import Notebook

struct ResultCacheFolderTests {
    /// A store with entries of the given sizes, the first used longest ago (a day apart).
    static func store(sizes: [Int], now: Date) throws -> (ResultCacheFolder, [String]) {
        let folder = ResultCacheTests.folder()
        var paths: [String] = []
        for (i, size) in sizes.enumerated() {
            let digest = SHA256.hex(of: Data("entry \(i)".utf8))
            let isFigure = i % 2 == 1
            let layout = ResultStoreLayout(folder: folder)
            let url = isFigure ? layout.figureEntry(digest) : layout.resultEntry(digest)
            try AtomicFile.write(Data(repeating: 0x7B, count: size), to: url)
            let used = now.addingTimeInterval(Double(i - sizes.count) * 86_400)
            try FileManager.default.setAttributes([.modificationDate: used], ofItemAtPath: url.path)
            paths.append(String(url.path.dropFirst(folder.path.count + 1)))
        }
        return (ResultCacheFolder(folder: folder), paths)
    }

    @Test func infoCountsResultsFiguresAndBytes() throws {
        let (store, _) = try Self.store(sizes: [100, 200, 300], now: Date())
        #expect(store.info() == ResultCacheFolder.Info(results: 2, figures: 1, bytes: 600))
        #expect(ResultCacheFolder(folder: ResultCacheTests.folder()).info() == ResultCacheFolder.Info(results: 0, figures: 0, bytes: 0))
    }

    @Test func pruningToASizeRemovesTheLeastRecentlyUsedFirst() throws {
        let now = Date()
        let (store, paths) = try Self.store(sizes: [100, 100, 100, 100, 100], now: now)
        // A hit on the oldest entry makes it the most recently used.
        AtomicFile.touch(store.folder.appendingPathComponent(paths[0]))
        let outcome = store.prune(maxSize: 250, maxAge: nil, now: now)
        #expect(outcome.removed.map(\.path) == [paths[1], paths[2], paths[3]])
        #expect(outcome.bytesBefore == 500 && outcome.bytesAfter == 200 && outcome.entriesLeft == 2)
        #expect(Set(store.entries().map(\.path)) == [paths[0], paths[4]])
    }

    @Test func pruningByAgeRemovesEntriesNotUsedSince() throws {
        let now = Date()
        let (store, paths) = try Self.store(sizes: [10, 20, 30, 40], now: now)
        // Used 4, 3, 2 and 1 days ago.
        let outcome = store.prune(maxSize: nil, maxAge: 2.5 * 86_400, now: now)
        #expect(outcome.removed.map(\.path) == [paths[0], paths[1]])
        #expect(outcome.bytesAfter == 70)
        // Both: the age first, then the size.
        let both = store.prune(maxSize: 40, maxAge: 1.5 * 86_400, now: now)
        #expect(both.removed.map(\.path) == [paths[2]])
        #expect(store.entries().map(\.path) == [paths[3]])
    }

    @Test func aDryRunRemovesNothing() throws {
        let (store, paths) = try Self.store(sizes: [10, 20], now: Date())
        let outcome = store.prune(maxSize: 0, maxAge: nil, dryRun: true)
        #expect(outcome.removed.count == 2 && outcome.bytesAfter == 0)
        #expect(store.entries().map(\.path) == paths)
    }

    @Test func pruningLeavesEveryFileThatIsNotAnEntryAlone() throws {
        let (store, _) = try Self.store(sizes: [10, 20], now: Date())
        let fm = FileManager.default
        let digest = String(repeating: "ab", count: 32)
        let foreign = [
            "results/01-norms.json", "results/01-norms.environment",  // the old slug-named layout
            "figures/\(digest).png",  // the old flat figure layout
            "results/ab/\(AtomicFile.temporaryPrefix)\(digest).json.123.456",  // a build writing
            "results/cd/\(digest).json",  // the wrong shard
            "results/ab/\(digest.uppercased()).json", "results/ab/\(digest).png", "results/ab/notes.txt",
            "figures/ab/\(digest).json", "README.md", "mine/\(digest).json",
        ]
        for path in foreign { try AtomicFile.write(Data("x".utf8), to: store.folder.appendingPathComponent(path)) }
        // A link named like an entry is not normbook's either.
        try fm.createSymbolicLink(
            atPath: store.folder.appendingPathComponent("results/ab/\(digest).json").path,
            withDestinationPath: store.folder.appendingPathComponent("README.md").path)
        let outcome = store.prune(maxSize: 0, maxAge: 0)
        #expect(outcome.removed.count == 2)
        #expect(store.entries().isEmpty)
        for path in foreign { #expect(fm.fileExists(atPath: store.folder.appendingPathComponent(path).path), "\(path)") }
    }
}
