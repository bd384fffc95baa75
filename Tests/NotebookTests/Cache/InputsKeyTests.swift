import Foundation
import Testing

@testable import Notebook

struct InputsKeyTests {
    let root: URL

    init() throws {
        root = try temporaryProject("key", folders: ["chapters/data"])
        try Data("1,2,3".utf8).write(to: root.appendingPathComponent("chapters/data/x.csv"))
    }

    func key(_ markdown: String) -> (String, [Diagnostic]) {
        let (document, _) = ChapterParser().parse(markdown, file: "chapters/c.md")
        let computed = InputsKey.compute(for: document, projectRoot: root)
        return (computed.key, computed.problems)
    }

    static let chapter = """
        ---
        seed: 1
        ---
        # Title

        Prose with `{swift} n`.

        ```swift
        //| data: chapters/data/x.csv
        let n = 1
        ```
        """

    @Test func proseAndTitlesDoNotChangeTheKeyButCodeSeedInlineAndDataDo() throws {
        let (base, problems) = key(Self.chapter)
        #expect(problems.isEmpty)
        #expect(key(Self.chapter.replacingOccurrences(of: "Prose with", with: "Other words with")).0 == base)
        #expect(key(Self.chapter.replacingOccurrences(of: "# Title", with: "# Another")).0 == base)
        #expect(key(Self.chapter.replacingOccurrences(of: "let n = 1", with: "let n = 2")).0 != base)
        #expect(key(Self.chapter.replacingOccurrences(of: "seed: 1", with: "seed: 2")).0 != base)
        #expect(key(Self.chapter.replacingOccurrences(of: "{swift} n", with: "{swift} n + 1")).0 != base)
        try Data("1,2,4".utf8).write(to: root.appendingPathComponent("chapters/data/x.csv"))
        #expect(key(Self.chapter).0 != base)
    }

    @Test func missingDataAndDataOutsideTheProjectAreErrorsAtTheBlock() throws {
        let missing = key(Self.chapter.replacingOccurrences(of: "x.csv", with: "y.csv")).1
        #expect(missing.map(\.message) == ["the data file 'chapters/data/y.csv' declared by this block does not exist"])
        #expect(missing.first?.location == SourceLocation(file: "chapters/c.md", line: 8, column: 1))

        // A symbolic link inside the project that leads out of it.
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("chapters/data/escape.txt"), withDestinationURL: URL(fileURLWithPath: "/etc/hostname"))
        let outside = key(Self.chapter.replacingOccurrences(of: "x.csv", with: "escape.txt")).1
        #expect(outside.map(\.message) == ["the data file 'chapters/data/escape.txt' declared by this block lies outside the project"])
    }
}
