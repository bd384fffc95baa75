import Foundation

/// The reviewer's page of a verification (`verify --diff-page`): one self-contained HTML file
/// (inline CSS, no script, relative links only) listing what failed and every difference,
/// grouped by chapter and file — numbers with their old and new value and relative change,
/// text as a line diff with the changed words marked, figures as committed / rebuilt /
/// difference images side by side. The same report gives the same bytes.
struct DiffPage {
    /// The verification; image paths are relative to the page's folder.
    var report: VerificationReport
    /// The tolerance the comparison used.
    var tolerance: ComparisonTolerance
    /// The chapters, in report order, for grouping the files.
    var chapters: [Chapter]
    /// How the committed report folder is shown, e.g. `output`.
    var committedName: String
    /// Line diffs of whole text files (pages), by report path: shown instead of their
    /// line-by-line differences.
    var textDiffs: [String: LineDiff] = [:]

    /// A chapter of the report.
    struct Chapter: Equatable {
        var file: String
        var slug: String
        var title: String
    }

    /// The chapter a report file belongs to (its results, page or figures), if any.
    func chapter(of file: String) -> Chapter? {
        chapters.filter { chapter in
            file == "\(ResultsStore.folderName)/\(chapter.slug).json" || file == "\(chapter.slug).html"
                || (file.hasPrefix("figures/\(chapter.slug)-") && file.hasSuffix(".png"))
        }.max { $0.slug.count < $1.slug.count }
    }

