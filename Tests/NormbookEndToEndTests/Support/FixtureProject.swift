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
}

/// Runs the normbook executable built next to this test bundle.
enum CommandLine {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let kit = try ChapterKit.locate()
        let process = Process()
        process.executableURL = kit.directory.appendingPathComponent("normbook")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8), stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
