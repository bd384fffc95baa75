import Foundation

/// The whole report as one self-contained HTML file (`normbook build --single-file`): the
/// contents, every chapter and the claims ledger as sections of one page, every figure,
/// stylesheet, script and font inside it as `data:` URIs or inline styles, so that it opens
/// offline and makes no request.
///
/// It is assembled from a report folder just rendered, so it shows exactly what the pages show
/// whatever the templates (or a `--theme`) write: the contents page's layout is the shell, each
/// page's `<main>` becomes a section, links between pages become links to sections, and every
/// id of a page is prefixed with its section's id so that labels used in two chapters stay
/// distinct. Math is rendered in the browser by the embedded KaTeX with its fonts embedded.
///
/// The HTML is rewritten by a small scanner rather than a parser library: its input is
/// normbook's own output, whose attributes are always double-quoted and escaped (templates'
/// escaping, cmark-gfm in safe mode), whose text holds no raw `<`, and whose only raw-text
/// elements are `<script>` and `<style>`, which the scanner skips. (No HTML library is in the
/// dependencies normbook may use.)
struct SingleFilePage {
    /// The first line after the doctype: what identifies a file normbook wrote, so that a later
    /// build may replace it (and nothing else).
    static let marker = "<!-- normbook:single-file — written by normbook build --single-file; the next build replaces it -->"

    /// One page of the report: its file name in the folder and the id of its section.
    struct Page {
        var file: String
        var id: String
    }

    /// The report folder to read.
    var folder: URL
    /// The report's title (the file's `<title>`).
    var title: String
    /// The pages in order: contents first, then chapters, then the ledger.
    var pages: [Page]
    /// Relative references that name no file of the report (left as they are).
    private(set) var unresolved: [String] = []

