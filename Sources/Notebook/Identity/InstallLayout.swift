import Foundation

/// Where normbook's own files (the chapter kit, the report templates) live relative to the
/// running executable, so that the same lookup works in a SwiftPM build folder and in an
/// installed prefix:
///
/// - a build folder (`.build/release/`): the binary, `libNormbookChapterKit.so`, `Modules/` and
///   `normbook_Notebook.resources/` sit side by side (test bundles run from the same folder);
/// - an installed prefix (`scripts/install PREFIX`): the binary is `PREFIX/bin/normbook` and
///   everything else is in `PREFIX/lib/normbook/`.
///
/// The executable is read from `/proc/self/exe`, which resolves symbolic links, so a link to
/// the binary from anywhere on `PATH` works too.
package enum InstallLayout {
    /// The folder of the library files relative to the `bin/` folder of an installed prefix.
    package static let libraryFolder = "lib/normbook"

    /// The name of the resource bundle SwiftPM builds for the `Notebook` target.
    static let resourceBundle = "normbook_Notebook.resources"

    /// The running executable's folder, if it can be read.
    static var executableFolder: URL? {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        return URL(fileURLWithPath: exe).deletingLastPathComponent()
    }

    /// The folders to look in, in order: the executable's own folder, then `../lib/normbook`.
    static func candidateFolders(executableFolder: URL? = InstallLayout.executableFolder) -> [URL] {
        guard let folder = executableFolder else { return [] }
        return [
            folder.standardizedFileURL,
            folder.deletingLastPathComponent().appendingPathComponent(libraryFolder).standardizedFileURL,
        ]
    }

    /// The folder of the built-in templates and assets (`Templates/` in the resource bundle).
    static func templatesFolder(executableFolder: URL? = InstallLayout.executableFolder) throws -> URL {
        let candidates = candidateFolders(executableFolder: executableFolder).map {
            $0.appendingPathComponent(resourceBundle).appendingPathComponent("Templates")
        }
        var isDirectory: ObjCBool = false
        if let found = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && isDirectory.boolValue
        }) {
            return found
        }
        throw NotebookError.unreadable(
            path: resourceBundle,
            reason: "normbook's templates were not found in \(candidates.map(\.path).joined(separator: " or ")); reinstall normbook (scripts/install) or rebuild it (swift build -c release)")
    }
}
