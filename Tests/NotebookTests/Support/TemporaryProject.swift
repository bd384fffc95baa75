import Foundation

/// A new, empty project folder in the temporary directory with the given subfolders.
func temporaryProject(_ name: String, folders: [String] = ["chapters"]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-\(name)-\(UUID().uuidString)")
    for folder in folders {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    return root
}
