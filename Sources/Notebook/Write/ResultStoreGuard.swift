import Foundation

/// Decides whether a folder may hold the result store (`--result-cache`): never the output
/// folder or the chapters folder, nor inside them — a report swap would delete it, or stored
/// results would be mixed with the sources — and not the project root itself (its `results/`
/// and `figures/` would sit among the project's files). Checked before anything is compiled.
struct ResultStoreGuard {
    var output: URL
    var chapters: URL
    var projectRoot: URL?

    /// Throws `NotebookError.refusedOutput` when `store` must not hold the result store.
    func check(_ store: URL, shownAs name: String) throws {
        let target = OutputGuard.resolved(store)
        if let projectRoot, target.path == OutputGuard.resolved(projectRoot).path {
            throw NotebookError.refusedOutput(
                path: name, reason: "it is the project root itself",
                hint: "choose a folder of its own, e.g. --result-cache .normbook-results", what: "the result cache")
        }
        for (folder, what) in [(output, "the output folder"), (chapters, "the chapters folder")] {
            let path = OutputGuard.resolved(folder).path
            if target.path == path || OutputGuard.contains(URL(fileURLWithPath: path), target.path) {
                throw NotebookError.refusedOutput(
                    path: name,
                    reason: "it is \(target.path == path ? "" : "inside ")\(what): "
                        + (what == "the output folder" ? "each build replaces that folder, deleting the stored results" : "stored results would mix with the sources"),
                    hint: "choose a folder of its own, e.g. --result-cache .normbook-results (or NORMBOOK_RESULT_CACHE, or `result-cache:` in normbook.yml)",
                    what: "the result cache")
            }
        }
    }
}
