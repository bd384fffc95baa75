import Foundation
import Testing

@testable import Notebook

@Suite("The init scaffold's CI workflow")
struct ProjectScaffoldWorkflowTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs")

    @Test("It is docs/github-actions.yml, word for word")
    func sameAsTheDocumentedOne() throws {
        let documented = try String(contentsOf: Self.docs.appendingPathComponent("github-actions.yml"), encoding: .utf8)
        #expect(ProjectScaffold.workflow == documented)
    }

    @Test("It shards, caches results, uploads and merges")
    func flow() {
        let workflow = ProjectScaffold.workflow
        for needed in [
            "shard: [1, 2, 3]", "SHARDS: 3", "normbook build --shard ${{ matrix.shard }}/$SHARDS",
            "normbook verify --shard ${{ matrix.shard }}/$SHARDS", "actions/cache/restore@v4", "actions/cache/save@v4",
            "path: .normbook-results", "NORMBOOK_RESULT_CACHE: .normbook-results", "verify-diff/", "actions/upload-artifact@v4", "needs: shard",
            "normbook merge --verify-results", "normbook merge shards/*/shard-*/ --output merged-report",
        ] {
            #expect(workflow.contains(needed), "\(needed)")
        }
        #expect(!workflow.contains("\t"))
    }
}
