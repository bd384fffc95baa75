import Foundation

/// Copies the report's static assets: normbook's stylesheet and script, KaTeX from Debian's
/// libjs-katex and fonts-katex (math), and lunr from Debian's libjs-lunr (search), so that
/// pages make no network request.
///
/// Search uses lunr because it is a maintained full-text search library that Debian packages
/// (no vendored copy to keep current), small (29 kB minified) and runs offline; its index is
/// built in the browser from `assets/search-index.js`, which the renderer writes. Its licence
/// (MIT, Debian's copyright file) is copied beside it.
///
/// Code is coloured in the browser by Prism from Debian's node-prismjs (1.29, maintained, with a
/// Swift grammar, and silent in the console — Debian's highlight.js is version 9, which warns that
/// it has reached its end of life). Its core and the grammars the chapters use are concatenated
/// into one file, `assets/prism/prism.js`, with its licence (MIT) beside it; code in a language it
/// does not know stays plain.
enum AssetCopier {
    /// Where Debian installs KaTeX.
    static let katexDirectory = URL(fileURLWithPath: "/usr/share/javascript/katex")
    /// Where Debian installs lunr, and its licence.
    static let lunrDirectory = URL(fileURLWithPath: "/usr/share/javascript/lunr")
    static let lunrLicence = URL(fileURLWithPath: "/usr/share/doc/libjs-lunr/copyright")
    /// Where Debian installs Prism's components, and its licence.
    static let prismDirectory = URL(fileURLWithPath: "/usr/share/nodejs/prismjs/components")
    static let prismLicence = URL(fileURLWithPath: "/usr/share/doc/node-prismjs/copyright")
    /// Prism's core, then the grammars, dependencies first (clike before swift, markup before
    /// markdown).
    static let prismComponents = ["core", "clike", "markup", "swift", "python", "bash", "json", "yaml", "markdown"]

    /// Writes `assets/` into `folder` and returns the paths written.
    static func copy(into folder: URL, templates: Templates) throws -> [String] {
        try copy(into: ReportFileWriter(folder: folder), templates: templates)
    }

    /// Writes `assets/` through `files` and returns the paths written.
    static func copy(into files: ReportFileWriter, templates: Templates) throws -> [String] {
        let fm = FileManager.default
        let assets = files.folder.appendingPathComponent("assets")
        let fonts = assets.appendingPathComponent("katex/fonts")
        try fm.createDirectory(at: fonts, withIntermediateDirectories: true)
        var written: [String] = []
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try files.write(data, to: "assets/\(name)")
            written.append("assets/\(name)")
        }
        for name in ["katex.min.js", "katex.min.css"] {
            let source = katexDirectory.appendingPathComponent(name).resolvingSymlinksInPath()
            guard let data = fm.contents(atPath: source.path) else {
                throw NotebookError.unreadable(
                    path: source.path, reason: "KaTeX is not installed (Debian packages libjs-katex and fonts-katex)")
            }
            try files.write(data, to: "assets/katex/\(name)")
            written.append("assets/katex/\(name)")
        }
        let lunr = assets.appendingPathComponent("lunr")
        try fm.createDirectory(at: lunr, withIntermediateDirectories: true)
        for (source, target) in [(lunrDirectory.appendingPathComponent("lunr.min.js"), "lunr.min.js"), (lunrLicence, "LICENSE")] {
            guard let data = fm.contents(atPath: source.resolvingSymlinksInPath().path) else {
                throw NotebookError.unreadable(path: source.path, reason: "lunr is not installed (Debian package libjs-lunr)")
            }
            try files.write(data, to: "assets/lunr/\(target)")
            written.append("assets/lunr/\(target)")
        }
        let prism = assets.appendingPathComponent("prism")
        try fm.createDirectory(at: prism, withIntermediateDirectories: true)
        var bundle = Data()
        for component in prismComponents {
            let source = prismDirectory.appendingPathComponent("prism-\(component).min.js").resolvingSymlinksInPath()
            guard let data = fm.contents(atPath: source.path) else {
                throw NotebookError.unreadable(path: source.path, reason: "Prism is not installed (Debian package node-prismjs)")
            }
            bundle.append(data)
            bundle.append(Data("\n".utf8))
        }
        try files.write(bundle, to: "assets/prism/prism.js")
        written.append("assets/prism/prism.js")
        guard let licence = fm.contents(atPath: prismLicence.resolvingSymlinksInPath().path) else {
            throw NotebookError.unreadable(path: prismLicence.path, reason: "Prism is not installed (Debian package node-prismjs)")
        }
        try files.write(licence, to: "assets/prism/LICENSE")
        written.append("assets/prism/LICENSE")
        // Only WOFF2: every browser that runs KaTeX reads it, and it is the first format the
        // stylesheet lists, so the others would never be fetched.
        let fontSource = katexDirectory.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let fontNames = ((try? fm.contentsOfDirectory(atPath: fontSource.path)) ?? []).filter { $0.hasSuffix(".woff2") }.sorted()
        for name in fontNames {
            guard let data = fm.contents(atPath: fontSource.appendingPathComponent(name).path) else { continue }
            try files.write(data, to: "assets/katex/fonts/\(name)")
            written.append("assets/katex/fonts/\(name)")
        }
        return written
    }
}