    /// The page.
    func html() -> String {
        let summary = report.summary
        var body = ""
        if report.passed {
            body += "<p class=\"verdict pass\">Verification passed: all \(summary.cases) checks passed and the rebuilt report matches <code>\(e(committedName))/</code>.</p>\n"
        } else {
            body += "<p class=\"verdict fail\">Verification failed: \(summary.failed) of \(summary.cases) checks failed; "
                + "\(summary.differences) \(summary.differences == 1 ? "difference" : "differences") with <code>\(e(committedName))/</code>.</p>\n"
        }
        body += "<ul class=\"counts\"><li><b>\(summary.passed)</b> passed</li><li><b>\(summary.failed)</b> failed</li>"
            + "<li><b>\(summary.differences)</b> differences</li></ul>\n"
        body += "<p class=\"tolerance\">Tolerance: numbers within a relative \(e(ComparisonTolerance.short(tolerance.relative))) "
            + "(absolute \(e(ComparisonTolerance.short(tolerance.absolute)))), figures within an RMS of "
            + "\(e(ReportComparator.rmsText(tolerance.pixelRMS))) on 0–255 channels.</p>\n"

        let failing = report.cases.filter { !$0.passed && $0.suite != VerificationCase.reportFilesSuite }
        if !failing.isEmpty {
            body += "<section id=\"checks\"><h2>Failed checks</h2>\n"
            for (suite, cases) in grouped(failing, by: \.suite) {
                body += "<h3>\(e(suite))</h3>\n<ul class=\"checks\">\n"
                for check in cases {
                    body += "<li><p class=\"failure\">\(e(check.failure ?? ""))</p>"
                    if !check.details.isEmpty {
                        body += "<ul class=\"details\">" + check.details.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
                    }
                    body += "</li>\n"
                }
                body += "</ul>\n"
            }
            body += "</section>\n"
        }

        if !report.differences.isEmpty {
            body += "<section id=\"differences\"><h2>Differences</h2>\n"
            let byChapter = grouped(report.differences) { chapter(of: $0.file)?.slug ?? "" }
            let order = chapters.map(\.slug).filter { slug in byChapter.contains { $0.0 == slug } }
                + (byChapter.contains { $0.0 == "" } ? [""] : [])
            for slug in order {
                let differences = byChapter.first { $0.0 == slug }?.1 ?? []
                if let chapter = chapters.first(where: { $0.slug == slug }) {
                    body += "<h3>\(e(chapter.title)) <span class=\"file\">\(e(chapter.file))</span></h3>\n"
                } else {
                    body += "<h3>Report-wide files</h3>\n"
                }
                for (file, inFile) in grouped(differences, by: \.file).sorted(by: { Self.fileOrder($0.0) < Self.fileOrder($1.0) }) {
                    body += "<div class=\"file-block\"><h4><code>\(e(committedName))/\(e(file))</code></h4>\n"
                    body += render(inFile)
                    body += "</div>\n"
                }
            }
            body += "</section>\n"
        }

        if !report.claimNotes.isEmpty {
            body += "<section id=\"notes\"><h2>Notes (not failures)</h2>\n<ul>"
                + report.claimNotes.map { "<li>claim <code>\(e($0.claim))</code>: \(e($0.message))</li>" }.joined()
                + "</ul></section>\n"
        }

        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>normbook verify: \(report.passed ? "passed" : "\(summary.differences) differences, \(summary.failed) failed checks")</title>
            <style>
            \(Self.style)
            </style>
            </head>
            <body>
            <main>
            <h1>normbook verify</h1>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// Results first (their numbers and text are the substance), then figures, pages and the rest.
    static func fileOrder(_ file: String) -> (Int, String) {
        let rank = file.hasPrefix(ResultsStore.folderName + "/") ? 0 : file.hasSuffix(".png") ? 1 : file.hasSuffix(".html") ? 2 : 3
        return (rank, file)
    }

    /// The differences of one file: numbers in a table, then text diffs, images and the rest in order.
    private func render(_ differences: [ReportDifference]) -> String {
        var out = ""
        let lineDiff = differences.first.flatMap { textDiffs[$0.file] }
        let numbers = differences.filter { $0.kind == .number && !($0.expected.isEmpty && $0.actual.isEmpty) }
        if !numbers.isEmpty {
            out += "<div class=\"scroll\"><table class=\"numbers\"><thead><tr><th>where</th><th>old</th><th>new</th>"
                + "<th>change</th><th>why</th></tr></thead><tbody>\n"
            for number in numbers {
                out += "<tr><td data-label=\"where\">\(e(number.location))</td><td class=\"old\" data-label=\"old\">\(e(number.expected))</td>"
                    + "<td class=\"new\" data-label=\"new\">\(e(number.actual))</td>"
                    + "<td class=\"change\" data-label=\"change\">\(e(Self.relativeChange(number.expected, number.actual)))</td>"
                    + "<td data-label=\"why\">\(e(number.detail ?? ""))</td></tr>\n"
            }
            out += "</tbody></table></div>\n"
        }
        if let lineDiff { out += render(lineDiff) }
        for difference in differences where !numbers.contains(difference) {
            if lineDiff != nil && (difference.kind == .text || difference.kind == .number) { continue }
            switch difference.kind {
            case .text where !(difference.expected.isEmpty && difference.actual.isEmpty):
                out += "<div class=\"text-diff\"><p class=\"where\">\(e(difference.location.isEmpty ? "text" : difference.location))"
                    + (difference.detail.map { " — \(e($0))" } ?? "") + "</p>\n<pre>"
                let old = Self.unquoted(difference.expected), new = Self.unquoted(difference.actual)
                let diff = TokenDiff(old: old ?? "", new: new ?? "")
                if old != nil { out += "<span class=\"line del\">− " + Self.marked(diff.old, tag: "del") + "</span>" }
                if new != nil { out += "<span class=\"line ins\">+ " + Self.marked(diff.new, tag: "ins") + "</span>" }
                out += "</pre></div>\n"
            case .image, .missingFile, .extraFile:
                guard let images = difference.images else { fallthrough }
                out += "<div class=\"image-diff\"><p class=\"where\">\(e(difference.described(under: committedName)))</p>\n<div class=\"images\">"
                for (path, caption) in [(images.expected, "committed"), (images.actual, "rebuilt"), (images.difference, "difference")] {
                    guard let path else { continue }
                    let link = LinkPath.encoded(path)
                    out += "<figure><a href=\"\(link)\"><img src=\"\(link)\" alt=\"\(caption) \(e(difference.file))\"></a>"
                        + "<figcaption>\(caption)</figcaption></figure>"
                }
                out += "</div></div>\n"
            default:
                out += "<p class=\"other\">\(e(difference.described(under: committedName)))</p>\n"
            }
        }
        return out
    }

    /// A line diff's hunks: removed lines (committed numbers) then added ones (rebuilt numbers);
    /// a removed line and the added line at the same place in the next run get their changed
    /// words marked.
    private func render(_ diff: LineDiff) -> String {
        var out = "<div class=\"text-diff\"><p class=\"where\">line diff (committed line numbers on − and unchanged lines, rebuilt on +)</p>\n"
        for hunk in diff.hunks {
            out += "<pre class=\"hunk\">"
            var k = 0
            let rows = hunk.rows
            while k < rows.count {
                if rows[k].kind == .same {
                    out += "<span class=\"line same\"><span class=\"ln\">\(rows[k].number)</span>  \(e(Self.shortened(rows[k].text)))</span>"
                    k += 1
                    continue
                }
                var removed: [LineDiff.Row] = [], added: [LineDiff.Row] = []
                while k < rows.count, rows[k].kind == .removed { removed.append(rows[k]); k += 1 }
                while k < rows.count, rows[k].kind == .added { added.append(rows[k]); k += 1 }
                var oldLines: [String] = [], newLines: [String] = []
                let pairs = Self.pairing(removed.map(\.text), added.map(\.text))
                for (n, row) in removed.enumerated() {
                    let text = pairs.first { $0.0 == n }
                        .map { Self.marked(Self.shortened(TokenDiff(old: row.text, new: added[$0.1].text).old), tag: "del") }
                        ?? e(Self.shortened(row.text))
                    oldLines.append("<span class=\"line del\"><span class=\"ln\">\(row.number)</span>− \(text)</span>")
                }
                for (n, row) in added.enumerated() {
                    let text = pairs.first { $0.1 == n }
                        .map { Self.marked(Self.shortened(TokenDiff(old: removed[$0.0].text, new: row.text).new), tag: "ins") }
                        ?? e(Self.shortened(row.text))
                    newLines.append("<span class=\"line ins\"><span class=\"ln\">\(row.number)</span>+ \(text)</span>")
                }
                out += (oldLines + newLines).joined()
            }
            out += "</pre>\n"
        }
        if diff.omitted > 0 { out += "<p class=\"where\">… and \(diff.omitted) more changed lines</p>\n" }
        return out + "</div>\n"
    }

    /// Which removed line is shown against which added one: the shorter run slides along the
    /// longer one to the place where the most words are shared (in order).
    static func pairing(_ removed: [String], _ added: [String]) -> [(Int, Int)] {
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        func shared(_ a: String, _ b: String) -> Int {
            let diff = TokenDiff(old: a, new: b)
            return diff.old.filter { !$0.changed }.reduce(0) { $0 + $1.text.count }
        }
        let short = min(removed.count, added.count), slack = abs(removed.count - added.count)
        let best = (0...slack).max { x, y in
            let sx = (0..<short).reduce(0) { $0 + (removed.count <= added.count ? shared(removed[$1], added[$1 + x]) : shared(removed[$1 + x], added[$1])) }
            let sy = (0..<short).reduce(0) { $0 + (removed.count <= added.count ? shared(removed[$1], added[$1 + y]) : shared(removed[$1 + y], added[$1])) }
            return sx < sy || (sx == sy && x > y)
        } ?? 0
        return (0..<short).map { removed.count <= added.count ? ($0, $0 + best) : ($0 + best, $0) }
    }

    /// A long line cut to about `limit` characters.
    static func shortened(_ text: String, limit: Int = 240) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// Runs with long unchanged stretches cut down to `keep` characters around the changes.
    static func shortened(_ runs: [TokenDiff.Run], keep: Int = 40) -> [TokenDiff.Run] {
        runs.enumerated().map { index, run in
            guard !run.changed, run.text.count > 2 * keep else { return run }
            var cut = run
            if index == 0 {
                cut.text = "…" + String(run.text.suffix(keep))
            } else if index == runs.count - 1 {
                cut.text = String(run.text.prefix(keep)) + "…"
            } else {
                cut.text = String(run.text.prefix(keep)) + " … " + String(run.text.suffix(keep))
            }
            return cut
        }
    }

    /// Groups `items` by `key`, in the order each key first appears.
    private func grouped<T, K: Equatable>(_ items: [T], by key: (T) -> K) -> [(K, [T])] {
        var groups: [(K, [T])] = []
        for item in items {
            let k = key(item)
            if let i = groups.firstIndex(where: { $0.0 == k }) { groups[i].1.append(item) } else { groups.append((k, [item])) }
        }
        return groups
    }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The runs, with changed ones in `<del>` or `<ins>`.
    static func marked(_ runs: [TokenDiff.Run], tag: String) -> String {
        runs.map { $0.changed ? "<\(tag)>\(HTMLEscaping.escape($0.text))</\(tag)>" : HTMLEscaping.escape($0.text) }.joined()
    }

    /// The line a text difference quotes (`"…"`), nil for "(no line)".
    static func unquoted(_ text: String) -> String? {
        if text == "(no line)" { return nil }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return String(text.dropFirst().dropLast()) }
        return text
    }

