import Foundation

/// One way in which a rebuilt report differs from the committed one.
public struct ReportDifference: Sendable, Codable, Equatable, CustomStringConvertible {
    /// What kind of difference it is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The committed report has the file; the rebuild did not produce it.
        case missingFile
        /// The rebuild produced a file the committed report does not have.
        case extraFile
        /// A number differs beyond the tolerance.
        case number
        /// Text (other than numbers) differs.
        case text
        /// The shape differs: JSON types, keys or array lengths, line counts, binary contents.
        case structure
        /// An image differs in size or beyond the pixel tolerance.
        case image
        /// A file could not be read or parsed.
        case unreadable
    }

    /// What kind of difference it is.
    public var kind: Kind
    /// The file's path relative to the report folder, e.g. `_results/01-norms.json`.
    public var file: String
    /// Where in the file: a JSON path such as `segments[3].block(line 41).outputs[0].text`,
    /// a line such as `line 12`, or an image's pixel size; empty for whole files.
    public var location: String
    /// The committed value, shortened.
    public var expected: String
    /// The rebuilt value, shortened.
    public var actual: String
    /// Why they do not match, e.g. "relative difference 3.2e-4 > 1e-6".
    public var detail: String?
    /// For an image: where its committed, rebuilt and difference images were kept.
    public var images: Images?

    /// The images of a differing figure, as relative paths (`/`-separated): in a verification's
    /// JSON, relative to the JSON file's folder; on the diff page, relative to the page.
    public struct Images: Sendable, Codable, Equatable {
        /// The committed figure.
        public var expected: String?
        /// The rebuilt figure.
        public var actual: String?
        /// Changed pixels red, unchanged ones faded (only when both exist).
        public var difference: String?

        /// Creates the paths.
        public init(expected: String? = nil, actual: String? = nil, difference: String? = nil) {
            self.expected = expected
            self.actual = actual
            self.difference = difference
        }

        /// Every path given, committed first.
        public var all: [String] { [expected, actual, difference].compactMap { $0 } }

        /// These paths with `transform` applied to each.
        public func map(_ transform: (String) -> String) -> Images {
            Images(expected: expected.map(transform), actual: actual.map(transform), difference: difference.map(transform))
        }
    }

    /// Creates a difference.
    public init(
        kind: Kind, file: String, location: String = "", expected: String = "", actual: String = "", detail: String? = nil,
        images: Images? = nil
    ) {
        self.kind = kind
        self.file = file
        self.location = location
        self.expected = expected
        self.actual = actual
        self.detail = detail
        self.images = images
    }

    /// One readable line, e.g.
    /// `_results/01-norms.json: segments[3].block(line 41).outputs[0].text: expected 0.25, got 0.2503 (relative difference 1.2e-3 > 1e-6)`.
    public var description: String { described(under: nil) }

    /// The readable line with the file shown under `folder`, e.g. `output/_results/01-norms.json: …`.
    public func described(under folder: String?) -> String {
        var line = folder.map { $0.hasSuffix("/") ? $0 + file : $0 + "/" + file } ?? file
        if !location.isEmpty { line += ": " + location }
        switch kind {
        case .missingFile:
            line += ": missing from the rebuilt report"
        case .extraFile:
            line += ": not in the committed report"
        case .unreadable:
            line += ": could not be read" + (detail.map { " (\($0))" } ?? "")
        case .number, .text, .structure, .image:
            if expected.isEmpty && actual.isEmpty {
                line += ": " + (detail ?? "differs")
            } else {
                line += ": expected \(expected), got \(actual)" + (detail.map { " (\($0))" } ?? "")
            }
        }
        return line
    }
}

extension ReportDifference {
    private enum CodingKeys: String, CodingKey {
        case kind, file, location, expected, actual, detail, description, images
    }

    /// Decodes a difference (the redundant `description` field is ignored).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try c.decode(Kind.self, forKey: .kind),
            file: try c.decode(String.self, forKey: .file),
            location: try c.decodeIfPresent(String.self, forKey: .location) ?? "",
            expected: try c.decodeIfPresent(String.self, forKey: .expected) ?? "",
            actual: try c.decodeIfPresent(String.self, forKey: .actual) ?? "",
            detail: try c.decodeIfPresent(String.self, forKey: .detail),
            images: try c.decodeIfPresent(Images.self, forKey: .images))
    }

    /// Encodes the fields and, for readers of the JSON, the readable `description` line.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(file, forKey: .file)
        try c.encode(location, forKey: .location)
        try c.encode(expected, forKey: .expected)
        try c.encode(actual, forKey: .actual)
        try c.encodeIfPresent(detail, forKey: .detail)
        try c.encodeIfPresent(images, forKey: .images)
        try c.encode(description, forKey: .description)
    }
}
