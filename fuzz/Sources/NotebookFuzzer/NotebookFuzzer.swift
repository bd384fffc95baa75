import Foundation
import NotebookProtocol
@testable import Notebook

// A libFuzzer target over normbook's chapter pipeline (built with `-enable-testing`, so the
// pipeline's internal stages are reachable through `@testable import`):
//
//   bytes → String (lossy UTF-8)
//         → ChapterParser.parse            front matter (Yams), cmark-gfm fences, `//|` options
//         → ChapterProgram(document:)      the generated program, inline expressions
//         → ReportRenderer.render          prose with the parser's math spans, inline values,
//                                          cmark-gfm HTML, `@fig-` references, Mustache pages
//
// Nothing is compiled or run: the chapter's result is made up from the parsed document as if
// every executed block had succeeded (a printed line, a stderr line and a table each, a figure
// for the first four, a claim card for those that name a claim), so that every prose path of
// the renderer (prose, figure captions, claim quotes, diagnostics) sees fuzzed text.

/// Where the report is rendered: a folder in RAM, reused by every input.
private let reportFolder: URL = {
    let base = ProcessInfo.processInfo.environment["NORMBOOK_FUZZ_OUTPUT"]
        ?? (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory())
    let folder = URL(fileURLWithPath: base).appendingPathComponent("normbook-fuzz-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

/// Whether the report's static assets already go to /dev/null.
nonisolated(unsafe) private var assetsDiverted = false

/// The renderer copies ~1.4 MB of assets (KaTeX, lunr) on every call, the same whatever
/// the input: after the first render, each is replaced by a symbolic link to /dev/null, which
/// the next renders write through (Foundation's non-atomic `Data.write` follows the link).
private func divertAssets(_ written: [String]) {
    guard !assetsDiverted else { return }
    assetsDiverted = true
    let fm = FileManager.default
    for path in written where path.hasPrefix("assets/") {
        let url = reportFolder.appendingPathComponent(path)
        try? fm.removeItem(at: url)
        try? fm.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/null")
    }
}

/// The renderer, with a figure cache so the one figure is drawn by Cairo only once.
private let renderer: ReportRenderer = {
    var renderer = ReportRenderer(reportTitle: "fuzz", version: "fuzz")
    renderer.figureStore = reportFolder.appendingPathComponent("figure-cache")
    return renderer
}()

/// Whether to render at all (`NORMBOOK_FUZZ_RENDER=0` fuzzes parsing and planning only).
private let renderEnabled = ProcessInfo.processInfo.environment["NORMBOOK_FUZZ_RENDER"] != "0"

/// `NORMBOOK_FUZZ_MASK_CR=1` turns every carriage return into a line feed before parsing, to
/// look for other bugs past the known one: `ChapterParser` splits lines on `\n` only (and a
/// Swift `Character` "\r\n" is not "\n") while cmark-gfm also ends lines at `\r` and `\r\n`,
/// so any CR before a fence trips an index out of range (see fuzz/crashes/).
private let maskCarriageReturns = ProcessInfo.processInfo.environment["NORMBOOK_FUZZ_MASK_CR"] == "1"

/// Result pieces that have no public initializer, decoded once from JSON and then edited
/// through their public properties.
private struct Skeletons: Sendable {
    var chapter: ChapterResult
    var block: BlockResult
    var figure: Figure
    var text: BlockOutput
    var errorText: BlockOutput
    var table: BlockOutput
    /// A claim per expected verdict ("" for none).
    var claims: [String: ClaimResult]
    /// Values for the inline expressions of each prose segment, in order; the rest are missing.
    var inline: [InlineValue]
}

private let skeletons: Skeletons = {
    let decoder = JSONDecoder()
    func decode<T: Decodable>(_ type: T.Type, _ json: String) -> T {
        do { return try decoder.decode(T.self, from: Data(json.utf8)) } catch { fatalError("skeleton \(T.self): \(error)") }
    }
    let chapter = decode(ChapterResult.self, """
        {"diagnostics": [], "file": "chapters/fuzz.md", "formatVersion": 1, "segments": [], "slug": "fuzz",
         "status": "succeeded", "title": "fuzz", "values": {"x": {"number": 1.5}},
         "provenance": {"blas": "none", "compiler": "none", "inputsKey": "", "normbook": "fuzz", "seed": 1}}
        """)
    let block = decode(BlockResult.self, """
        {"claims": [], "code": "", "diagnostics": [], "index": 0, "language": "swift", "line": 1,
         "options": {"data": [], "echo": true, "eval": true, "output": true, "volatile": false},
         "outputs": [], "status": "succeeded"}
        """)
    let figure = decode(Figure.self, """
        {"number": 1, "image": "figures/fuzz-1.png", "chart":
         {"equalAspect": false, "facets": {"scales": "shared"}, "height": 400, "legend": "auto",
          "panels": [{"marks": [{"bar": {"_0": {"arrangement": "stacked", "categories": ["a", "b"],
            "groups": [{"name": "g", "values": [1, 2]}], "horizontal": true}}}]}],
          "title": "fuzz", "width": 640, "x": {"label": "x", "scale": {"linear": {}}},
          "y": {"label": "y", "scale": {"linear": {}}}}}
        """)
    let text = decode(BlockOutput.self, #"{"kind": "text", "text": "printed <output> & \"quotes\"\n"}"#)
    let errorText = decode(BlockOutput.self, #"{"kind": "stderr", "text": "warning: <stderr>\n"}"#)
    let table = decode(BlockOutput.self, """
        {"kind": "table", "table": {"caption": "t", "columns": ["a", "b"],
         "rows": [[{"text": "<x>"}, {"number": 0.5}], [{"integer": 3}, {"bool": true}]]}}
        """)
    var claims: [String: ClaimResult] = [:]
    for expected in ["", "holds", "refuted", "partly", "not testable"] {
        let expectation = expected.isEmpty ? "" : #""expected": "\#(expected)", "#
        claims[expected] = ClaimResult(
            id: "000-a", statement: "a statement", quote: nil, source: nil, verdict: .holds,
            expected: Verdict(rawValue: expected),
            parts: [ClaimPartResult(
                id: "000-a", statement: "a statement", rule: .comparison(.evidence("n"), .greater, .constant(2)),
                evidence: [Evidence("r", .number(0.25))], trials: [Trial(seed: 1, evidence: [Evidence("n", .integer(3))])],
                quorum: 1,
                decision: PartDecision(
                    verdict: .holds, explanation: "1 of 1 seeds satisfy the rule (quorum 1) → true", margin: .seeds(1),
                    trials: [true]))],
            notTestableReason: nil, rationale: "because", figures: [1])
    }
    let inline = decode([InlineValue].self, """
        [{"expression": "a", "value": {"number": 3.25}}, {"expression": "b < c", "value": {"integer": -7}},
         {"expression": "d", "value": {"bool": false}}, {"expression": "e", "value": {"text": "<b>&\\"'"}},
         {"expression": "f", "value": {"number": 1e300}, "volatile": true}, {"expression": "g"}]
        """)
    return Skeletons(
        chapter: chapter, block: block, figure: figure, text: text, errorText: errorText, table: table,
        claims: claims, inline: inline)
}()

/// Stops the fuzzer with a message naming the broken property (libFuzzer reports it as a crash).
private func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant: \(message())") }
}

/// The properties of a parsed chapter that hold for every input.
private func checkInvariants(_ document: ChapterDocument, _ program: ChapterProgram) {
    var previousLine = 0
    var executed = 0
    for segment in document.segments {
        switch segment {
        case .prose(let prose):
            check(prose.line > previousLine, "prose segment at line \(prose.line) after line \(previousLine)")
            let bytes = prose.markdown.utf8.count
            for inline in prose.inlines {
                check(inline.offset >= 0 && inline.length > 0 && inline.offset + inline.length <= bytes, "inline span outside its prose")
            }
            var end = 0
            for span in prose.math {
                check(span.offset >= end && span.length > 0 && span.offset + span.length <= bytes, "math span out of order or outside its prose")
                end = span.offset + span.length
            }
            for heading in prose.headings {
                if let offset = heading.offset, let length = heading.length {
                    check(offset >= 0 && length > 0 && offset + length <= bytes, "heading label outside its prose")
                }
            }
            previousLine = prose.line
        case .code(let block):
            check(block.fenceLine > previousLine, "code block at line \(block.fenceLine) after line \(previousLine)")
            if let index = block.index {
                check(index == executed, "executed block numbered \(index), expected \(executed)")
                executed += 1
            }
            previousLine = max(block.fenceLine, block.firstLine + block.source.count - 1)
        }
    }
    check(program.blocks.count == executed, "program has \(program.blocks.count) blocks, document \(executed)")
    for (k, block) in program.blocks.enumerated() {
        check(program.block(containing: block.firstLine) == k, "line \(block.firstLine) maps to another block")
    }
}

/// The chapter's result as if every executed block had run and succeeded.
private func madeUpResult(_ document: ChapterDocument, _ diagnostics: [Diagnostic]) -> ChapterResult {
    var result = skeletons.chapter
    result.file = document.file
    result.slug = document.slug
    result.title = document.title
    result.diagnostics = diagnostics
    result.status = diagnostics.contains { $0.severity == .error } ? .failed : .succeeded
    var figureNumber = 0
    for segment in document.segments {
        switch segment {
        case .prose(let prose):
            // The parser's inline expressions, with the skeleton values in turn (the rest missing).
            let inline = prose.inlines.enumerated().map { k, expression in
                InlineValue(expression, value: k < skeletons.inline.count ? skeletons.inline[k].value : nil)
            }
            result.segments.append(.prose(
                markdown: prose.markdown, line: prose.line, inline: inline, math: prose.math, references: prose.references,
                headings: prose.headings))
        case .code(let code):
            var block = skeletons.block
            block.index = code.index
            block.language = code.language
            block.code = code.displayedCode
            block.line = code.fenceLine
            block.options = code.options
            block.status = code.index == nil ? .displayOnly : .succeeded
            if code.index != nil {
                block.outputs = [skeletons.text, skeletons.errorText]
                // The first four executed blocks draw a figure each: its caption is fuzzed prose,
                // its label is what `@fig-` references resolve to.
                if figureNumber < 4 {
                    figureNumber += 1
                    var figure = skeletons.figure
                    figure.number = figureNumber
                    figure.label = code.options.label
                    figure.caption = code.options.caption
                    figure.image = "figures/\(document.slug)-\(figureNumber).png"
                    block.outputs.append(.figure(figure))
                }
                block.outputs.append(skeletons.table)
                if let id = code.options.claim {
                    var claim = skeletons.claims[code.options.expect ?? ""] ?? skeletons.claims[""]!
                    claim.id = id
                    claim.quote = code.options.quote
                    claim.source = code.options.source
                    claim.figures = figureNumber > 0 ? [figureNumber] : []
                    block.claims = [claim]
                }
            }
            result.segments.append(.block(block))
        }
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = maskCarriageReturns && bytes.contains(0x0D)
        ? String(decoding: bytes.map { $0 == 0x0D ? 0x0A : $0 }, as: UTF8.self)
        : String(decoding: bytes, as: UTF8.self)
    let (document, diagnostics) = ChapterParser().parse(text, file: "chapters/fuzz.md")
    let program = ChapterProgram(document: document)
    checkInvariants(document, program)
    guard renderEnabled else { return 0 }
    do {
        divertAssets(try renderer.render([madeUpResult(document, diagnostics)], into: reportFolder))
    } catch {
        fatalError("render failed: \(error)")
    }
    return 0
}
