import Foundation

/// Report content that legitimately differs between runs — timings, marked in a chapter with
/// `//| volatile: true` on a block or `` `{swift volatile} expr` `` inline. Verification checks
/// that such a block ran and that its claims have the expected verdicts, but not its numbers,
/// text or figures.
enum VolatileContent {
    /// The markers the renderer puts around volatile HTML.
    static let begin = "<!--normbook:volatile-->"
    static let end = "<!--/normbook:volatile-->"

    /// `html` with every volatile region replaced by an empty pair of markers.
    static func strippingRegions(from html: String) -> String {
        guard html.contains(begin) else { return html }
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: begin) {
            result += rest[..<open.upperBound]
            guard let close = rest.range(of: end, range: open.upperBound..<rest.endIndex) else {
                rest = rest[open.upperBound...]
                break
            }
            result += end
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// A results-store JSON value with volatile parts reduced to what must still agree: for a
    /// volatile block its index, line, code, status and its claims' ids and verdicts; for a
    /// volatile inline value its expression.
    static func reducing(_ value: Any) -> Any {
        switch value {
        case let object as [String: Any]:
            if let options = object["options"] as? [String: Any], (options["volatile"] as? Bool) == true {
                var kept: [String: Any] = [:]
                for key in ["index", "line", "code", "status", "options", "language"] { kept[key] = object[key] }
                if let claims = object["claims"] as? [[String: Any]] {
                    kept["claims"] = claims.map { claim in
                        claim.filter { ["id", "verdict", "expected", "statement"].contains($0.key) }
                    }
                }
                return kept
            }
            if (object["volatile"] as? Bool) == true, object["expression"] != nil {
                return object.filter { $0.key != "value" }
            }
            return object.mapValues(reducing)
        case let array as [Any]:
            return array.map(reducing)
        default:
            return value
        }
    }

    /// The figure images drawn by volatile blocks, from a report's results files: they are
    /// compared for presence only.
    static func figureImages(inReport folder: URL) -> Set<String> {
        let dir = folder.appendingPathComponent("_results")
        var images: Set<String> = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path),
                let json = try? JSONSerialization.jsonObject(with: data)
            else { continue }
            collectImages(json, inVolatile: false, into: &images)
        }
        return images
    }

    private static func collectImages(_ value: Any, inVolatile: Bool, into images: inout Set<String>) {
        switch value {
        case let object as [String: Any]:
            let volatile = inVolatile || ((object["options"] as? [String: Any])?["volatile"] as? Bool) == true
            if volatile, let image = object["image"] as? String { images.insert(image) }
            for member in object.values { collectImages(member, inVolatile: volatile, into: &images) }
        case let array as [Any]:
            for element in array { collectImages(element, inVolatile: inVolatile, into: &images) }
        default:
            break
        }
    }
}
