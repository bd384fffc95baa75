import Foundation
import Testing

@testable import Notebook

struct ResultCacheTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("normbook-cache-\(UUID().uuidString)")
    }

    static func result(_ inputs: String, file: String = "chapters/t.md") -> ChapterResult {
        var result = VolatileContentTests.timingChapter(microseconds: 1)
        result.file = file
        result.provenance.inputsKey = inputs
        return result
    }

    /// Every file under `folder`, as relative paths.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test func aStoredResultIsFoundOnlyForTheSameFileInputsAndEnvironment() {
        let cache = ResultCache(folder: Self.folder())
        let result = Self.result("inputs-1")
        cache.store(result, environmentKey: "env-1")
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "inputs-1", environmentKey: "env-1") == result)
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "inputs-2", environmentKey: "env-1") == nil)
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "inputs-1", environmentKey: "env-2") == nil)
        #expect(cache.lookup(file: "chapters/other.md", inputsKey: "inputs-1", environmentKey: "env-1") == nil)

        // Failed chapters are never stored: they run again next time.
        var failed = Self.result("inputs-f")
        failed.status = .failed
        cache.store(failed, environmentKey: "env-1")
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "inputs-f", environmentKey: "env-1") == nil)
    }

    @Test func entriesAreNamedByTheDigestOfTheirKeysSoVersionsCoexist() {
        let folder = Self.folder()
        let cache = ResultCache(folder: folder)
        cache.store(Self.result("branch-a"), environmentKey: "env")
        cache.store(Self.result("branch-b"), environmentKey: "env")
        // Switching back to the first version still hits: nothing was overwritten.
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "branch-a", environmentKey: "env")?.provenance.inputsKey == "branch-a")
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "branch-b", environmentKey: "env")?.provenance.inputsKey == "branch-b")
        let digest = ResultCache.entryDigest(file: "chapters/t.md", inputsKey: "branch-a", environmentKey: "env")
        #expect(digest.count == 64)
        let files = Self.files(in: folder)
        #expect(files.count == 2)
        #expect(files.contains("results/\(digest.prefix(2))/\(digest).json"))
        #expect(files.allSatisfy { ResultStoreLayout.isEntry(($0 as NSString).lastPathComponent, shard: String($0.split(separator: "/")[1]), extension: "json") })
    }

    @Test func aCorruptOrTruncatedEntryIsIgnoredAndReplaced() throws {
        let cache = ResultCache(folder: Self.folder())
        let result = Self.result("inputs")
        let entry = cache.entry(file: result.file, inputsKey: "inputs", environmentKey: "env")
        try FileManager.default.createDirectory(at: entry.deletingLastPathComponent(), withIntermediateDirectories: true)
        let whole = try ResultsStore().encode(result)
        for broken in [Data("not json".utf8), whole.prefix(whole.count / 2), Data()] {
            try broken.write(to: entry)
            #expect(cache.lookup(file: result.file, inputsKey: "inputs", environmentKey: "env") == nil)
        }
        cache.store(result, environmentKey: "env")
        #expect(cache.lookup(file: result.file, inputsKey: "inputs", environmentKey: "env") == result)
    }

    @Test func aHitRefreshesTheEntrysLastUse() throws {
        let cache = ResultCache(folder: Self.folder())
        let result = Self.result("inputs")
        cache.store(result, environmentKey: "env")
        let entry = cache.entry(file: result.file, inputsKey: "inputs", environmentKey: "env")
        let old = Date(timeIntervalSinceNow: -30 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: entry.path)
        #expect(cache.lookup(file: result.file, inputsKey: "inputs", environmentKey: "env") != nil)
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: entry.path)[.modificationDate] as? Date)
        #expect(modified.timeIntervalSinceNow > -60)
    }

    @Test func manyThreadsStoringTheSameAndOtherKeysLeaveWholeEntriesAndNoTemporaryFiles() {
        let folder = Self.folder()
        let cache = ResultCache(folder: folder)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            cache.store(Self.result("shared"), environmentKey: "env")
            cache.store(Self.result("own-\(i % 8)"), environmentKey: "env")
            _ = cache.lookup(file: "chapters/t.md", inputsKey: "shared", environmentKey: "env")
        }
        #expect(cache.lookup(file: "chapters/t.md", inputsKey: "shared", environmentKey: "env") == Self.result("shared"))
        for i in 0..<8 {
            #expect(cache.lookup(file: "chapters/t.md", inputsKey: "own-\(i)", environmentKey: "env") == Self.result("own-\(i)"))
        }
        let files = Self.files(in: folder)
        #expect(files.count == 9)
        #expect(!files.contains { $0.contains(AtomicFile.temporaryPrefix) })
    }

    @Test func anAtomicallyWrittenFileIsOnlyEverSeenWhole() throws {
        let file = Self.folder().appendingPathComponent("sub/entry.bin")
        let size = 4 << 20
        let versions = (0..<4).map { Data(repeating: UInt8(65 + $0), count: size) }
        let torn = LockedCounter()
        let done = LockedCounter()
        let group = DispatchGroup()
        for reader in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                _ = reader
                while done.value == 0 {
                    guard let data = FileManager.default.contents(atPath: file.path) else { continue }
                    if data.count != size || Set(data).count != 1 { torn.increment() }
                }
            }
        }
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            for round in 0..<6 { try? AtomicFile.write(versions[(writer + round) % versions.count], to: file) }
        }
        done.increment()
        group.wait()
        #expect(torn.value == 0)
        let final = try #require(FileManager.default.contents(atPath: file.path))
        #expect(final.count == size && Set(final).count == 1)
        #expect(Self.files(in: file.deletingLastPathComponent().deletingLastPathComponent()) == ["sub/entry.bin"])
    }

    @Test func aFigureEntryMustBeAWholePNG() throws {
        let png = Data(try VerifyFixtureReport().png())
        #expect(ReportRenderer.isWholePNG(png))
        #expect(!ReportRenderer.isWholePNG(png.prefix(png.count - 1)))
        #expect(!ReportRenderer.isWholePNG(Data("<html>".utf8)))
    }

    @Test func theResultCacheMayNotLieInTheOutputOrChaptersFolder() throws {
        let root = Self.folder()
        let guardian = ResultStoreGuard(
            output: root.appendingPathComponent("output"), chapters: root.appendingPathComponent("chapters"), projectRoot: root)
        #expect(throws: NotebookError.self) { try guardian.check(root, shownAs: ".") }
        for bad in ["output", "output/cache", "chapters", "chapters/x"] {
            #expect(throws: NotebookError.self) { try guardian.check(root.appendingPathComponent(bad), shownAs: bad) }
        }
        do {
            try guardian.check(root.appendingPathComponent("output/r"), shownAs: "output/r")
        } catch {
            #expect("\(error)".contains("output folder"))
        }
        try guardian.check(root.appendingPathComponent(".normbook-results"), shownAs: ".normbook-results")
        try guardian.check(root.appendingPathComponent(".normbook-cache"), shownAs: ".normbook-cache")
    }
}

/// A counter shared between threads.
final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}
