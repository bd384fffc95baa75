import Foundation

/// Copies the report's static assets: normbook's stylesheet and script, KaTeX from Debian's
/// libjs-katex and fonts-katex (math), and highlight.js from Debian's libjs-highlight.js (Swift
/// syntax colouring), so that pages make no network request.
///
/// Highlighting runs in the browser rather than at build time: the server-side alternative,
/// swift-syntax's classifier, adds several minutes to every optimized build on two cores,
/// while highlight.js is a well-kept highlighter that Debian already packages.
enum AssetCopier {
    /// Where Debian installs KaTeX.
    static let katexDirectory = URL(fileURLWithPath: "/usr/share/javascript/katex")
    /// Where Debian installs highlight.js.
    static let highlightDirectory = URL(fileURLWithPath: "/usr/share/javascript/highlight.js")

    /// Writes `assets/` into `folder` and returns the paths written.
    static func copy(into folder: URL, templates: Templates) throws -> [String] {
        let fm = FileManager.default
        let assets = folder.appendingPathComponent("assets")
        let fonts = assets.appendingPathComponent("katex/fonts")
        try fm.createDirectory(at: fonts, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try data.write(to: assets.appendingPathComponent(name))
            written.append("assets/\(name)")
        }
        for name in ["katex.min.js", "katex.min.css"] {
            let source = katexDirectory.appendingPathComponent(name).resolvingSymlinksInPath()
            guard let data = fm.contents(atPath: source.path) else {
                throw NotebookError.unreadable(
                    path: source.path, reason: "KaTeX is not installed (Debian packages libjs-katex and fonts-katex)")
            }
            try data.write(to: assets.appendingPathComponent("katex/\(name)"))
            written.append("assets/katex/\(name)")
        }
        for (name, target) in [("highlight.min.js", "highlight/highlight.min.js"), ("styles/github.css", "highlight/github.css")] {
            let source = highlightDirectory.appendingPathComponent(name).resolvingSymlinksInPath()
            guard let data = fm.contents(atPath: source.path) else {
                throw NotebookError.unreadable(path: source.path, reason: "highlight.js is not installed (Debian package libjs-highlight.js)")
            }
            try fm.createDirectory(at: assets.appendingPathComponent("highlight"), withIntermediateDirectories: true)
            try data.write(to: assets.appendingPathComponent(target))
            written.append("assets/\(target)")
        }
        // Only WOFF2: every browser that runs KaTeX reads it, and it is the first format the
        // stylesheet lists, so the others would never be fetched.
        let fontSource = katexDirectory.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let fontNames = ((try? fm.contentsOfDirectory(atPath: fontSource.path)) ?? []).filter { $0.hasSuffix(".woff2") }.sorted()
        for name in fontNames {
            guard let data = fm.contents(atPath: fontSource.appendingPathComponent(name).path) else { continue }
            try data.write(to: fonts.appendingPathComponent(name))
            written.append("assets/katex/fonts/\(name)")
        }
        return written
    }
}
