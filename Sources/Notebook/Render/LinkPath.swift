/// Links from one report page to another page or a figure of the report.
///
/// Pages and figures are named after their chapter file (`chapters/02 a#b.md` gives
/// `02 a#b.html` and `figures/02 a#b-1.png`), and such a name is not a URL path as it stands:
/// `#` would start a fragment, `?` a query, `%` an escape, a space or a quote could end an
/// unquoted attribute, and `:` in a first segment would read as a scheme. The files keep their
/// names; only the links to them are encoded.
enum LinkPath {
    /// `path` (relative, `/`-separated) as a URL path: every byte of its UTF-8 other than
    /// `A–Z a–z 0–9 - . _ ~` and `/` is written as `%XX`.
    static func encoded(_ path: String) -> String {
        var out = ""
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The link to a chapter's page, `slug.html`, with an optional anchor on it.
    static func page(_ slug: String, anchor: String? = nil) -> String {
        encoded("\(slug).html") + (anchor.map { "#" + encoded($0) } ?? "")
    }
}
