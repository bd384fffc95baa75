import Foundation

/// Where the compiled engine and runtime live: `libNormbookChapterKit.so` and the `Modules/`
/// folder of its `.swiftmodule`s, built by SwiftPM with optimizations. Chapter programs are
/// compiled against it and load it at run time.
struct ChapterKit: Sendable, Equatable {
    /// The folder holding the library and `Modules/`.
    var directory: URL

    /// The library's file name.
    static let libraryName = "NormbookChapterKit"

    /// A digest of the library: it changes whenever the engine or runtime is rebuilt
    /// differently, which invalidates every cached chapter result.
    var fingerprint: String

    /// Creates a kit at a known folder.
    init(directory: URL) {
        self.directory = directory
        let library = directory.appendingPathComponent("lib\(Self.libraryName).so")
        fingerprint = FileManager.default.contents(atPath: library.path).map(SHA256.hex(of:)) ?? "missing"
    }

    /// Finds the kit: `$NORMBOOK_KIT_DIR`, else the folder of the running executable (SwiftPM puts
    /// the normbook binary, the test bundle and the library in the same build folder).
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ChapterKit {
        var candidates: [URL] = []
        if let dir = environment["NORMBOOK_KIT_DIR"] { candidates.append(URL(fileURLWithPath: dir)) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        for dir in candidates where ChapterKit.isComplete(at: dir) {
            return ChapterKit(directory: dir)
        }
        throw NotebookError.chapterKitNotFound(searched: candidates.map(\.path))
    }

    /// The shared library.
    var library: URL { directory.appendingPathComponent("lib\(Self.libraryName).so") }

    /// The module search folder.
    var modules: URL { directory.appendingPathComponent("Modules") }

    /// Whether the library and the modules a chapter imports exist in `directory`.
    static func isComplete(at directory: URL) -> Bool {
        let fm = FileManager.default
        return fm.fileExists(atPath: directory.appendingPathComponent("lib\(libraryName).so").path)
            && ["Regularization", "NotebookRuntime", "Charts"].allSatisfy {
                fm.fileExists(atPath: directory.appendingPathComponent("Modules/\($0).swiftmodule").path)
            }
    }
}
