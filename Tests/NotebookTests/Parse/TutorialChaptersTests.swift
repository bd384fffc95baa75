import Foundation
import Testing

@testable import Notebook

/// The project's own chapters are the largest documents there are: none may trip the parser's
/// checks for bad documents.
struct TutorialChaptersTests {
    static let chapters: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("chapters")

    static func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: chapters.path)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix("_") && $0 != "README.md" }.sorted()
    }

    @Test func thereAreChapters() {
        #expect(Self.files().count >= 5)
    }

    @Test(arguments: files())
    func everyChapterParsesWithoutErrors(name: String) throws {
        let text = try String(contentsOf: Self.chapters.appendingPathComponent(name), encoding: .utf8)
        let (document, diagnostics) = ChapterParser().parse(text, file: "chapters/\(name)")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(!document.executedBlocks.isEmpty)
    }
}
