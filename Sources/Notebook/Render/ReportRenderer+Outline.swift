import Foundation

/// What navigation and search need from a rendered chapter page: its sections (level-2 and
/// level-3 headings, given anchors), its first paragraph (for the contents page) and its text
/// by section (for the search index).
///
/// It reads the HTML the chapter template produced, which cmark-gfm and the templates wrote in
/// a known shape (`<h2>…</h2>`, `<p>…</p>`, `<section class="prose">`), so a few regular
/// expressions suffice; this is not a general HTML parser.
struct PageOutline: Equatable {
    struct Section: Equatable {
        /// The heading's anchor on the page.
        var id: String
        /// The heading as plain text.
        var title: String
        /// 2 or 3.
        var level: Int
    }

    /// The page with an `id` on every level-2 and level-3 heading.
    var html: String
    var sections: [Section]
    /// The first paragraph of the first prose section, with links made relative to the report
    /// root (so it can be shown on another page); nil when the chapter has none.
    var summaryHTML: String?
    /// The chapter's searchable text: before the first heading (`section == nil`), then per section.
    var texts: [(section: Section?, text: String)]

    static func == (a: PageOutline, b: PageOutline) -> Bool {
        a.html == b.html && a.sections == b.sections && a.summaryHTML == b.summaryHTML
            && a.texts.map(\.text) == b.texts.map(\.text)
    }

    private static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are constants of this file; a typo is a programming error caught by the tests.
        do { return try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    private static let heading = regex(#"<h([23])(?: id="([^"]*)")?>(.*?)</h\1>"#)
    private static let existingID = regex(#"\sid="([^"]*)""#)
    private static let tag = regex(#"<[^>]*>"#)
    private static let unsearched = regex(#"<(pre|table|script|style)\b[^>]*>.*?</\1>"#)
    private static let firstParagraph = regex(#"<section class="prose">.*?(<p>.*?</p>)"#)
    private static let fragmentLink = regex(##"href="#"##)

    /// Outlines `html`, the body of the page `pageHref` (already a URL path).
    init(html: String, pageHref: String) {
        let ns = html as NSString
        var used = Set(Self.existingID.matches(in: html, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.range(at: 1))
        })
        var out = ""
        var sections: [Section] = []
        var starts: [Int] = []  // offsets in `out` where each section's heading begins
        var cursor = 0
        for match in Self.heading.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let level = Int(ns.substring(with: match.range(at: 1))) ?? 2
            let inner = ns.substring(with: match.range(at: 3))
            let title = Self.plainText(inner)
            let id: String
            if match.range(at: 2).location != NSNotFound {
                id = ns.substring(with: match.range(at: 2))
            } else {
                let base = Self.slug(title)
                var candidate = base
                var n = 2
                while used.contains(candidate) { candidate = "\(base)-\(n)"; n += 1 }
                used.insert(candidate)
                id = candidate
            }
            starts.append(out.utf16.count)
            out += "<h\(level) id=\"\(Self.escapeAttribute(id))\">\(inner)</h\(level)>"
            sections.append(Section(id: id, title: title, level: level))
            cursor = match.range.location + match.range.length
        }
        out += ns.substring(from: cursor)
        self.html = out
        self.sections = sections

        let outNS = out as NSString
        var pieces: [(Section?, String)] = []
        var from = 0
        for (k, start) in starts.enumerated() {
            pieces.append((k == 0 ? nil : sections[k - 1], outNS.substring(with: NSRange(location: from, length: start - from))))
            from = start
        }
        pieces.append((sections.last, outNS.substring(from: from)))
        self.texts = pieces.map { ($0.0, Self.searchText($0.1)) }.filter { !$0.1.isEmpty }

        if let match = Self.firstParagraph.firstMatch(in: out, range: NSRange(location: 0, length: outNS.length)) {
            let paragraph = outNS.substring(with: match.range(at: 1))
            summaryHTML = Self.fragmentLink.stringByReplacingMatches(
                in: paragraph, range: NSRange(location: 0, length: (paragraph as NSString).length),
                withTemplate: NSRegularExpression.escapedTemplate(for: "href=\"\(pageHref)#"))
        } else {
            summaryHTML = nil
        }
    }

    /// `html` without tags, entities decoded, whitespace collapsed.
    static func plainText(_ html: String) -> String {
        let stripped = tag.stringByReplacingMatches(
            in: html, range: NSRange(location: 0, length: (html as NSString).length), withTemplate: " ")
        let decoded = stripped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        return decoded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The words a reader may search for: prose, claims, captions; not code, outputs or tables.
    static func searchText(_ html: String) -> String {
        plainText(unsearched.stringByReplacingMatches(
            in: html, range: NSRange(location: 0, length: (html as NSString).length), withTemplate: " "))
    }

    /// An anchor from a heading: lower-case letters and digits (any script), words joined by `-`.
    static func slug(_ title: String) -> String {
        var words: [String] = []
        var word = ""
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        let slug = words.joined(separator: "-")
        return slug.isEmpty ? "section" : slug
    }

    private static func escapeAttribute(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;")
    }
}

/// The search index written at render time: one document per chapter section, in page order,
/// as a script that sets `window.normbookSearch` (a script rather than a JSON file so pages
/// opened from disk can load it). The browser builds the lunr index from it on first search.
struct SearchIndex: Encodable {
    struct Document: Encodable {
        /// The link to the section (URL path and anchor).
        var href: String
        var chapter: String
        /// The section's heading; empty for the part of a chapter before its first heading.
        var section: String
        var text: String
    }

    var documents: [Document] = []

    mutating func add(_ outline: PageOutline, chapter: String, pageHref: String) {
        for (section, text) in outline.texts {
            documents.append(Document(
                href: pageHref + (section.map { "#" + LinkPath.encoded($0.id) } ?? ""), chapter: chapter,
                section: section?.title ?? "", text: text))
        }
    }

    /// The script's bytes: sorted keys, no escaped slashes, the same for the same report.
    func script() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(documents), as: UTF8.self)
        return Data("window.normbookSearch = \(json);\n".utf8)
    }
}
