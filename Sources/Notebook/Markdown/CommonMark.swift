import CCmark
import Foundation

/// The thin layer over cmark-gfm: parsing with the GFM extensions the report uses (tables,
/// strikethrough, autolinks, task lists, footnotes) and rendering to HTML in safe mode (raw
/// HTML in a chapter is not passed through).
enum CommonMark {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// cmark-gfm keeps its extension registry and parts of its parsing state in globals that
    /// are not safe to use from several threads at once; chapters are parsed in parallel.
    private static let lock = NSLock()

    /// Runs `body` with a parser that has been fed `markdown` and finished.
    private static func withDocument<T>(
        _ markdown: String, _ body: (_ parser: OpaquePointer, _ document: OpaquePointer) -> T
    ) -> T? {
        lock.lock()
        defer { lock.unlock() }
        _ = registered
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let bytes = Array(markdown.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// Calls `visit` on every node of the document parsed from `markdown` (the document
    /// included), parents before their children, in document order.
    static func forEachNode(in markdown: String, _ visit: (OpaquePointer) -> Void) {
        _ = withDocument(markdown) { _, document in
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { visit(node) }
            }
        }
    }

    /// Renders Markdown to an HTML fragment.
    static func html(_ markdown: String) -> String {
        withDocument(markdown) { parser, document -> String in
            guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }
}
