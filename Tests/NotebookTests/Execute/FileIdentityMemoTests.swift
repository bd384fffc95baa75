#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Testing

@testable import Notebook

struct FileIdentityMemoTests {
    @Test func aValueIsComputedAgainOnlyWhenItsFileChanges() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("memo-\(UUID().uuidString)")
        try Data("one".utf8).write(to: file)
        let memo = FileIdentityMemo()
        var computed = 0
        let compute = { () -> String in
            computed += 1
            return (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        }
        #expect(memo.value(for: file.path, compute) == "one")
        #expect(memo.value(for: file.path, compute) == "one")
        #expect(computed == 1)
        // Replaced (another inode, size and time): asked again.
        let replacement = file.appendingPathExtension("new")
        try Data("three".utf8).write(to: replacement)
        #expect(rename(replacement.path, file.path) == 0)
        #expect(memo.value(for: file.path, compute) == "three")
        #expect(computed == 2)
        // A file that is not there is never remembered.
        let missing = file.appendingPathExtension("missing").path
        _ = memo.value(for: missing) { "a" }
        #expect(memo.value(for: missing) { "b" } == "b")
    }
}
