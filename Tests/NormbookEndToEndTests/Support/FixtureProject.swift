import Foundation

@testable import Notebook

/// A copy of a fixture project in a fresh temporary folder.
struct FixtureProject {
    let root: URL

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func copy(_ name: String) throws -> FixtureProject {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("normbook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let source = fixtures.appendingPathComponent(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return FixtureProject(root: root)
    }

    func options(allowFailures: Bool) -> BuildOptions {
        BuildOptions(projectRoot: root, jobs: 2, allowFailures: allowFailures, title: "Fixture")
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A new project holding only the given chapters (name → Markdown).
    static func make(_ chapters: [String: String]) throws -> FixtureProject {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("chapters"), withIntermediateDirectories: true)
        for (name, text) in chapters {
            try Data(text.utf8).write(to: root.appendingPathComponent("chapters/\(name)"))
        }
        return FixtureProject(root: root)
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
}

/// Runs the normbook executable built next to this test bundle.
enum CommandLine {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Result {
        let running = try start(arguments, in: directory, environment: environment, executable: executable)
        return try running.wait()
    }

    /// A normbook process started in the background.
    struct Running {
        let process: Process
        let out: URL, err: URL

        func wait() throws -> Result {
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus,
                stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
        }
    }

    /// Starts normbook; its output goes to files outside `directory` (so it never shows in a
    /// folder a test inspects).
    /// `executable` defaults to the normbook built next to this test bundle.
    static func start(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], executable: URL? = nil
    ) throws -> Running {
        let process = Process()
        process.executableURL = try executable ?? ChapterKit.locate().directory.appendingPathComponent("normbook")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-e2e-logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        let out = logs.appendingPathComponent("stdout"), err = logs.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return Running(process: process, out: out, err: err)
    }
}
