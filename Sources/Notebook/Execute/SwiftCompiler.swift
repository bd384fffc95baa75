import Foundation

/// Compiles a chapter program with `swiftc -Onone -g` against the chapter kit and maps the
/// compiler's diagnostics back to the Markdown file.
struct SwiftCompiler: Sendable {
    /// The compiler executable (a path, or a name looked up on PATH).
    var executable: String
    /// The engine and runtime to link.
    var kit: ChapterKit

    /// How the compiler is run (it dies with normbook).
    var isolation: ProcessIsolation

    /// Creates a compiler: `$SWIFTC` if set, else `swiftc` on PATH.
    init(
        kit: ChapterKit, isolation: ProcessIsolation, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        self.kit = kit
        self.isolation = isolation
        if let explicit = environment["SWIFTC"] {
            executable = explicit
        } else if let found = ExecutableSearch.find("swiftc", path: environment["PATH"] ?? "/usr/bin:/bin") {
            executable = found
        } else {
            throw NotebookError.compilerNotFound
        }
    }

    /// What a compilation produced.
    struct Outcome: Sendable {
        /// Whether an executable was produced.
        var succeeded: Bool
        /// Diagnostics that point into the chapter, with Markdown lines and columns.
        var diagnostics: [Diagnostic]
        /// The compiler's whole output, for diagnostics that do not point into the chapter.
        var output: String
    }

    /// Compiles `program` (written to `directory/main.swift`) into `directory/chapter`.
    func compile(_ program: ChapterProgram, in directory: URL) throws -> Outcome {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let main = directory.appendingPathComponent("main.swift")
        try program.source.write(to: main, atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent("chapter")
        try? fm.removeItem(at: binary)
        let arguments = [
            "-swift-version", "5", "-Onone", "-g", "-diagnostic-style", "llvm",
            "-module-name", "Chapter",
        ] + kit.compilerArguments + ["main.swift", "-o", "chapter"]
        let child = ChildProcess(
            command: isolation.contained(executable, arguments, in: directory.path),
            environment: ProcessInfo.processInfo.environment)
        let outcome = try child.run()
        let output = outcome.stdout + outcome.stderr
        let termination = outcome.termination
        let diagnostics = Self.diagnostics(in: output, program: program)
        return Outcome(
            succeeded: termination.succeeded && fm.fileExists(atPath: binary.path),
            diagnostics: diagnostics, output: output)
    }

    /// The first line of `swiftc --version`, recorded in provenance.
    func version() -> String {
        let path = executable.hasPrefix("/")
            ? executable : ExecutableSearch.find(executable, path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        guard let path else { return askVersion() }
        return Self.versions.value(for: path) { askVersion() }
    }

    /// Versions asked in this process, by compiler file.
    private static let versions = FileIdentityMemo()

    private func askVersion() -> String {
        let child = ChildProcess(
            command: isolation.contained(executable, ["--version"], in: FileManager.default.temporaryDirectory.path),
            environment: ProcessInfo.processInfo.environment)
        let text = (try? child.run().stdout) ?? ""
        return text.split(separator: "\n").first.map(String.init) ?? "unknown"
    }

    /// Parses `file:line:col: severity: message` lines (llvm diagnostic style) that name the
    /// chapter; lines in the chapter get the block's indentation added to the column.
    ///
    /// The chapter's name is matched as a known prefix (in the spelling the compiler prints,
    /// `ChapterProgram.compiledFile`), not cut at the first `:`, so that names holding `:`,
    /// spaces or quotes still map to the chapter.
    static func diagnostics(in output: String, program: ChapterProgram) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let names = program.compiledFile == program.file ? [program.file] : [program.compiledFile, program.file]
        let prefixes = names.map { Array(($0 + ":").utf8) }
        for line in output.split(separator: "\n") {
            let bytes = Array(line.utf8)
            guard let prefix = prefixes.first(where: { bytes.starts(with: $0) }) else { continue }
            let rest = String(decoding: bytes[prefix.count...], as: UTF8.self)
            let parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
            guard parts.count == 4, let lineNumber = Int(parts[0]), let column = Int(parts[1]) else { continue }
            let severityText = parts[2].trimmingCharacters(in: .whitespaces)
            guard let severity = Diagnostic.Severity(rawValue: severityText) else { continue }
            let message = parts[3].trimmingCharacters(in: .whitespaces)
            let indentation = program.block(containing: lineNumber).map { program.blocks[$0].indentation } ?? 0
            result.append(Diagnostic(
                severity, at: SourceLocation(file: program.file, line: lineNumber, column: column + indentation), message))
        }
        return result
    }
}
