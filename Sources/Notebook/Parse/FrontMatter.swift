import Yams

/// A chapter's YAML front matter: its title, seed and block option defaults.
struct FrontMatter: Codable, Sendable, Equatable {
    /// The chapter title; defaults to the first heading.
    var title: String?
    /// The seed chapter code reads as `ChapterContext.seed`.
    var seed: UInt64?
    /// Default block options (any block option key).
    var defaults: [String: String] = [:]
    /// Seconds the whole chapter may run (default 600).
    var timeout: Double?
    /// Resource limits that replace the build's for this chapter (`limits:`).
    var limits = Limits()
    /// `sandbox: false` runs this chapter outside the sandbox; every build warns about it.
    var sandbox: Bool?

    /// The `limits:` mapping: each key replaces the build's limit for this chapter.
    struct Limits: Codable, Sendable, Equatable {
        var memory: ByteSize?
        var cpuSeconds: Double?
        var fileSize: ByteSize?
        var processes: Int?
        var blockOutput: ByteSize?
        var chapterOutput: ByteSize?

        /// These limits with those `overrides` gives replacing them.
        func overridden(by overrides: Limits) -> Limits {
            var merged = self
            merged.memory = overrides.memory ?? memory
            merged.cpuSeconds = overrides.cpuSeconds ?? cpuSeconds
            merged.fileSize = overrides.fileSize ?? fileSize
            merged.processes = overrides.processes ?? processes
            merged.blockOutput = overrides.blockOutput ?? blockOutput
            merged.chapterOutput = overrides.chapterOutput ?? chapterOutput
            return merged
        }

        /// The keys of `limits:`.
        static let keys = ["memory", "cpu-time", "file-size", "processes", "block-output", "chapter-output"]

        init() {}

        /// Sets `key` from its text, or says what it expects.
        mutating func set(_ key: String, to text: String) -> String? {
            switch key {
            case "cpu-time":
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else { return "a positive number of seconds" }
                cpuSeconds = seconds
            case "processes":
                guard let n = Int(text), n > 0 else { return "a positive whole number" }
                processes = n
            default:
                guard let size = ByteSize(text) else { return ByteSize.example }
                switch key {
                case "memory": memory = size
                case "file-size": fileSize = size
                case "block-output": blockOutput = size
                default: chapterOutput = size
                }
            }
            return nil
        }
    }

    /// Creates empty front matter.
    init() {}

    /// This front matter with the project's seed, timeout and block defaults where it sets none.
    func inheriting(_ project: FrontMatter) -> FrontMatter {
        var merged = self
        merged.seed = seed ?? project.seed
        merged.timeout = timeout ?? project.timeout
        merged.defaults = project.defaults.merging(defaults) { _, chapter in chapter }
        return merged
    }

    /// The keys front matter accepts.
    static let keys = ["title", "seed", "defaults", "timeout", "limits", "sandbox"]

