import Foundation

/// Colours code blocks at build time with Pygments (Debian's python3-pygments), so pages need
/// no highlighting script and the browser console stays quiet.
///
/// Why Pygments: Debian 12's highlight.js is 9.18.5, which prints an end-of-life warning in
/// every page's console, and no newer one is packaged; swift-syntax's classifier adds several
/// minutes to every optimized build on two cores. Pygments is maintained, has a Swift lexer and
/// is packaged by Debian. It runs once per report, as one child process for all blocks: the code
/// goes in a JSON file, the HTML (spans with `hl-` classes, no wrapper) comes back as JSON.
struct CodeHighlighter: Sendable {
    /// Debian's interpreter (the one python3-pygments installs into), not whatever `python3`
    /// comes first on the PATH.
    static let python = "/usr/bin/python3"

    /// What the child runs: argv[1] is a JSON list of `[language, code]`; prints a JSON list of
    /// HTML strings in the same order. An unknown language is shown as plain text.
    static let script = """
        import json, sys
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound
        formatter = HtmlFormatter(nowrap=True, classprefix="hl-")
        out = []
        with open(sys.argv[1], encoding="utf-8") as f:
            for language, code in json.load(f):
                try:
                    lexer = get_lexer_by_name(language or "text", stripnl=False, ensurenl=False)
                except ClassNotFound:
                    lexer = get_lexer_by_name("text", stripnl=False, ensurenl=False)
                out.append(highlight(code, lexer, formatter))
        json.dump(out, sys.stdout)
        """

    /// A block to colour.
    struct Block: Hashable, Sendable {
        var language: String
        var code: String
    }

    /// The HTML of each distinct block (escaped text inside `<span class="hl-…">`).
    func highlight(_ blocks: [Block]) throws -> [Block: String] {
        var unique: [Block] = []
        var seen = Set<Block>()
        for block in blocks where seen.insert(block).inserted { unique.append(block) }
        guard !unique.isEmpty else { return [:] }
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw NotebookError.unreadable(
                path: Self.python, reason: "code is coloured with Pygments: install Debian's python3-pygments")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-highlight-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("blocks.json")
        try JSONSerialization.data(withJSONObject: unique.map { [$0.language, $0.code] }).write(to: input)

        let isolation = try ProcessIsolation.prepare(sandbox: false)
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment["PYTHONIOENCODING"] = "utf-8"
        var child = ChildProcess(
            command: isolation.contained(Self.python, ["-I", "-c", Self.script, input.path], in: folder.path),
            environment: environment)
        child.perBlockOutput = 256 << 20
        child.totalOutput = 256 << 20
        let outcome = try child.run()
        guard outcome.termination.succeeded,
            let html = try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String],
            html.count == unique.count
        else {
            let reason = outcome.stderr.split(separator: "\n").last.map(String.init) ?? outcome.termination.description
            throw NotebookError.unreadable(
                path: Self.python, reason: "Pygments could not colour the code (\(reason)); install Debian's python3-pygments")
        }
        return Dictionary(uniqueKeysWithValues: zip(unique, html))
    }
}
