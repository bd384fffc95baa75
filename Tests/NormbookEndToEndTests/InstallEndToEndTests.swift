import Foundation
import Testing

@testable import Notebook

/// `scripts/install` into a temporary prefix, then the installed binary used the way a
/// newcomer would: `init`, then `build` and `verify` from a subfolder of the project, from a
/// folder far from this repository, with a `PATH` that holds only the prefix and the toolchain.
@Suite("Installed normbook", .serialized)
struct InstallEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder this test bundle runs from: it holds the debug build of normbook and its kit.
    static var buildFolder: URL {
        get throws { try ChapterKit.locate().directory }
    }

    /// Runs `scripts/install` with `arguments`.
    static func install(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [repository.appendingPathComponent("scripts/install").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Every path under `folder`, relative to it.
    static func listing(_ folder: URL) -> Set<String> {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths = Set<String>()
        while let path = enumerator?.nextObject() as? String { paths.insert(path) }
        return paths
    }

    @Test("init, then build and verify from a subfolder with the installed binary; nothing written outside the project")
    func installedBinaryBuildsAProjectFromAnywhere() throws {
        let fm = FileManager.default
        let sandbox = fm.temporaryDirectory.appendingPathComponent("normbook-install-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: sandbox) }
        let prefix = sandbox.appendingPathComponent("prefix")
        let home = sandbox.appendingPathComponent("home")
        let work = sandbox.appendingPathComponent("work")
        for folder in [prefix, home, work] { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }

        let installed = try Self.install(["--build-dir", Self.buildFolder.path, prefix.path])
        #expect(installed.status == 0, "\(installed.output)")
        let binary = prefix.appendingPathComponent("bin/normbook")
        #expect(fm.isExecutableFile(atPath: binary.path))
        #expect(fm.fileExists(atPath: prefix.appendingPathComponent("lib/normbook/include/COpenBLAS/module.modulemap").path))

        // Only the prefix and the toolchain: nothing of this repository's build folder.
        let swiftc = try #require(ExecutableSearch.find("swiftc", path: ProcessInfo.processInfo.environment["PATH"] ?? ""))
        let environment = [
            "PATH": "\(prefix.path)/bin:\(URL(fileURLWithPath: swiftc).deletingLastPathComponent().path):/usr/bin:/bin",
            "HOME": home.path, "NORMBOOK_KIT_DIR": "", "TMPDIR": sandbox.appendingPathComponent("tmp").path,
        ]
        try fm.createDirectory(at: sandbox.appendingPathComponent("tmp"), withIntermediateDirectories: true)

        let doctor = try CommandLine.run(["doctor"], in: work, environment: environment, executable: binary)
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains(prefix.appendingPathComponent("lib/normbook").path), "\(doctor.stdout)")

        let initialized = try CommandLine.run(
            ["init", "essay", "--title", "An installed essay"], in: work, environment: environment, executable: binary)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let project = work.appendingPathComponent("essay")
        let subfolder = project.appendingPathComponent("chapters/drafts")
        try fm.createDirectory(at: subfolder, withIntermediateDirectories: true)
        let before = (work: Self.listing(work).filter { !$0.hasPrefix("essay") }, home: Self.listing(home))

        let built = try CommandLine.run(["build"], in: subfolder, environment: environment, executable: binary)
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        let page = try String(contentsOf: project.appendingPathComponent("output/01-getting-started.html"), encoding: .utf8)
        #expect(page.contains("An installed essay"))

        let verified = try CommandLine.run(["verify"], in: subfolder, environment: environment, executable: binary)
        #expect(verified.status == 0, "\(verified.stdout)\(verified.stderr)")

        // Nothing outside the project: not next to it, not in HOME, not in the folder it ran from.
        #expect(Self.listing(work).filter { !$0.hasPrefix("essay") } == before.work)
        #expect(Self.listing(home) == before.home)
        #expect(Self.listing(subfolder).isEmpty)
    }

    @Test("--uninstall removes exactly what the install wrote; a foreign lib/normbook is refused")
    func installOwnsOnlyItsFiles() throws {
        let fm = FileManager.default
        let prefix = fm.temporaryDirectory.appendingPathComponent("normbook-prefix-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: prefix) }
        try fm.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try fm.createDirectory(at: prefix.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: prefix.appendingPathComponent("bin/other-tool"))
        try Data("mine".utf8).write(to: prefix.appendingPathComponent("lib/other.so"))
        let before = Self.listing(prefix)

        #expect(try Self.install(["--build-dir", Self.buildFolder.path, prefix.path]).status == 0)
        // A second install replaces the first (it owns those files).
        #expect(try Self.install(["--build-dir", Self.buildFolder.path, prefix.path]).status == 0)
        #expect(fm.fileExists(atPath: prefix.appendingPathComponent("lib/normbook/libNormbookChapterKit.so").path))

        let removed = try Self.install(["--uninstall", prefix.path])
        #expect(removed.status == 0, "\(removed.output)")
        #expect(Self.listing(prefix) == before)

        // A lib/normbook that no install wrote is left alone.
        let foreign = prefix.appendingPathComponent("lib/normbook")
        try fm.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let refused = try Self.install(["--build-dir", Self.buildFolder.path, prefix.path])
        #expect(refused.status == 2)
        #expect(refused.output.contains("not written by scripts/install"))
        #expect(Self.listing(prefix) == before.union(["lib/normbook", "lib/normbook/notes.txt"]))
    }
}