    /// `(new − old) / |old|` as a signed percentage, e.g. `+0.12 %`; `—` when it has no meaning.
    static func relativeChange(_ old: String, _ new: String) -> String {
        guard let a = Double(old), let b = Double(new), a.isFinite, b.isFinite else { return "—" }
        if a == 0 { return b == 0 ? "0 %" : "—" }
        let percent = (b - a) / abs(a) * 100
        let magnitude = abs(percent)
        let digits = magnitude >= 10 ? 1 : magnitude >= 0.01 ? 3 : 0
        let text = digits == 0 ? ComparisonTolerance.short(magnitude) : String(format: "%.\(digits)f", magnitude)
        return (percent < 0 ? "−" : "+") + text + " %"
    }

    static let style = """
        :root { color-scheme: light dark; --fg: #1d1f23; --bg: #fff; --muted: #5b6270; --line: #d9dce1;
          --del: #ffe1e1; --del-strong: #f5a3a3; --ins: #dcf5e0; --ins-strong: #92d8a0; --fail: #b3261e; --pass: #1f7a3a; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e6e7ea; --bg: #17181b; --muted: #a0a6b2; --line: #3a3d44;
          --del: #4a2224; --del-strong: #7d3236; --ins: #1f3d26; --ins-strong: #2f6b3b; --fail: #ff8a80; --pass: #7bd88f; } }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h3 .file { font-weight: normal; color: var(--muted); font-size: .9rem; }
        h4 { font-size: .95rem; margin: 1rem 0 .5rem; overflow-wrap: anywhere; }
        code, pre, td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
        .verdict { font-weight: 600; font-size: 1.05rem; padding: .6rem .8rem; border-radius: 6px; border-left: 5px solid; }
        .verdict.fail { color: var(--fail); border-color: var(--fail); background: var(--del); }
        .verdict.pass { color: var(--pass); border-color: var(--pass); background: var(--ins); }
        .counts { list-style: none; padding: 0; display: flex; gap: 1.5rem; flex-wrap: wrap; }
        .tolerance, .where { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
        .checks > li { margin-bottom: .5rem; } .failure { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
        .details { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
        .file-block { border: 1px solid var(--line); border-radius: 6px; padding: 0 .8rem .8rem; margin-bottom: 1rem; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        th, td.change { white-space: nowrap; }
        td.old { background: var(--del); } td.new { background: var(--ins); }
        @media (max-width: 700px) {
          table.numbers thead { display: none; }
          table.numbers tr { display: block; border-bottom: 1px solid var(--line); padding: .25rem 0; }
          table.numbers td { display: flex; gap: .5rem; border: 0; padding: .1rem .25rem; }
          table.numbers td::before { content: attr(data-label); flex: 0 0 4.5em; color: var(--muted); font-family: system-ui, sans-serif; }
        }
        pre { margin: .25rem 0; padding: .5rem; border-radius: 4px; border: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
        .line { display: block; } .line.del { background: var(--del); } .line.ins { background: var(--ins); }
        .line.same { color: var(--muted); } .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
        pre.hunk { padding: .25rem .5rem; }
        del { background: var(--del-strong); text-decoration: line-through; } ins { background: var(--ins-strong); text-decoration: none; }
        .images { display: flex; flex-wrap: wrap; gap: .75rem; }
        figure { margin: 0; flex: 1 1 300px; min-width: 0; }
        figure img { display: block; width: 100%; height: auto; background: #fff; border: 1px solid var(--line); }
        figcaption { text-align: center; color: var(--muted); font-size: .85rem; }
        .other { overflow-wrap: anywhere; }
        """
}
