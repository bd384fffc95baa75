import Foundation

/// normbook's mark on a folder it wrote: the file `.normbook-report` at its top. A build
/// replaces an existing output folder only if it carries the mark (or `--force` is given).
enum ReportMarker {
    static let fileName = ".normbook-report"
    static let contents = """
        This folder is a report written by normbook. `normbook build` replaces it as a whole:
        do not keep other files here.

        """

    static func isPresent(in folder: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let marker = folder.appendingPathComponent(fileName).path
        return FileManager.default.fileExists(atPath: marker, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func write(into folder: URL) throws {
        let file = folder.appendingPathComponent(fileName)
        do {
            try Data(contents.utf8).write(to: file)
        } catch {
            throw NotebookError.unwritable(path: file.path, reason: error.localizedDescription)
        }
    }
}
