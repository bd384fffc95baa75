import Foundation

/// One part of a build split across machines: shard `index` (from 1) of `count`
/// (`normbook build --shard I/N`). Each shard runs only its chapters and writes their results
/// and figures; `normbook merge` assembles the shards' folders into the report.
public struct Shard: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The shard's number, from 1 to `count`.
    public let index: Int
    /// How many shards the build is split into.
    public let count: Int

    /// A shard; throws `Shard.ParseError` unless `1 ≤ index ≤ count`.
    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw ParseError(text: "\(index)/\(count)", reason: "the number of shards must be at least 1") }
        guard (1...count).contains(index) else {
            throw ParseError(text: "\(index)/\(count)", reason: "shards are numbered from 1 to \(count)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`, e.g. `2/3`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
            let count = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { throw ParseError(text: text, reason: "expected I/N, the shard's number and the number of shards, e.g. 1/3") }
        try self.init(index: index, count: count)
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// A name for files of this shard: `shard-I-of-N`.
    var fileName: String { "shard-\(index)-of-\(count)" }

    /// A `--shard` value that is not `I/N` with `1 ≤ I ≤ N`.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        /// What was given.
        public var text: String
        /// What is wrong with it.
        public var reason: String
        public var description: String { "'\(text)' is not a shard: \(reason)" }
    }

    private enum CodingKeys: String, CodingKey { case index, count }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        do {
            try self.init(index: c.decode(Int.self, forKey: .index), count: c.decode(Int.self, forKey: .count))
        } catch let error as ParseError {
            throw DecodingError.dataCorruptedError(forKey: .index, in: c, debugDescription: error.description)
        }
    }
}

/// Which chapters each shard runs. The rule, which every machine applies to the same files and
/// so gets the same answer:
///
/// - A chapter weighs its previous build time (`buildSeconds` in the committed report's
///   `_results/<slug>.json`). A chapter without a recorded time weighs the mean of the recorded
///   ones; when no chapter has one, every chapter weighs 1.
/// - Chapters are taken heaviest first (equal weights in name order), and each goes to the
///   shard with the least weight so far (equal loads: the lowest shard number) — the
///   longest-processing-time-first greedy rule. With equal weights this deals chapters out in
///   name order: 1, 2, …, N, 1, 2, …
/// - A shard's chapters are built and listed in name order.
///
/// The times come only from files every CI machine has (the committed report), never from a
/// machine's own cache, so that all shards of a build agree on the split.
enum ShardAssignment {
    /// The chapters of each shard (`result[i]` for shard `i + 1`), each list in name order.
    ///
    /// - Parameters:
    ///   - chapters: the chapters' names (e.g. slugs), in any order; duplicates are ignored.
    ///   - count: how many shards.
    ///   - times: previous build times in seconds, by chapter name (missing or non-finite
    ///     entries count as unknown).
    static func assign(_ chapters: [String], count: Int, times: [String: Double]) -> [[String]] {
        let names = Array(Set(chapters)).sorted()
        guard count >= 1 else { return [] }
        let known = names.compactMap { name in times[name].flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } }
        let fallback = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
        let weights = names.map { name -> (String, Double) in
            guard !known.isEmpty, let time = times[name], time.isFinite, time >= 0 else { return (name, fallback) }
            return (name, time)
        }
        let order = weights.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        var loads = Array(repeating: 0.0, count: count)
        var shards = Array(repeating: [String](), count: count)
        for (name, weight) in order {
            var lightest = 0
            for i in 1..<count where loads[i] < loads[lightest] { lightest = i }
            loads[lightest] += weight
            shards[lightest].append(name)
        }
        return shards.map { $0.sorted() }
    }

    /// The previous build times recorded in a report folder's `_results/*.json`, by slug.
    static func times(inReport folder: URL) -> [String: Double] {
        // Only the two fields are decoded: the rest of a result is not needed here.
        struct Timing: Decodable { var slug: String; var buildSeconds: Double? }
        let results = folder.appendingPathComponent(ResultsStore.folderName)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        var times: [String: Double] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: results.appendingPathComponent(name).path),
                let timing = try? JSONDecoder().decode(Timing.self, from: data), let seconds = timing.buildSeconds
            else { continue }
            times[timing.slug] = seconds
        }
        return times
    }
}
