import Foundation
import NotebookProtocol

/// Reads and writes chapter results as canonical JSON: sorted keys, two-space indentation,
/// non-finite numbers as the strings "nan", "inf", "-inf". The same result gives the same bytes.
struct ResultsStore: Sendable {
    /// The folder name under the report.
    static let folderName = "_results"

    /// Decoded results kept between builds (the live preview's), by path and bytes.
    var memo: RebuildMemo?

    /// Creates a store.
    init(memo: RebuildMemo? = nil) { self.memo = memo }

    /// The canonical bytes of a result.
    func encode(_ result: ChapterResult) throws -> Data {
        var data = try JSONCoding.encoder(pretty: true).encode(result)
        data.append(0x0A)
        return data
    }

    /// Decodes a result.
    func decode(_ data: Data, path: String) throws -> ChapterResult {
        guard let memo else { return try decodeAfresh(data, path: path) }
        return try memo.value("result:\(path)", inputs: data) { try decodeAfresh(data, path: path) }
    }

    private func decodeAfresh(_ data: Data, path: String) throws -> ChapterResult {
        do {
            return try JSONCoding.decoder().decode(ChapterResult.self, from: data)
        } catch {
            throw NotebookError.invalidResults(path: path, reason: String(describing: error))
        }
    }

    /// Writes `result` to `folder/_results/<slug>.json`.
    /// - Parameter previous: the report being replaced (an unchanged file is linked to its own).
    func write(_ result: ChapterResult, toReport folder: URL, previous: URL? = nil) throws {
        let dir = folder.appendingPathComponent(Self.folderName)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let data = try memo?.value("encoded:\(result.slug)", inputs: result) { try encode(result) } ?? encode(result)
        try ReportFileWriter(folder: folder, previous: previous).write(data, to: "\(Self.folderName)/\(result.slug).json")
    }

    /// Reads every result of a report folder, in file-name order.
    func readAll(fromReport folder: URL) throws -> [ChapterResult] {
        let dir = folder.appendingPathComponent(Self.folderName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw NotebookError.unreadable(path: url.path, reason: "no such file")
            }
            return try decode(data, path: url.path)
        }
    }
}
