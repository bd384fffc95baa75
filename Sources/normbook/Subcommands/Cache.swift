import ArgumentParser
import Foundation
import Notebook

/// `normbook cache`: the result store (stored chapter results and drawn figures).
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or prune the result cache (stored chapter results and drawn figures).",
        discussion: """
            The result cache is --result-cache, else $NORMBOOK_RESULT_CACHE, else normbook.yml's \\
            result-cache, else the cache folder. Only files normbook names as entries \\
            (results/ab/<digest>.json, figures/ab/<digest>.png) are counted or removed.
            """,
        subcommands: [Info.self, Prune.self])

    /// `normbook cache info`.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print where the result cache is, its entries and its size.")

        @OptionGroup var project: ProjectOptions

        func run() throws {
            let options = try reportingNotebookErrors { try project.buildOptions() }
            let info = ResultCacheFolder(folder: options.resultStore).info()
            FileOutput.standardOutput.write("""
                result cache: \(project.shown(options.resultStore))
                entries: \(info.results) chapter \(info.results == 1 ? "result" : "results"), \(info.figures) \(info.figures == 1 ? "figure" : "figures")
                size: \(CacheCommand.size(info.bytes))

                """)
        }
    }

    /// `normbook cache prune`.
    struct Prune: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the least recently used entries beyond a size, and entries older than an age.",
            discussion: """
                Entries not used for --max-age days are removed first, then the least recently \\
                used ones (a build's hit counts as a use) until the rest fit in --max-size. Safe \\
                while builds run: files being written are never touched, and a build that misses \\
                a removed entry runs the chapter again.
                """)

        @OptionGroup var project: ProjectOptions

        @Option(name: .long, help: ArgumentHelp("Keep at most this much, e.g. 500MB or 2GiB (0 empties the cache).", valueName: "SIZE"),
                transform: Prune.size)
        var maxSize: UInt64?

        @Option(name: .long, help: ArgumentHelp("Remove entries not used for this many days (may be fractional).", valueName: "DAYS"))
        var maxAge: Double?

        @Flag(name: .long, help: "Print what would be removed without removing anything.")
        var dryRun = false

        static func size(_ text: String) throws -> UInt64 {
            if text.trimmingCharacters(in: .whitespaces) == "0" { return 0 }
            guard let size = ByteSize(text) else { throw ValidationError("'\(text)' is not a size: expected \(ByteSize.example), or 0") }
            return size.bytes
        }

        func validate() throws {
            if maxSize == nil && maxAge == nil { throw ValidationError("give --max-size, --max-age or both") }
            if let maxAge, !(maxAge >= 0 && maxAge.isFinite) { throw ValidationError("--max-age must be a non-negative number of days") }
        }

        func run() throws {
            let options = try reportingNotebookErrors { try project.buildOptions() }
            let store = ResultCacheFolder(folder: options.resultStore)
            let outcome = store.prune(maxSize: maxSize, maxAge: maxAge.map { $0 * 86_400 }, dryRun: dryRun)
            let verb = dryRun ? "would remove" : "removed"
            var text = outcome.removed.map { "\(verb) \($0.path) (\(CacheCommand.size($0.size)))\n" }.joined()
            text += "result cache \(project.shown(options.resultStore)): \(CacheCommand.size(outcome.bytesBefore)) before, "
                + "\(CacheCommand.size(outcome.bytesAfter)) after\(dryRun ? " (dry run)" : ""); "
                + "\(verb) \(outcome.removed.count) \(outcome.removed.count == 1 ? "entry" : "entries"), \(outcome.entriesLeft) kept\n"
            FileOutput.standardOutput.write(text)
        }
    }

    static func size(_ bytes: UInt64) -> String { bytes == 0 ? "0 bytes" : ByteSize(bytes: bytes).description }
}
