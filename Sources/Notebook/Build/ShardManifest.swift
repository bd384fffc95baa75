import Foundation
import NotebookProtocol

/// What a shard build (`build --shard I/N`) writes at the top of its output folder, beside
/// `_results/` and `figures/`: which shard it is, what built it, and which chapters it holds.
/// `normbook merge` reads it to refuse shards that do not belong together.
struct ShardManifest: Codable, Equatable, Sendable {
    /// The file's name in a shard output folder.
    static let fileName = "_shard.json"

    /// The version of this file format.
    var formatVersion = 1
    /// Which shard.
    var shard: Shard
    /// The normbook that built it.
    var normbook: String
    /// The build's environment key (normbook, compiler, compiled engine, BLAS kernels).
    var environmentKey: String
    /// The compiler, as `swiftc --version` prints it (for messages).
    var compiler: String
    /// Every chapter of the project when the shard was built (slugs, name order).
    var projectChapters: [String]
    /// The chapters this shard built (slugs, name order).
    var chapters: [String]
    /// The figure images in the folder, each with the key of its drawing (the digest of its
    /// specification and of the drawing code), so a merge reuses an image only when it would
    /// draw the same one.
    var figures: [String: String]

    func write(into folder: URL) throws {
        let file = folder.appendingPathComponent(Self.fileName)
        do {
            var data = try JSONCoding.encoder(pretty: true).encode(self)
            data.append(0x0A)
            try data.write(to: file)
        } catch {
            throw NotebookError.unwritable(path: file.path, reason: error.localizedDescription)
        }
    }

    /// The manifest of a shard output folder, nil when there is none.
    static func read(from folder: URL) throws -> ShardManifest? {
        let file = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try JSONCoding.decoder().decode(ShardManifest.self, from: data)
        } catch {
            throw NotebookError.invalidResults(path: file.path, reason: String(describing: error))
        }
    }
}

/// The shard output folders a merge assembles (`normbook merge DIR…`), checked to belong
/// together: one split, one normbook and toolchain, the project's chapters.
struct ShardSet: Sendable {
    /// One shard output folder.
    struct Member: Sendable {
        var folder: URL
        /// The folder as the user named it.
        var shown: String
        var manifest: ShardManifest
    }

    var members: [Member]

    /// The shard folders holding `slug`'s result, in the order they were given.
    func holders(of slug: String) -> [Member] { members.filter { $0.manifest.chapters.contains(slug) } }

    /// The figure images the shards drew, by drawing key (a merge copies them rather than
    /// drawing them again).
    var predrawn: [String: URL] {
        var images: [String: URL] = [:]
        for member in members {
            for (image, key) in member.manifest.figures.sorted(by: { $0.key < $1.key }) where images[key] == nil {
                images[key] = member.folder.appendingPathComponent(image)
            }
        }
        return images
    }

    static let hint = "build every shard from the same commit with the same normbook and Swift toolchain (normbook build --shard I/N --output DIR for I = 1…N), then merge all N folders"

    /// Reads and checks the folders.
    ///
    /// - Parameters:
    ///   - projectChapters: the project's chapters now: (slug, file as shown), name order.
    ///   - shown: how to name a folder in messages.
    /// - Throws: `NotebookError.incompatibleShards` naming every problem found.
    static func load(_ folders: [URL], projectChapters: [(slug: String, file: String)], shown: (URL) -> String) throws -> ShardSet {
        var problems: [String] = []
        var members: [Member] = []
        for folder in folders {
            let name = shown(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                problems.append("\(name): no such folder")
                continue
            }
            guard let manifest = try ShardManifest.read(from: folder) else {
                problems.append("\(name) is not a shard's output (it has no \(ShardManifest.fileName)); build it with normbook build --shard I/N --output \(name)")
                continue
            }
            members.append(Member(folder: folder, shown: name, manifest: manifest))
        }
        if let first = members.first {
            for member in members.dropFirst() where member.manifest.shard.count != first.manifest.shard.count {
                problems.append("\(member.shown) is shard \(member.manifest.shard) but \(first.shown) is shard \(first.manifest.shard): they come from different splits")
            }
            for member in members where member.manifest.normbook != NotebookIdentity.version {
                problems.append("\(member.shown) was built by normbook \(member.manifest.normbook), and this is normbook \(NotebookIdentity.version)")
            }
            for member in members.dropFirst() where member.manifest.environmentKey != first.manifest.environmentKey {
                let compilers = member.manifest.compiler == first.manifest.compiler
                    ? "the same compiler (\(first.manifest.compiler)) but a different compiled engine or BLAS kernels"
                    : "\(member.manifest.compiler.isEmpty ? "an unknown compiler" : member.manifest.compiler) against \(first.manifest.compiler.isEmpty ? "an unknown compiler" : first.manifest.compiler)"
                problems.append("\(member.shown) and \(first.shown) were built in different environments: \(compilers)")
            }
            let current = projectChapters.map(\.slug)
            for member in members where member.manifest.projectChapters != current {
                let added = Set(current).subtracting(member.manifest.projectChapters).sorted()
                let removed = Set(member.manifest.projectChapters).subtracting(current).sorted()
                var what: [String] = []
                if !added.isEmpty { what.append("it lacks \(added.joined(separator: ", "))") }
                if !removed.isEmpty { what.append("it has \(removed.joined(separator: ", ")), which this project does not") }
                problems.append("\(member.shown) was built from a project with other chapters: \(what.joined(separator: "; "))")
            }
            for member in members {
                for slug in member.manifest.chapters {
                    let file = member.folder.appendingPathComponent("\(ResultsStore.folderName)/\(slug).json")
                    if !FileManager.default.fileExists(atPath: file.path) {
                        problems.append("\(member.shown) lists \(slug) but has no \(ResultsStore.folderName)/\(slug).json")
                    }
                }
            }
            let given = Set(members.map(\.manifest.shard.index))
            let absent = (1...first.manifest.shard.count).filter { !given.contains($0) }.map { "\($0)/\(first.manifest.shard.count)" }
            for chapter in projectChapters where !members.contains(where: { $0.manifest.chapters.contains(chapter.slug) }) {
                problems.append("\(chapter.file): no shard folder holds its result"
                    + (absent.isEmpty ? "" : " (not given: shard \(absent.joined(separator: ", ")))"))
            }
        } else if problems.isEmpty {
            problems.append("no shard folder was given")
        }
        guard problems.isEmpty else { throw NotebookError.incompatibleShards(problems: problems, hint: hint) }
        return ShardSet(members: members)
    }
}
