import Foundation
import Yams

/// `normbook.yml`, the project file at a project's root (like Quarto's `_quarto.yml` or mdBook's
/// `book.toml`): where the chapters, the report and the cache are, the report's title, and what
/// every chapter gets unless its front matter says otherwise (seed, block defaults, timeout,
/// resource limits, sandbox). The command line's options override it.
///
/// ```yaml
/// title: My report
/// chapters: chapters
/// output: output
/// seed: 42
/// limits: {memory: 8 GiB}
/// verify: {tolerance: 1e-6, pixel-tolerance: 1.0, fragile-margin: 0.05, reseed: 3}
/// ```
public struct ProjectFile: Sendable, Equatable {
    /// The file's name.
    public static let fileName = "normbook.yml"

    /// The title, and the chapters' defaults: `seed`, `defaults`, `timeout`, `limits`, `sandbox`.
    var frontMatter = FrontMatter()
    /// Folders, relative to the project root.
    public var chapters: String?
    public var output: String?
    public var cache: String?
    /// `result-cache:` the result store's folder (see `BuildOptions.resultCache`).
    public var resultCache: String?
    public var theme: String?
    /// `single-file:` also write the report as one self-contained HTML file at this path.
    public var singleFile: String?
    /// `verify:` tolerances.
    public var tolerance: Double?
    public var pixelTolerance: Double?
    /// `verify: fragile-margin:` a claim part whose numbers are closer than this (relative) to
    /// flipping its rule is flagged as fragile (default 0.05).
    public var fragileMargin: Double?
    /// `verify: reseed:` extra runs with other seeds of every chapter that decides claims.
    public var reseed: Int?

    /// The report's title.
    public var title: String? {
        get { frontMatter.title }
        set { frontMatter.title = newValue }
    }
    /// `sandbox: false` runs chapters without the sandbox.
    public var sandbox: Bool? {
        get { frontMatter.sandbox }
        set { frontMatter.sandbox = newValue }
    }
    /// Resource limits of chapter programs (each one given replaces the default).
    public var memory: ByteSize? {
        get { frontMatter.limits.memory }
        set { frontMatter.limits.memory = newValue }
    }
    public var cpuSeconds: Double? {
        get { frontMatter.limits.cpuSeconds }
        set { frontMatter.limits.cpuSeconds = newValue }
    }
    public var fileSize: ByteSize? {
        get { frontMatter.limits.fileSize }
        set { frontMatter.limits.fileSize = newValue }
    }
    public var processes: Int? {
        get { frontMatter.limits.processes }
        set { frontMatter.limits.processes = newValue }
    }
    public var blockOutput: ByteSize? {
        get { frontMatter.limits.blockOutput }
        set { frontMatter.limits.blockOutput = newValue }
    }
    public var chapterOutput: ByteSize? {
        get { frontMatter.limits.chapterOutput }
        set { frontMatter.limits.chapterOutput = newValue }
    }

    /// The keys besides those chapters' front matter shares.
    static let ownKeys = ["chapters", "output", "cache", "result-cache", "theme", "single-file", "verify"]
    static let verifyKeys = ["tolerance", "pixel-tolerance", "fragile-margin", "reseed"]

    /// Empty settings (every default). The command line fills one with what it was given.
    public init() {}

    /// These settings with `overrides` (the command line's) on top: each one given wins.
    public func overridden(by overrides: ProjectFile) -> ProjectFile {
        var merged = self
        merged.chapters = overrides.chapters ?? chapters
        merged.output = overrides.output ?? output
        merged.cache = overrides.cache ?? cache
        merged.resultCache = overrides.resultCache ?? resultCache
        merged.theme = overrides.theme ?? theme
        merged.singleFile = overrides.singleFile ?? singleFile
        merged.tolerance = overrides.tolerance ?? tolerance
        merged.pixelTolerance = overrides.pixelTolerance ?? pixelTolerance
        merged.fragileMargin = overrides.fragileMargin ?? fragileMargin
        merged.reseed = overrides.reseed ?? reseed
        merged.frontMatter = overrides.frontMatter.inheriting(frontMatter)
        merged.frontMatter.title = overrides.title ?? title
        merged.frontMatter.sandbox = overrides.sandbox ?? sandbox
        merged.frontMatter.limits = frontMatter.limits.overridden(by: overrides.frontMatter.limits)
        return merged
    }

