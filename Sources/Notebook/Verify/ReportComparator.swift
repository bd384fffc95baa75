import Foundation

/// Compares a rebuilt report folder with the committed one, with tolerance.
///
/// Files are matched by their path relative to the folder (dotfiles and dot-folders ignored).
/// Files under `assets/` are compared for presence only (they are copied from system packages);
/// `*.json` is compared value by value, `*.png` pixel by pixel, and every other file as text,
/// line by line, with the numbers in each line compared within the tolerance.
struct ReportComparator: Sendable {
    /// How far numbers and pixels may drift.
    var tolerance: ComparisonTolerance
    /// At most this many differences are listed per file, then one "… and N more".
    var differencesPerFile: Int

    /// Creates a comparator.
    /// Further files compared for presence only (the figures of volatile blocks).
    var presenceOnly: Set<String> = []

    init(tolerance: ComparisonTolerance = ComparisonTolerance(), differencesPerFile: Int = 20) {
        self.tolerance = tolerance
        self.differencesPerFile = max(1, differencesPerFile)
    }

    /// Lists every difference between the committed report in `expected` and the rebuilt one
    /// in `actual`, file by file in path order; an empty list means they match.
    ///
    /// When `differenceImages` is given, each failing PNG gets a difference image there, at the
    /// same relative path (changed pixels red, unchanged ones faded), named by its difference's
    /// `images.difference` (relative to `differenceImages`).
    /// - Throws: when either folder does not exist or cannot be listed.
    func compare(expected: URL, actual: URL, differenceImages: URL? = nil) throws -> [ReportDifference] {
        let expectedFiles = try relativeFiles(in: expected)
        let actualFiles = try relativeFiles(in: actual)
        let actualSet = Set(actualFiles), expectedSet = Set(expectedFiles)
        var differences: [ReportDifference] = []
        for path in Set(expectedFiles).union(actualFiles).sorted() {
            switch (expectedSet.contains(path), actualSet.contains(path)) {
            case (true, false):
                differences.append(ReportDifference(kind: .missingFile, file: path, expected: "present", actual: "missing"))
            case (false, true):
                differences.append(ReportDifference(kind: .extraFile, file: path, expected: "absent", actual: "present"))
            default:
                if isPresenceOnly(path) { continue }
                differences += compareFile(
                    path, expected: expected.appendingPathComponent(path), actual: actual.appendingPathComponent(path),
                    differenceImages: differenceImages)
            }
        }
        return differences
    }

    /// The files in `folder`, as sorted paths relative to it; dotfiles and dot-folders are skipped.
    /// - Throws: when `folder` is not a readable folder.
    func relativeFiles(in folder: URL) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [
                NSFilePathErrorKey: folder.path,
                NSLocalizedDescriptionKey: "The report folder \(folder.path) does not exist or is not a folder.",
            ])
        }
        var files: [String] = []
        func walk(_ directory: String, prefix: String) throws {
            for name in try manager.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
                let full = directory + "/" + name
                var childIsDirectory: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &childIsDirectory) else { continue }
                if childIsDirectory.boolValue {
                    try walk(full, prefix: prefix + name + "/")
                } else {
                    files.append(prefix + name)
                }
            }
        }
        try walk(folder.path, prefix: "")
        return files.sorted()
    }

    /// Whether two numbers are equal within `tolerance` (see ``ComparisonTolerance``).
    static func numbersMatch(_ a: Double, _ b: Double, tolerance: ComparisonTolerance = ComparisonTolerance()) -> Bool {
        tolerance.matches(a, b)
    }

    /// Whether two texts are equal line by line, with the numbers in each line compared within
    /// `tolerance` and everything else exactly (line endings `\r\n` count as `\n`).
    static func textMatches(_ a: String, _ b: String, tolerance: ComparisonTolerance = ComparisonTolerance()) -> Bool {
        if a == b { return true }
        var collector = Collector(file: "", limit: 1)
        compareText(a, b, location: "", tolerance: tolerance, into: &collector)
        return collector.isEmpty
    }

    /// Files compared for presence only: assets, and the figures of volatile blocks.
    func isPresenceOnly(_ path: String) -> Bool { path.hasPrefix("assets/") || presenceOnly.contains(path) }

    /// Compares one file present on both sides.
    func compareFile(_ path: String, expected: URL, actual: URL, differenceImages: URL?) -> [ReportDifference] {
        let expectedData: Data, actualData: Data
        do {
            expectedData = try Data(contentsOf: expected)
            actualData = try Data(contentsOf: actual)
        } catch {
            return [ReportDifference(kind: .unreadable, file: path, detail: "\(error.localizedDescription)")]
        }
        if expectedData == actualData { return [] }
        var collector = Collector(file: path, limit: differencesPerFile)
        switch (path as NSString).pathExtension.lowercased() {
        case "json":
            compareJSON(expectedData, actualData, into: &collector)
        case "png":
            compareImages(expectedData, actualData, path: path, differenceImages: differenceImages, into: &collector)
        default:
            compareTextFile(expectedData, actualData, into: &collector)
        }
        return collector.differences
    }

    /// Compares two files as text; binary files that are not UTF-8 must be identical.
    func compareTextFile(_ expected: Data, _ actual: Data, into collector: inout Collector) {
        guard let a = String(data: expected, encoding: .utf8), let b = String(data: actual, encoding: .utf8) else {
            let firstDifference = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expected.count, actual.count)
            collector.add(kind: .structure, location: "byte \(firstDifference)",
                          expected: "\(expected.count) bytes", actual: "\(actual.count) bytes",
                          detail: "binary files differ")
            return
        }
        Self.compareText(
            VolatileContent.strippingRegions(from: a), VolatileContent.strippingRegions(from: b), location: "",
            tolerance: tolerance, into: &collector)
    }
}

extension ReportComparator {
    /// Gathers the differences of one file, keeping the first `limit` and counting the rest.
    struct Collector {
        /// The file's relative path.
        let file: String
        /// How many differences are kept.
        let limit: Int
        /// The differences kept.
        private(set) var kept: [ReportDifference] = []
        /// How many more were found.
        private(set) var dropped = 0
        /// The kind of the first dropped difference.
        private var droppedKind: ReportDifference.Kind = .structure

        init(file: String, limit: Int) {
            self.file = file
            self.limit = limit
        }

        /// Whether nothing was found.
        var isEmpty: Bool { kept.isEmpty && dropped == 0 }
        /// Whether further differences would only be counted.
        var isFull: Bool { kept.count >= limit }

        /// Records a difference.
        mutating func add(
            kind: ReportDifference.Kind, location: String, expected: String, actual: String, detail: String?,
            images: ReportDifference.Images? = nil
        ) {
            if kept.count < limit {
                kept.append(ReportDifference(
                    kind: kind, file: file, location: location,
                    expected: ReportComparator.shortened(expected), actual: ReportComparator.shortened(actual), detail: detail,
                    images: images))
            } else {
                if dropped == 0 { droppedKind = kind }
                dropped += 1
            }
        }

        /// The kept differences, then one "… and N more" when some were dropped.
        var differences: [ReportDifference] {
            guard dropped > 0 else { return kept }
            let noun = dropped == 1 ? "difference" : "differences"
            return kept + [ReportDifference(kind: droppedKind, file: file, detail: "… and \(dropped) more \(noun)")]
        }
    }

    /// At most `limit` characters of `text`, on one line.
    static func shortened(_ text: String, limit: Int = 120) -> String {
        var flat = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: " ")
        if flat.count > limit {
            flat = String(flat.prefix(limit - 1)) + "…"
        }
        return flat
    }
}
