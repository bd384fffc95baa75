/// Everything that can stop a build before any chapter runs, or a chapter before it runs,
/// with a message that says what is wrong, where, and what to do.
public enum NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chapters folder does not exist.
    case chaptersFolderMissing(path: String)
    /// The chapters folder holds no `*.md` file.
    case noChapters(path: String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A file or folder could not be written.
    case unwritable(path: String, reason: String)
    /// The Swift compiler was not found.
    case compilerNotFound
    /// The compiled engine and runtime (the chapter kit) were not found.
    case chapterKitNotFound(searched: [String])
    /// A stored result could not be decoded.
    case invalidResults(path: String, reason: String)
    /// A chapter has errors in its source (front matter, block options).
    case invalidChapter([Diagnostic])
    /// A place normbook would write must not be written or replaced (it is not normbook's, or it
    /// holds the project): the report folder, or `what` names another (the result cache, the diff
    /// page).
    case refusedOutput(path: String, reason: String, hint: String, what: String = "the report")
    /// Another build of the same project is running and the build was told not to wait.
    case projectBusy(holder: Int32?, lockFile: String)
    /// The sandbox was asked for and cannot be had.
    case sandboxUnavailable(reason: String)
    /// The build was interrupted (SIGINT or SIGTERM).
    case interrupted
    /// `init` would overwrite these files.
    case wouldOverwrite(paths: [String])
    /// Shard outputs (or shard verification reports) that cannot be merged: each problem names
    /// the shard folder or file and the chapter concerned.
    case incompatibleShards(problems: [String], hint: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .chaptersFolderMissing(let path):
            return "error: the chapters folder '\(path)' does not exist\n  hint: run from the project root or pass --chapters DIR"
        case .noChapters(let path):
            return "error: '\(path)' holds no chapter (*.md)\n  hint: add a Markdown file such as \(path)/01-intro.md"
        case .unreadable(let path, let reason):
            return "error: cannot read '\(path)': \(reason)"
        case .unwritable(let path, let reason):
            return "error: cannot write '\(path)': \(reason)\n  hint: check that the folder exists and is writable"
        case .compilerNotFound:
            return "error: swiftc was not found on PATH\n  hint: install Swift 6.3 and put its bin folder on PATH, or set SWIFTC to the compiler's path; --frozen renders stored results without compiling"
        case .chapterKitNotFound(let searched):
            return "error: the compiled engine (libNormbookChapterKit.so and Modules/) was not found in: \(searched.joined(separator: ", "))\n  hint: build it with `swift build -c release` (the README's first command does), or set NORMBOOK_KIT_DIR"
        case .invalidResults(let path, let reason):
            return "error: the stored result '\(path)' is not valid: \(reason)\n  hint: rebuild without --frozen to regenerate it"
        case .invalidChapter(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .refusedOutput(let path, let reason, let hint, let what):
            return "error: refusing to write \(what) into '\(path)': \(reason)\n  hint: \(hint)"
        case .projectBusy(let holder, let lockFile):
            let who = holder.map { "normbook (pid \($0))" } ?? "another normbook"
            return "error: \(who) is building this project (it holds \(lockFile))\n  hint: wait for it to finish, or run without --no-wait to wait for it"
        case .sandboxUnavailable(let reason):
            return "error: chapters run in a sandbox by default, and \(reason)\n  hint: install bubblewrap (Debian: apt-get install bubblewrap; scripts/install-system-deps does), or pass --no-sandbox to run chapters without it (they can then write anywhere you can and use the network)"
        case .interrupted:
            return "interrupted; previous report kept"
        case .wouldOverwrite(let paths):
            return "error: normbook init would overwrite \(paths.joined(separator: ", ")); nothing was written\n  hint: run it in a new or empty folder, or move those files away"
        case .incompatibleShards(let problems, let hint):
            return "error: cannot merge the shards; nothing was written:\n" + problems.map { "  - \($0)\n" }.joined() + "  hint: \(hint)"
        }
    }
}
