import Foundation
import Testing

@testable import Notebook

/// Every input the fuzzer (fuzz/) found crashing the parser stays fixed: each file of
/// `fuzz/crashes/` parses, and plans, without a trap.
struct FuzzerFindingsTests {
    static let crashes = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz/crashes")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: crashes.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreFindings() {
        #expect(!Self.files.isEmpty)
    }

    @Test(arguments: files)
    func aFindingNoLongerCrashes(name: String) throws {
        let data = try Data(contentsOf: Self.crashes.appendingPathComponent(name))
        let (document, _) = ChapterParser().parse(String(decoding: data, as: UTF8.self), file: "chapters/fuzz.md")
        _ = ChapterProgram(document: document)
        var previous = 0
        for segment in document.segments {
            let line: Int
            switch segment {
            case .prose(let prose): line = prose.line
            case .code(let block): line = block.fenceLine
            }
            #expect(line > previous, "segments out of order in \(name)")
            previous = line
        }
    }
}
