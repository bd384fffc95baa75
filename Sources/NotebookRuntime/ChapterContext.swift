import Foundation
import NotebookProtocol

/// What a chapter program knows about the chapter it belongs to.
public enum ChapterContext {
    /// The chapter's seed from its front matter (`seed:`), 0 when none is given. Pass it to a
    /// generator explicitly: `var rng = SeededGenerator(seed: ChapterContext.seed)`.
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment[RuntimeEnvironment.seed].flatMap { UInt64($0) } ?? 0
    }

    /// A folder the chapter may write files into (emptied before each run). In the sandbox it
    /// is the only writable place besides a private `/tmp`; the project itself is read-only.
    public static var scratch: URL {
        let path = ProcessInfo.processInfo.environment[RuntimeEnvironment.scratch] ?? FileManager.default.temporaryDirectory.path
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}

/// Called by generated code before block `index`. Not for chapter authors.
public func _normbookBeginCell(_ index: Int) {
    EventChannel.shared.beginCell(index)
}

/// Called by generated code after the last block. Not for chapter authors.
public func _normbookFinish() {
    EventChannel.shared.finish()
}
