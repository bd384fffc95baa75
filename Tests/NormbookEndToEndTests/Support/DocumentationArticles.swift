import Foundation

/// A Markdown page of one of the DocC catalogues (`Sources/<Module>/<Module>.docc/*.md`): its
/// lines and its fenced code blocks, read so that the samples can be built as a chapter.
struct DocumentationArticle: Sendable {
    /// A fenced code block of the page.
    struct Fence: Sendable {
        /// The first word of the info string (`swift`, `text`, `markdown`, …).
        var language: String
        /// The 1-based line of the opening fence.
        var openingLine: Int
        /// The 1-based line of the closing fence (the last line of the page when unclosed).
        var closingLine: Int
        /// Spaces before the opening fence.
        var indentation: Int
        /// Whether a closing fence was found.
        var isClosed: Bool
        /// The lines between the fences.
        var body: [String]
    }

    /// The module whose catalogue holds the page, e.g. `Regularization`.
    var module: String
    /// The file name without `.md`, e.g. `GettingStarted`.
    var name: String
    /// The page's path relative to the repository root.
    var path: String
    /// The page's lines.
    var lines: [String]
    /// Its fenced code blocks, in order.
    var fences: [Fence]

    /// The catalogues whose samples are built.
    static let modules = ["Regularization", "Charts", "NotebookRuntime"]

    /// The repository root (three folders above this file).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The catalogue folder of `module`.
    static func catalogue(_ module: String) -> URL {
        repositoryRoot.appendingPathComponent("Sources/\(module)/\(module).docc")
    }

    /// Every `.md` page of every catalogue, sorted by module and name.
    static func all() throws -> [DocumentationArticle] {
        var articles: [DocumentationArticle] = []
        for module in modules {
            let folder = catalogue(module)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            for file in names {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                articles.append(DocumentationArticle(
                    module: module, name: String(file.dropLast(3)), path: "Sources/\(module)/\(module).docc/\(file)", text: text))
            }
        }
        return articles
    }

    init(module: String, name: String, path: String, text: String) {
        self.module = module
        self.name = name
        self.path = path
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        fences = Self.fences(in: lines)
    }

    /// The fences whose samples must compile: ` ```swift `.
    var swiftFences: [Fence] { fences.filter { $0.language == "swift" } }

    /// The chapter file name the page is built as.
    var chapterName: String { "\(module)-\(name).md" }

    /// The page as a chapter: its ` ```swift ` fences at their own lines (so a diagnostic's line is
    /// the page's line) and its title; the prose is left out (DocC prose is not chapter prose:
    /// symbol links, `@fig-` or `{swift}` written as examples would mean something else there).
    var chapter: String {
        var out = [String](repeating: "", count: lines.count)
        if let title = lines.first, title.hasPrefix("# ") { out[0] = title }
        for fence in swiftFences {
            for line in fence.openingLine...fence.closingLine { out[line - 1] = lines[line - 1] }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Whole example chapters written in the page as ` ````markdown ` fences that start with front
    /// matter (`---`): each must build as a chapter of its own.
    var exampleChapters: [String] {
        fences.filter { $0.language == "markdown" && $0.body.first == "---" }.map { $0.body.joined(separator: "\n") + "\n" }
    }

    /// The picture names (`![alt](name.png)`) between the end of `fence` and the next
    /// ` ```swift ` fence: the pictures drawn from that sample.
    func pictures(after fence: Fence) -> [String] {
        let next = swiftFences.first { $0.openingLine > fence.closingLine }?.openingLine ?? lines.count + 1
        return Self.pictureNames(in: lines[fence.closingLine..<(next - 1)])
    }

    /// Every picture the page shows.
    var allPictures: [String] { Self.pictureNames(in: lines[...]) }

    private static func pictureNames(in lines: ArraySlice<String>) -> [String] {
        lines.flatMap { line in line.matches(of: /!\[[^\]]*\]\(([^)\s]+)\)/).map { String($0.output.1) } }
    }

    /// CommonMark fences (backticks or tildes, at most three spaces of indentation) in `lines`.
    static func fences(in lines: [String]) -> [Fence] {
        var fences: [Fence] = []
        var index = 0
        while index < lines.count {
            guard let open = lines[index].wholeMatch(of: /( {0,3})(`{3,}|~{3,})\s*([^\s`]*).*/) else {
                index += 1
                continue
            }
            let marker = open.output.2
            let closing = lines[(index + 1)...].firstIndex { line in
                guard let close = line.wholeMatch(of: /( {0,3})(`{3,}|~{3,})\s*/) else { return false }
                return close.output.2.first == marker.first && close.output.2.count >= marker.count
            }
            let end = closing ?? lines.count - 1
            fences.append(Fence(
                language: String(open.output.3).lowercased(), openingLine: index + 1, closingLine: end + 1,
                indentation: open.output.1.count, isClosed: closing != nil,
                body: Array(lines[(index + 1)..<(closing ?? lines.count)])))
            index = end + 1
        }
        return fences
    }
}
