import NotebookProtocol

/// The options of a Swift block, written as `//| key: value` lines at the top of the block
/// (the convention of Quarto's `#|`).
struct BlockOptions: Codable, Sendable, Equatable, Hashable {
    /// An anchor; `fig-…` makes the block's chart a numbered figure that prose can cite as `@fig-…`.
    var label: String?
    /// The caption of the block's figure or table.
    var caption: String?
    /// Whether the code is shown in the report.
    var echo: Bool = true
    /// Whether the block's output is shown in the report.
    var output: Bool = true
    /// Whether the block is run at all.
    var eval: Bool = true
    /// Seconds the block may run before the chapter is stopped.
    var timeout: Double?
    /// The block's numbers legitimately differ between runs (timings): `verify` checks that it
    /// ran and its claims' verdicts, not its numbers, text or figures.
    var volatile: Bool = false
    /// Input files the block reads, relative to the project root (part of the cache key).
    var data: [String] = []
    /// The id of the claim this block decides (e.g. `000-d`).
    var claim: String?
    /// The verdict the chapter expects for that claim.
    var expect: String?
    /// The claim's sentence in the original language.
    var quote: String?
    /// Where the claim comes from (document and line).
    var source: String?

    /// Creates options with every default.
    init() {}

    /// Every key a block accepts.
    static let keys = [
        "label", "caption", "echo", "output", "eval", "timeout", "volatile", "data", "claim", "expect", "quote", "source",
    ]

    /// Whether `c` may appear in a label (of a block, a heading or an equation).
    static func isLabelCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }

    /// Sets `key` from its text, or explains what values `key` takes.
    ///
    /// - Returns: nil on success, otherwise what the value should look like.
    mutating func set(_ key: String, to raw: String) -> String? {
        let value = Self.unquoted(raw)
        switch key {
        case "label":
            guard value.allSatisfy(Self.isLabelCharacter), !value.isEmpty else {
                return "a label of letters, digits, '-' and '_' (e.g. fig-unit-balls)"
            }
            label = value
        case "caption": caption = value
        case "echo", "output", "eval", "volatile":
            guard let flag = Self.bool(value) else { return "true or false" }
            switch key {
            case "echo": echo = flag
            case "output": output = flag
            case "volatile": volatile = flag
            default: eval = flag
            }
        case "timeout":
            guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                return "a positive number of seconds (e.g. 60)"
            }
            timeout = seconds
        case "data":
            data = value.trimmingBrackets().split(separator: ",").map {
                Self.unquoted(String($0).trimmingWhitespace())
            }.filter { !$0.isEmpty }
        case "claim": claim = value
        case "expect":
            let verdicts = Verdict.allCases.map(\.rawValue)
            guard verdicts.contains(value) else { return "one of: " + verdicts.joined(separator: ", ") }
            expect = value
        case "quote": quote = value
        case "source": source = value
        default: return "a known option"
        }
        return nil
    }

    /// Whether a `data` path leaves the project, judged on its text alone: it is absolute, or
    /// its `..` components climb above the project root (`../x`, `chapters/../../x`).
    /// Symbolic links are not followed here.
    static func liesOutsideProject(_ path: String) -> Bool {
        if path.hasPrefix("/") { return true }
        var depth = 0
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return true }
            default: depth += 1
            }
        }
        return false
    }

    /// The error for a `data` path that leaves the project, at the option.
    static func outsideProject(_ path: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, "data file '\(path)' lies outside the project",
            hint: "data files are relative to the project root, e.g. chapters/data/x.csv")
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }

    static func unquoted(_ text: String) -> String {
        let t = text.trimmingWhitespace()
        if t.count >= 2, let first = t.first, let last = t.last, first == last, first == "\"" || first == "'" {
            return String(t.dropFirst().dropLast())
        }
        return t
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return String(s)
    }

    fileprivate func trimmingBrackets() -> String {
        let t = trimmingWhitespace()
        if t.hasPrefix("["), t.hasSuffix("]") { return String(t.dropFirst().dropLast()) }
        return t
    }
}
