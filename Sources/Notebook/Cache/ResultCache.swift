import Foundation

/// Chapter results kept between builds, content-addressed: an entry's name is the digest of
/// the chapter's path, its inputs key and the environment key
/// (`<store>/results/ab/abcdef….json`), so many versions of a chapter coexist (switching
/// branches back and forth hits), a lookup needs no index, and several project copies, shards
/// or branches can share one store (`--result-cache`). A chapter whose entry exists is not
/// compiled nor run again.
///
/// The chapter's path is part of the name because a stored result carries it (in diagnostics
/// and figure names): two copies of a project share entries, two chapters with the same blocks
/// do not.
///
/// Entries are written atomically (`AtomicFile`), so concurrent builds may store the same or
/// different entries at once; an entry that cannot be read is ignored (and replaced by the next
/// store). A hit refreshes the entry's modification time, which `cache prune` uses as its
/// least-recently-used order.
struct ResultCache: Sendable {
    /// The result store: the folder holding `results/` (and `figures/`), by default the cache folder.
    var folder: URL
    /// Decoded results kept between builds in this process (see `RebuildMemo`).
    var memo: RebuildMemo? = nil

    private var results: URL { ResultStoreLayout(folder: folder).results }

    /// The entry's name (a hex SHA-256) for a chapter's inputs in an environment.
    static func entryDigest(file: String, inputsKey: String, environmentKey: String) -> String {
        var hash = SHA256()
        hash.update("normbook-result-entry-1")
        hash.update(file)
        hash.update(inputsKey)
        hash.update(environmentKey)
        return hash.hexDigest()
    }

    /// Where the entry for these keys is (whether or not it exists).
    func entry(file: String, inputsKey: String, environmentKey: String) -> URL {
        ResultStoreLayout(folder: folder).resultEntry(Self.entryDigest(file: file, inputsKey: inputsKey, environmentKey: environmentKey))
    }

    /// The stored result of the chapter `file`, if it was made from these inputs in this environment.
    func lookup(file: String, inputsKey: String, environmentKey: String) -> ChapterResult? {
        let url = entry(file: file, inputsKey: inputsKey, environmentKey: environmentKey)
        guard let data = FileManager.default.contents(atPath: url.path),
            let result = try? ResultsStore(memo: memo).decode(data, path: url.path),
            result.provenance.inputsKey == inputsKey, result.file == file, result.status == .succeeded
        else { return nil }
        AtomicFile.touch(url)
        return result
    }

    /// Stores a successful result (failed chapters are always run again). Best effort: a store
    /// that cannot be written only costs a rerun next time.
    func store(_ result: ChapterResult, environmentKey: String) {
        guard result.status == .succeeded, let data = try? ResultsStore().encode(result) else { return }
        try? AtomicFile.write(data, to: entry(file: result.file, inputsKey: result.provenance.inputsKey, environmentKey: environmentKey))
    }
}
