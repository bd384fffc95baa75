import Foundation

/// The SHA-256 over everything in a chapter that can change its results: its seed, timeout and
/// block defaults, each executed block's lines (options included), the inline expressions of
/// its prose, and the contents of the data files its blocks declare. Prose, titles and
/// displayed-only code are not part of it: editing them re-renders without re-running.
struct InputsKey {
    /// The key, or the diagnostics that stop the chapter (a declared data file is missing).
    /// `reseed`: extra runs with other seeds change what is stored (the claims' verdicts under
    /// them), so they are part of the key — only when asked for, so keys stay as they were.
    static func compute(for document: ChapterDocument, projectRoot: URL, reseed: Int = 0) -> (key: String, problems: [Diagnostic]) {
        var hash = SHA256()
        var problems: [Diagnostic] = []
        hash.update("normbook-inputs-1")
        if reseed > 0 { hash.update("reseed \(reseed)") }
        hash.update(document.frontMatter.seed.map(String.init) ?? "-")
        hash.update(document.frontMatter.timeout.map { String($0) } ?? "-")
        for (key, value) in document.frontMatter.defaults.sorted(by: { $0.key < $1.key }) { hash.update("\(key)=\(value)") }
        for segment in document.segments {
            switch segment {
            case .code(let block) where block.isExecuted:
                hash.update("block")
                hash.update(block.source.joined(separator: "\n"))
                for path in block.options.data {
                    let at = SourceLocation(file: document.file, line: block.fenceLine, column: block.indentation + 1)
                    let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : projectRoot.appendingPathComponent(path)
                    // Symbolic links are followed: what is read must lie in the project.
                    let real = url.resolvingSymlinksInPath().standardizedFileURL.path
                    let root = projectRoot.resolvingSymlinksInPath().standardizedFileURL.path
                    guard real.hasPrefix(root == "/" ? "/" : root + "/") else {
                        problems.append(Diagnostic(
                            .error, at: at, "the data file '\(path)' declared by this block lies outside the project",
                            hint: "data files are read from inside the project (e.g. chapters/data/x.csv); copy the file there"))
                        continue
                    }
                    if let data = FileManager.default.contents(atPath: url.path) {
                        hash.update("data \(path)")
                        hash.update(SHA256.hex(of: data))
                    } else {
                        problems.append(Diagnostic(
                            .error, at: at, "the data file '\(path)' declared by this block does not exist",
                            hint: "paths in `//| data:` are relative to the project root, e.g. chapters/data/iris.csv"))
                    }
                }
            case .prose(let prose):
                for inline in prose.inlines { hash.update("inline \(inline.expression)") }
            case .code:
                break
            }
        }
        return (hash.hexDigest(), problems)
    }
}

/// The SHA-256 over what a chapter's results depend on besides the chapter: normbook's version,
/// the compiler's version and the compiled engine and runtime (the chapter kit's library).
struct EnvironmentKey {
    static func compute(compilerVersion: String, kit: ChapterKit) -> String {
        var hash = SHA256()
        hash.update("normbook-environment-1")
        hash.update(NotebookIdentity.version)
        hash.update(compilerVersion)
        hash.update(kit.fingerprint)
        hash.update(BLASKernels.environmentValue(ProcessInfo.processInfo.environment) ?? "auto")
        return hash.hexDigest()
    }
}