    /// The pages of a report of `results`: `index.html`, each chapter's page, `claims.html`.
    init(folder: URL, title: String, results: [ChapterResult]) {
        self.folder = folder
        self.title = title
        var used: Set<String> = ["contents", "claims"]
        var pages = [Page(file: "index.html", id: "contents")]
        for result in results {
            var id = "chapter-" + String(result.slug.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
            if used.contains(id) { id += "-\(pages.count)" }
            used.insert(id)
            pages.append(Page(file: "\(result.slug).html", id: id))
        }
        pages.append(Page(file: "claims.html", id: "claims"))
        self.pages = pages
    }

    /// The single file's bytes.
    mutating func html() throws -> Data {
        guard let first = pages.first, let shell = read(first.file).map({ String(decoding: $0, as: UTF8.self) }),
            let mainOpen = shell.range(of: "<main"), let mainBodyStart = shell[mainOpen.upperBound...].firstIndex(of: ">"),
            let mainClose = shell.range(of: "</main>", options: .backwards)
        else {
            throw NotebookError.unreadable(path: pages.first?.file ?? "index.html", reason: "the rendered contents page has no <main> element to build the single file around")
        }
        // Links from one page to another (as the templates write them) → section anchors.
        var pageLinks: [String: String] = [:]
        for page in pages { pageLinks[LinkPath.encoded(page.file)] = page.id }

        var body = ""
        for page in pages {
            guard let data = read(page.file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            guard let open = text.range(of: "<main"), let start = text[open.upperBound...].firstIndex(of: ">"),
                let close = text.range(of: "</main>", options: .backwards), start < close.lowerBound
            else { continue }
            let main = String(text[text.index(after: start)..<close.lowerBound])
            body += "<section class=\"single-file-page\" id=\"\(page.id)\">\n"
            body += rewrite(main, page: page.id, pageLinks: pageLinks)
            body += "</section>\n"
        }
        var head = String(shell[..<shell.index(after: mainBodyStart)])
        var tail = String(shell[mainClose.lowerBound...])
        head = rewrite(head, page: nil, pageLinks: pageLinks)
        tail = rewrite(tail, page: nil, pageLinks: pageLinks)
        if let t0 = head.range(of: "<title>"), let t1 = head.range(of: "</title>"), t0.upperBound <= t1.lowerBound {
            head.replaceSubrange(t0.upperBound..<t1.lowerBound, with: HTMLEscaping.escape(title))
        }
        var page = head + "\n" + body + tail
        // The marker goes right after the doctype (or first, without one).
        if page.hasPrefix("<!DOCTYPE html>\n") {
            page.insert(contentsOf: Self.marker + "\n", at: page.index(page.startIndex, offsetBy: "<!DOCTYPE html>\n".count))
        } else {
            page = Self.marker + "\n" + page
        }
        return Data(page.utf8)
    }

    /// Whether `data` (the start of a file) is a single file normbook wrote.
    static func isMarked(_ data: Data) -> Bool {
        let start = String(decoding: data.prefix(4096), as: UTF8.self)
        return start.hasPrefix("<!DOCTYPE html>\n" + marker) || start.hasPrefix(marker)
    }

    // MARK: - Rewriting

    /// `html` with its ids prefixed by `page` (when given), links between pages turned into
    /// section links, and every file it loads (stylesheets, scripts, images) embedded.
    private mutating func rewrite(_ html: String, page: String?, pageLinks: [String: String]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        func find(_ needle: String, from start: Int) -> Int? {
            let n = Array(needle.utf8)
            guard !n.isEmpty, start <= bytes.count - n.count else { return nil }
            var j = start
            while j <= bytes.count - n.count {
                if bytes[j] == n[0], bytes[j..<(j + n.count)].elementsEqual(n) { return j }
                j += 1
            }
            return nil
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            // Comments are copied as they are.
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                let end = (find("-->", from: i + 4) ?? (bytes.count - 3)) + 3
                out += bytes[i..<min(end, bytes.count)]
                i = min(end, bytes.count)
                continue
            }
            // The end of the tag, outside quoted attribute values.
            var j = i + 1
            var quote: UInt8?
            while j < bytes.count {
                let b = bytes[j]
                if let q = quote {
                    if b == q { quote = nil }
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    quote = b
                } else if b == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            let tagEnd = min(j + 1, bytes.count)
            let tag = String(decoding: bytes[i..<tagEnd], as: UTF8.self)
            let name = Self.tagName(tag)
            var rewritten = rewriteTag(tag, name: name, page: page, pageLinks: pageLinks)
            i = tagEnd
            // The raw text of scripts and styles is copied untouched (a script's `<` is not a tag).
            if name == "script" || name == "style" {
                let close = find("</\(name)", from: i) ?? bytes.count
                out += Array(rewritten.utf8)
                out += bytes[i..<close]
                i = close
                continue
            }
            if name == "link", let inlined = inlineStylesheet(tag) { rewritten = inlined }
            out += Array(rewritten.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A tag with its ids prefixed, its links to pages turned into section links and the files it
    /// loads embedded.
    private mutating func rewriteTag(_ tag: String, name: String, page: String?, pageLinks: [String: String]) -> String {
        guard !name.isEmpty, !tag.hasPrefix("</") else { return tag }
        var result = ""
        var rest = Substring(tag)
        while let (attribute, valueRange) = Self.nextAttribute(in: rest) {
            result += rest[..<valueRange.lowerBound]
            let value = String(rest[valueRange])
            result += rewriteValue(value, attribute: attribute, tag: name, page: page, pageLinks: pageLinks)
            rest = rest[valueRange.upperBound...]
        }
        return result + rest
    }

    private mutating func rewriteValue(
        _ value: String, attribute: String, tag: String, page: String?, pageLinks: [String: String]
    ) -> String {
        let prefix = page.map { "\($0)--" } ?? ""
        switch attribute {
        case "id", "for":
            return prefix + value
        case "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns":
            return value.split(separator: " ").map { prefix + $0 }.joined(separator: " ")
        case "href", "src", "poster":
            if value.hasPrefix("#") {
                return value.count > 1 ? "#" + prefix + value.dropFirst() : value
            }
            if value.hasPrefix("data:") || Self.hasScheme(value) || value.hasPrefix("//") { return value }
            let (path, fragment) = Self.split(value)
            if let target = pageLinks[path] {
                return "#" + target + (fragment.map { "--" + $0 } ?? "")
            }
            if let dataURI = dataURI(for: path) { return dataURI }
            unresolved.append(value)
            return value
        default:
            return value
        }
    }

    /// `<link rel="stylesheet" href="X">` as a `<style>` element holding X with the files it
    /// loads embedded.
    private mutating func inlineStylesheet(_ tag: String) -> String? {
        guard Self.attribute("rel", in: tag) == "stylesheet", let href = Self.attribute("href", in: tag),
            !href.hasPrefix("data:"), !Self.hasScheme(href),
            let path = Self.decoded(Self.split(href).path), let data = read(path)
        else { return nil }
        let css = inlineURLs(in: String(decoding: data, as: UTF8.self), relativeTo: (path as NSString).deletingLastPathComponent)
        return "<style>\n" + css.replacingOccurrences(of: "</style", with: "<\\/style") + "\n</style>"
    }

    /// CSS with every `url(…)` of a file of the report replaced by a `data:` URI; entries of a
    /// `src:` list (fonts) whose file is not in the report are dropped (the report ships WOFF2
    /// only, which every browser that runs KaTeX reads).
    private mutating func inlineURLs(in css: String, relativeTo base: String) -> String {
        var out = ""
        var rest = Substring(css)
        while let srcStart = rest.range(of: "src:") {
            out += rest[..<srcStart.upperBound]
            let after = rest[srcStart.upperBound...]
            let end = after.firstIndex(where: { $0 == ";" || $0 == "}" }) ?? after.endIndex
            let entries = after[..<end].split(separator: ",", omittingEmptySubsequences: false)
            var kept: [String] = []
            for entry in entries {
                guard let open = entry.range(of: "url("), let close = entry[open.upperBound...].firstIndex(of: ")") else {
                    kept.append(String(entry))
                    continue
                }
                var target = String(entry[open.upperBound..<close]).trimmingCharacters(in: .whitespaces)
                if target.hasPrefix("\"") || target.hasPrefix("'") { target = String(target.dropFirst().dropLast()) }
                if target.hasPrefix("data:") { kept.append(String(entry)); continue }
                let path = base.isEmpty ? target : base + "/" + target
                if let uri = dataURI(for: LinkPath.encoded((path as NSString).standardizingPath)) {
                    kept.append(String(entry[..<open.upperBound]) + uri + String(entry[close...]))
                }
            }
            out += kept.joined(separator: ",")
            rest = after[end...]
        }
        out += rest
        // Other `url(…)`s (backgrounds): embedded when they name a file of the report.
        var result = ""
        var remaining = Substring(out)
        while let open = remaining.range(of: "url(") {
            result += remaining[..<open.upperBound]
            let after = remaining[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { remaining = after; break }
            var target = String(after[..<close]).trimmingCharacters(in: .whitespaces)
            let quoted = target.hasPrefix("\"") || target.hasPrefix("'")
            if quoted { target = String(target.dropFirst().dropLast()) }
            if !target.hasPrefix("data:"), !Self.hasScheme(target), !target.hasPrefix("#"),
                let uri = dataURI(for: LinkPath.encoded(((base.isEmpty ? target : base + "/" + target) as NSString).standardizingPath))
            {
                result += uri
            } else {
                result += after[..<close]
            }
            remaining = after[close...]
        }
        return result + remaining
    }

    /// A `data:` URI holding the report's file at the (URL-encoded, relative) `path`.
    private func dataURI(for path: String) -> String? {
        guard let file = Self.decoded(path), let data = read(file) else { return nil }
        return "data:\(Self.mediaType(of: file));base64,\(data.base64EncodedString())"
    }

    /// The bytes of a file of the report; nil outside it or when it does not exist.
    private func read(_ relative: String) -> Data? {
        let standardized = (relative as NSString).standardizingPath
        guard !standardized.hasPrefix("/"), !standardized.hasPrefix(".."), !standardized.isEmpty else { return nil }
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(standardized)
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return FileManager.default.contents(atPath: url.path)
    }

    // MARK: - Small readers

    static func mediaType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "css": return "text/css"
        case "js", "mjs": return "text/javascript"
        case "json": return "application/json"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        case "html": return "text/html"
        default: return "application/octet-stream"
        }
    }

    /// The lowercased name of a start tag (`<a href…>` → `a`).
    static func tagName(_ tag: String) -> String {
        String(tag.dropFirst().prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })).lowercased()
    }

    /// The next `name="value"` (or `name='value'`) attribute of a tag: its name and the range of
    /// its value.
    static func nextAttribute(in tag: Substring) -> (String, Range<Substring.Index>)? {
        var index = tag.startIndex
        while let equals = tag[index...].firstIndex(of: "=") {
            let next = tag.index(after: equals)
            guard next < tag.endIndex, tag[next] == "\"" || tag[next] == "'" else { index = next; continue }
            let quote = tag[next]
            let valueStart = tag.index(after: next)
            guard let valueEnd = tag[valueStart...].firstIndex(of: quote) else { return nil }
            var nameStart = equals
            while nameStart > tag.startIndex {
                let previous = tag.index(before: nameStart)
                let c = tag[previous]
                guard c.isLetter || c.isNumber || c == "-" || c == ":" || c == "_" else { break }
                nameStart = previous
            }
            return (String(tag[nameStart..<equals]).lowercased(), valueStart..<valueEnd)
        }
        return nil
    }

    /// The value of attribute `name` of a tag.
    static func attribute(_ name: String, in tag: String) -> String? {
        var rest = Substring(tag)
        while let (attribute, range) = nextAttribute(in: rest) {
            if attribute == name { return String(rest[range]) }
            rest = rest[range.upperBound...]
        }
        return nil
    }

    /// Whether a link has a scheme (`https:`, `mailto:`): it leaves the report.
    static func hasScheme(_ link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && !scheme.contains("/")
    }

    /// `path#fragment` → its path and fragment.
    static func split(_ link: String) -> (path: String, fragment: String?) {
        guard let hash = link.firstIndex(of: "#") else { return (link, nil) }
        return (String(link[..<hash]), String(link[link.index(after: hash)...]))
    }

    /// A URL path's percent escapes decoded (and `&amp;` as templates escape it).
    static func decoded(_ path: String) -> String? {
        path.replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding
    }
}