    /// Build options for the project at `root` with these settings; what they leave open takes
    /// normbook's defaults (the title: the project folder's name).
    public func buildOptions(projectRoot root: URL, jobs: Int, allowFailures: Bool = false) -> BuildOptions {
        var options = BuildOptions(
            projectRoot: root, chapters: chapters ?? "chapters", output: output ?? "output",
            cache: cache ?? ".normbook-cache", jobs: jobs, allowFailures: allowFailures,
            title: title ?? root.lastPathComponent, theme: theme)
        options.sandbox = sandbox ?? true
        options.resultCache = resultCache.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appendingPathComponent($0) }?
            .standardizedFileURL
        options.singleFile = singleFile.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appendingPathComponent($0) }?
            .standardizedFileURL
        options.fragileMargin = fragileMargin ?? BuildOptions.defaultFragileMargin
        options.reseed = reseed ?? 0
        options.limits = ResourceLimits().applying(frontMatter.limits)
        var defaults = FrontMatter()
        defaults.seed = frontMatter.seed
        defaults.timeout = frontMatter.timeout
        defaults.defaults = frontMatter.defaults
        options.chapterDefaults = defaults
        return options
    }

    /// The project around `directory`: its root (the folder of the nearest `normbook.yml`, else
    /// `directory` itself) and its settings.
    public static func discover(from directory: URL) throws -> (root: URL, file: ProjectFile) {
        guard let url = locate(from: directory) else { return (directory.standardizedFileURL, ProjectFile()) }
        return (url.deletingLastPathComponent(), try load(url))
    }

    /// The project file governing `directory`: the nearest `normbook.yml` in it or above it.
    public static func locate(from directory: URL) -> URL? {
        var folder = directory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Reads and checks a project file; problems are errors at their `normbook.yml:line:col`.
    public static func load(_ url: URL) throws -> ProjectFile {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw NotebookError.unreadable(path: fileName, reason: "not UTF-8 text")
        }
        var diagnostics: [Diagnostic] = []
        let file = parse(text, diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw NotebookError.invalidChapter(diagnostics) }
        return file
    }

    static func parse(_ text: String, diagnostics: inout [Diagnostic]) -> ProjectFile {
        var result = ProjectFile()
        let frontMatter = FrontMatter.parse(
            text, file: fileName, firstLine: 1, diagnostics: &diagnostics, extraKeys: ownKeys, what: "key of \(fileName)"
        ) { key, value, at, diagnostics in
            if key == "verify" {
                FrontMatter.readSettings(
                    value, at: at, keys: verifyKeys, what: "verify setting", example: "`verify: {tolerance: 1e-6}`",
                    file: fileName, firstLine: 1, diagnostics: &diagnostics
                ) { name, text, _ in
                    if name == "reseed" {
                        guard let count = Int(text), (0...100).contains(count) else { return "reseed must be a whole number of extra runs, 0…100" }
                        result.reseed = count
                        return nil
                    }
                    guard let number = Double(text), number >= 0, number.isFinite else { return "\(name) must be a non-negative number" }
                    switch name {
                    case "tolerance": result.tolerance = number
                    case "pixel-tolerance": result.pixelTolerance = number
                    default: result.fragileMargin = number
                    }
                    return nil
                }
                return
            }
            guard let path = value.string, !path.isEmpty, value.scalar != nil else {
                diagnostics.append(Diagnostic(
                    .error, at: FrontMatter.location(of: value, file: fileName, firstLine: 1),
                    "\(key) must be a \(key == "single-file" ? "file" : "folder") path",
                    hint: "write e.g. `\(key): \(key == "cache" ? ".normbook-cache" : key == "result-cache" ? ".normbook-results" : key == "single-file" ? "report.html" : key)`"))
                return
            }
            switch key {
            case "chapters": result.chapters = path
            case "output": result.output = path
            case "cache": result.cache = path
            case "result-cache": result.resultCache = path
            case "single-file": result.singleFile = path
            default: result.theme = path
            }
        }
        result.frontMatter = frontMatter
        return result
    }
}
