#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Writes the reviewer's diff page (`DiffPage`) into a folder of its own: `index.html`, the
/// figures it shows under `images/` (`committed/`, `rebuilt/`, `difference/`, each at the
/// figure's path in the report), and the marker `.normbook-diff-page`. The folder can be
/// uploaded alone (every link is relative and inside it). normbook replaces only a folder that
/// is new, empty or carries the marker.
struct DiffPageWriter {
    /// The marker's file name.
    static let markerName = ".normbook-diff-page"
    static let markerContents = """
        This folder is a verification diff page written by normbook. `normbook verify` replaces
        it as a whole: do not keep other files here.

        """

    /// The page's folder.
    var folder: URL

    /// Throws `NotebookError.refusedOutput` when the folder must not be (re)placed: it is or holds
    /// one of `protected` or lies inside one of `insideNot`, it is a link or a file, or it holds
    /// files without the marker.
    func check(shownAs name: String, protected: [(URL, String)], insideNot: [(URL, String)]) throws {
        let target = OutputGuard.resolved(folder)
        let hint = "choose a folder of its own for the page, e.g. --diff-page verify-diff"
        for (other, what) in protected {
            let path = OutputGuard.resolved(other).path
            if target.path == path || OutputGuard.contains(target, path) {
                throw NotebookError.refusedOutput(
                    path: name, reason: "it \(target.path == path ? "is" : "holds") \(what); replacing it would delete your files", hint: hint, what: "the diff page")
            }
        }
        for (other, what) in insideNot where OutputGuard.contains(OutputGuard.resolved(other), target.path) {
            throw NotebookError.refusedOutput(path: name, reason: "it lies inside \(what)", hint: hint, what: "the diff page")
        }
        var info = stat()
        guard lstat(folder.path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw NotebookError.refusedOutput(
                path: name, reason: (info.st_mode & S_IFMT) == S_IFLNK ? "it is a symbolic link" : "it is a file, not a folder", hint: hint, what: "the diff page")
        }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.markerName).path) { return }
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        guard entries.isEmpty else {
            throw NotebookError.refusedOutput(
                path: name,
                reason: "the folder holds files normbook did not write (\(entries.prefix(3).joined(separator: ", "))) and no \(Self.markerName) marker",
                hint: hint + ", or empty this one", what: "the diff page")
        }
    }

    /// Replaces the folder with the page of `report`, copying the figures of its image
    /// differences from the committed report, the rebuilt one and the difference images (whose
    /// `images.difference` are relative to `differenceImages`). Returns the report with every
    /// difference's `images` relative to the folder (nil where no image exists).
    func write(
        _ report: VerificationReport, committed: URL, rebuilt: URL, differenceImages: URL, tolerance: ComparisonTolerance,
        chapters: [DiffPage.Chapter], committedName: String
    ) throws -> VerificationReport {
        let fm = FileManager.default
        BuildLifecycle.removeOwnedFolder(atPath: folder.path)
        var written = report
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(Self.markerContents.utf8).write(to: folder.appendingPathComponent(Self.markerName))
            for (i, difference) in report.differences.enumerated() {
                guard Self.showsImages(difference) else {
                    written.differences[i].images = nil
                    continue
                }
                func copy(_ source: URL, as kind: String) throws -> String? {
                    guard fm.fileExists(atPath: source.path) else { return nil }
                    let relative = "images/\(kind)/\(difference.file)"
                    let target = folder.appendingPathComponent(relative)
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                    try fm.copyItem(at: source, to: target)
                    return relative
                }
                let images = ReportDifference.Images(
                    expected: try copy(committed.appendingPathComponent(difference.file), as: "committed"),
                    actual: try copy(rebuilt.appendingPathComponent(difference.file), as: "rebuilt"),
                    difference: try difference.images?.difference.flatMap {
                        try copy(differenceImages.appendingPathComponent($0), as: "difference")
                    })
                written.differences[i].images = images.all.isEmpty ? nil : images
            }
            var page = DiffPage(report: written, tolerance: tolerance, chapters: chapters, committedName: committedName)
            page.textDiffs = Self.lineDiffs(report, committed: committed, rebuilt: rebuilt, tolerance: tolerance)
            try Data(page.html().utf8).write(to: folder.appendingPathComponent("index.html"))
        } catch {
            throw NotebookError.unwritable(path: folder.path, reason: error.localizedDescription)
        }
        return written
    }

    /// Line diffs of the whole text files (not results JSON) that have text or number
    /// differences, with volatile regions taken out as the comparison does.
    static func lineDiffs(
        _ report: VerificationReport, committed: URL, rebuilt: URL, tolerance: ComparisonTolerance
    ) -> [String: LineDiff] {
        let files = Set(report.differences.filter { [.text, .number].contains($0.kind) }.map(\.file))
            .filter { !$0.lowercased().hasSuffix(".json") && !$0.lowercased().hasSuffix(".png") }
        var diffs: [String: LineDiff] = [:]
        for file in files {
            guard let old = try? String(contentsOf: committed.appendingPathComponent(file), encoding: .utf8),
                let new = try? String(contentsOf: rebuilt.appendingPathComponent(file), encoding: .utf8)
            else { continue }
            let diff = LineDiff(
                old: VolatileContent.strippingRegions(from: old), new: VolatileContent.strippingRegions(from: new), tolerance: tolerance)
            if !diff.hunks.isEmpty { diffs[file] = diff }
        }
        return diffs
    }

    /// Whether a difference is about a figure the page shows (a PNG that differs, is missing or is new).
    static func showsImages(_ difference: ReportDifference) -> Bool {
        guard difference.file.lowercased().hasSuffix(".png") else { return false }
        return [.image, .missingFile, .extraFile].contains(difference.kind) && !(difference.detail ?? "").hasPrefix("… and ")
    }
}

extension VerificationReport {
    /// This report with every image path, relative to `from`, made relative to `to` (e.g. from
    /// the diff page's folder to the folder of the JSON file). Paths are `/`-separated.
    public func rebasingImages(from: URL, to: URL) -> VerificationReport {
        let prefix = RelativePath.from(to, to: from)
        var rebased = self
        for i in rebased.differences.indices {
            rebased.differences[i].images = rebased.differences[i].images?.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
        }
        return rebased
    }
}

/// Relative paths between folders.
enum RelativePath {
    /// The path of folder `target` relative to folder `base` (symbolic links resolved), e.g.
    /// `verify-diff` or `../out/verify-diff`; empty when they are the same.
    static func from(_ base: URL, to target: URL) -> String {
        let a = OutputGuard.resolved(base).pathComponents.filter { $0 != "/" }
        let b = OutputGuard.resolved(target).pathComponents.filter { $0 != "/" }
        var common = 0
        while common < a.count, common < b.count, a[common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...]).joined(separator: "/")
    }
}
