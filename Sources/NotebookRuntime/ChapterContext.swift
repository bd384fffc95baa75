import Foundation
import NotebookProtocol

/// What a chapter program knows about the chapter it belongs to.
public enum ChapterContext {
    /// The chapter's seed from its front matter (`seed:`), 0 when none is given. Pass it to a
    /// generator explicitly: `var rng = SeededGenerator(seed: ChapterContext.seed)`.
    public static var seed: UInt64 {
        ProcessInfo.processInfo.environment[RuntimeEnvironment.seed].flatMap { UInt64($0) } ?? 0
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