    /// Parses the YAML text found between the `---` lines that start at `firstLine` (the line
    /// after the opening `---`). Problems are appended to `diagnostics`.
    ///
    /// A document with more keys (the project file) names them in `extraKeys` and reads their
    /// values with `extra`; `what` names the keys in messages.
    static func parse(
        _ yaml: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic],
        extraKeys: [String] = [], what: String = "front matter key",
        extra: (_ key: String, _ value: Node, _ at: SourceLocation, _ diagnostics: inout [Diagnostic]) -> Void = { _, _, _, _ in }
    ) -> FrontMatter {
        var result = FrontMatter()
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file, firstLine: firstLine))
            return result
        } catch {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: firstLine, column: 1), "invalid YAML: \(error)"))
            return result
        }
        guard let node else { return result }
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(
                .error, at: location(of: node, file: file, firstLine: firstLine),
                "this must be a mapping of keys to values", hint: "write e.g. `title: Norms`"))
            return result
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let at = location(of: keyNode, file: file, firstLine: firstLine)
            switch key {
            case "title":
                result.title = value.string
            case "seed":
                if let seed = value.string.flatMap({ UInt64($0) }) {
                    result.seed = seed
                } else {
                    diagnostics.append(Diagnostic(.error, at: location(of: value, file: file, firstLine: firstLine),
                        "seed must be a non-negative integer", hint: "write e.g. `seed: 42`"))
                }
            case "timeout":
                if let t = value.string.flatMap({ Double($0) }), t > 0 {
                    result.timeout = t
                } else {
                    diagnostics.append(Diagnostic(.error, at: location(of: value, file: file, firstLine: firstLine),
                        "timeout must be a positive number of seconds", hint: "write e.g. `timeout: 300`"))
                }
            case "limits":
                var limits = Limits()
                readSettings(value, at: at, keys: Limits.keys, what: "limit", example: "`limits: {memory: 8 GiB, cpu-time: 900}`",
                    file: file, firstLine: firstLine, diagnostics: &diagnostics) { name, text, _ in
                    limits.set(name, to: text).map { "invalid value '\(text)' for the limit '\(name)': expected \($0)" }
                }
                result.limits = limits
            case "sandbox":
                if let flag = value.string.flatMap(BlockOptions.bool) {
                    result.sandbox = flag
                } else {
                    diagnostics.append(Diagnostic(.error, at: location(of: value, file: file, firstLine: firstLine),
                        "sandbox must be true or false"))
                }
            case "defaults":
                var defaults: [String: String] = [:]
                var outside: [Diagnostic] = []
                readSettings(value, at: at, keys: BlockOptions.keys, what: "block option", example: "`defaults: {echo: false}`",
                    file: file, firstLine: firstLine, diagnostics: &diagnostics) { name, text, keyAt in
                    var probe = BlockOptions()
                    if let expected = probe.set(name, to: text) { return "invalid value for '\(name)': expected \(expected)" }
                    let escaping = probe.data.filter(BlockOptions.liesOutsideProject)
                    outside += escaping.map { BlockOptions.outsideProject($0, at: keyAt) }
                    if escaping.isEmpty { defaults[name] = text }
                    return nil
                }
                diagnostics += outside
                result.defaults = defaults
            case _ where extraKeys.contains(key):
                extra(key, value, at, &diagnostics)
            default:
                diagnostics.append(unknownKey(key, known: keys + extraKeys, at: at, what: what))
            }
        }
        return result
    }

    /// Reads a nested mapping of settings (`limits:`, `defaults:`): an unknown key, or a value
    /// `apply` rejects (it returns the message), is an error at its place.
    static func readSettings(
        _ node: Node, at: SourceLocation, keys: [String], what: String, example: String, file: String, firstLine: Int,
        diagnostics: inout [Diagnostic], apply: (_ key: String, _ value: String, _ keyAt: SourceLocation) -> String?
    ) {
        guard let mapping = node.mapping else {
            diagnostics.append(Diagnostic(.error, at: at, "this must be a mapping of \(what)s", hint: "write e.g. \(example)"))
            return
        }
        for (keyNode, valueNode) in mapping {
            let name = keyNode.string ?? ""
            let keyAt = location(of: keyNode, file: file, firstLine: firstLine)
            if !keys.contains(name) {
                diagnostics.append(unknownKey(name, known: keys, at: keyAt, what: what))
            } else if let problem = apply(name, valueNode.string ?? "", keyAt) {
                diagnostics.append(Diagnostic(.error, at: location(of: valueNode, file: file, firstLine: firstLine), problem))
            }
        }
    }

    static func unknownKey(_ key: String, known: [String], at location: SourceLocation, what: String) -> Diagnostic {
        let suggestion = Suggestion.closest(to: key, in: known)
        return Diagnostic(
            .error, at: location,
            "unknown \(what) '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
            hint: "known keys: " + known.joined(separator: ", "))
    }

    static func location(of node: Node, file: String, firstLine: Int) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1)
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Diagnostic(.error, at: SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column),
                "invalid YAML: \(what)", hint: "check the indentation and the `key: value` form on this line")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: firstLine, column: 1),
                "invalid YAML: \(error)")
        }
    }
}
