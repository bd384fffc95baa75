import Foundation
import Testing

@testable import Notebook

struct ResultCacheTests {
    @Test func aStoredResultIsFoundOnlyForTheSameInputsAndEnvironment() {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-cache-\(UUID().uuidString)")
        let cache = ResultCache(folder: folder)
        var result = VolatileContentTests.timingChapter(microseconds: 1)
        result.provenance.inputsKey = "inputs-1"
        cache.store(result, environmentKey: "env-1")
        #expect(cache.lookup(slug: "t", inputsKey: "inputs-1", environmentKey: "env-1") == result)
        #expect(cache.lookup(slug: "t", inputsKey: "inputs-2", environmentKey: "env-1") == nil)
        #expect(cache.lookup(slug: "t", inputsKey: "inputs-1", environmentKey: "env-2") == nil)
        #expect(cache.lookup(slug: "other", inputsKey: "inputs-1", environmentKey: "env-1") == nil)

        // Failed chapters are never stored: they run again next time.
        var failed = result
        failed.slug = "failed"
        failed.status = .failed
        cache.store(failed, environmentKey: "env-1")
        #expect(cache.lookup(slug: "failed", inputsKey: "inputs-1", environmentKey: "env-1") == nil)
    }
}
