import Foundation

/// Where the compiled engine and runtime live: `libNormbookChapterKit.so`, the `Modules/`
/// folder of its `.swiftmodule`s, built by SwiftPM with optimizations, and the module maps of
/// the C modules the engine imports internally. Chapter programs are compiled against it and
/// load it at run time.
///
/// Two layouts are recognized (see `InstallLayout`):
/// - a SwiftPM build folder (`.build/release/`), where the C module maps are read from the
///   package that built it (`Sources/COpenBLAS/`), found by walking up from the folder;
/// - an installed kit (`PREFIX/lib/normbook/`, written by `scripts/install`), which carries them
///   in `include/NAME/`.
package struct ChapterKit: Sendable, Equatable {
    /// The folder holding the library and `Modules/`.
    package var directory: URL

    /// The library's file name.
    static let libraryName = "NormbookChapterKit"

    /// The modules a chapter program imports.
    static let importedModules = ["Regularization", "NotebookRuntime", "Charts"]

    /// The C modules the engine imports internally: a non-resilient module's internal imports
    /// are still loaded by its clients, so chapter compilations need their module maps.
    static let cModules = ["COpenBLAS"]

    /// A digest of the library: it changes whenever the engine or runtime is rebuilt
    /// differently, which invalidates every cached chapter result.
    package var fingerprint: String

    /// The module maps of `cModules`, passed to the compiler.
    package var moduleMaps: [URL]

    /// Digests of kit libraries computed in this process, by file.
    private static let fingerprints = FileIdentityMemo()

    /// Creates a kit at a known folder.
    init(directory: URL, moduleMaps: [URL]) {
        self.directory = directory
        self.moduleMaps = moduleMaps
        let library = directory.appendingPathComponent("lib\(Self.libraryName).so")
        fingerprint = Self.fingerprints.value(for: library.path) {
            FileManager.default.contents(atPath: library.path).map(SHA256.hex(of:)) ?? "missing"
        }
    }

    /// Finds the kit: `$NORMBOOK_KIT_DIR`, else next to the running executable or in
    /// `../lib/normbook` (`InstallLayout`).
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChapterKit {
        var candidates: [URL] = []
        if let dir = environment["NORMBOOK_KIT_DIR"], !dir.isEmpty { candidates.append(URL(fileURLWithPath: dir)) }
        candidates += InstallLayout.candidateFolders()
        for dir in candidates {
            if let kit = ChapterKit(at: dir) { return kit }
        }
        throw NotebookError.chapterKitNotFound(searched: candidates.map(\.path))
    }

    /// The kit in `directory`, or nil when its library, modules or module maps are missing.
    package init?(at directory: URL) {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.appendingPathComponent("lib\(Self.libraryName).so").path),
            Self.importedModules.allSatisfy({
                fm.fileExists(atPath: directory.appendingPathComponent("Modules/\($0).swiftmodule").path)
            })
        else { return nil }
        var maps: [URL] = []
        for module in Self.cModules {
            guard let map = Self.moduleMap(of: module, for: directory) else { return nil }
            maps.append(map)
        }
        self.init(directory: directory, moduleMaps: maps)
    }

    /// The module map of C module `name`: `include/NAME/module.modulemap` in an installed kit,
    /// else `Sources/NAME/module.modulemap` of the package whose build folder holds the kit.
    static func moduleMap(of name: String, for directory: URL) -> URL? {
        let fm = FileManager.default
        let installed = directory.appendingPathComponent("include/\(name)/module.modulemap")
        if fm.fileExists(atPath: installed.path) { return installed }
        var folder = directory.standardizedFileURL
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent("Sources/\(name)/module.modulemap")
            if fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                fm.fileExists(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }

    /// The compiler that built the kit's modules, e.g. "Swift version 6.3.1 (swift-6.3.1-RELEASE)",
    /// read from the control block of `Regularization.swiftmodule` (binary Swift modules load
    /// only in the compiler that wrote them).
    package var compilerVersion: String? {
        guard let data = FileManager.default.contents(atPath: modules.appendingPathComponent("Regularization.swiftmodule").path),
            let start = data.firstRange(of: Data("Swift version ".utf8))?.lowerBound,
            let end = data[start...].firstIndex(of: UInt8(ascii: ")"))
        else { return nil }
        return String(decoding: data[start...end], as: UTF8.self)
    }

    /// The shared library.
    package var library: URL { directory.appendingPathComponent("lib\(Self.libraryName).so") }

    /// The module search folder.
    package var modules: URL { directory.appendingPathComponent("Modules") }

    /// The compiler arguments that make the kit's modules importable and link its library.
    var compilerArguments: [String] {
        ["-I", modules.path]
            + moduleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0.path)"] }
            + [
                "-L", directory.path, "-l\(Self.libraryName)",
                "-Xlinker", "-rpath", "-Xlinker", directory.path,
            ]
    }
}
