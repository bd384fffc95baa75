import Foundation

/// Chapter results kept between builds in the cache folder (`results/<slug>.json` and the
/// environment key they were made with, `results/<slug>.environment`). A chapter whose inputs
/// key and environment key both match its stored result is not compiled nor run again.
struct ResultCache: Sendable {
    /// The cache folder (`.normbook-cache` by default).
    var folder: URL
    /// Decoded results kept between builds in this process (see `RebuildMemo`).
    var memo: RebuildMemo? = nil

    private var results: URL { CacheLayout(folder: folder).results }

    /// The stored result of `slug`, if it was made from these inputs in this environment.
    func lookup(slug: String, inputsKey: String, environmentKey: String) -> ChapterResult? {
        let json = results.appendingPathComponent("\(slug).json")
        let environment = results.appendingPathComponent("\(slug).environment")
        guard let stored = try? String(contentsOf: environment, encoding: .utf8), stored == environmentKey,
            let data = FileManager.default.contents(atPath: json.path),
            let result = try? ResultsStore(memo: memo).decode(data, path: json.path),
            result.provenance.inputsKey == inputsKey, result.status == .succeeded
        else { return nil }
        return result
    }

    /// Stores a successful result (failed chapters are always run again).
    func store(_ result: ChapterResult, environmentKey: String) {
        guard result.status == .succeeded else { return }
        try? FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        guard let data = try? ResultsStore().encode(result) else { return }
        try? data.write(to: results.appendingPathComponent("\(result.slug).json"))
        try? Data(environmentKey.utf8).write(to: results.appendingPathComponent("\(result.slug).environment"))
    }
}
