import Foundation

/// What a long-lived process (the live preview, `normbook serve`) keeps from one build of a
/// project to the next, so that a rebuild redoes only the work whose inputs changed: a chapter
/// parsed from the same text, a result decoded from the same bytes, a figure drawn from the same
/// specification, a chapter body rendered from the same result, a page laid out from the same
/// body and navigation.
///
/// Each entry is kept under a name (the chapter's path, the figure's file, the page's name) with
/// the complete inputs it was made from, and reused only when the new inputs are `==` to them —
/// no digest that could collide, and no guess at what matters — so a build with the memo writes
/// exactly the bytes a build without it would. One entry per name: an edited chapter replaces its
/// own entries, so the memo stays the size of one report.
///
/// `normbook build` does not use it: a process that builds once has nothing to reuse.
package final class RebuildMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (inputs: Any, value: Any)] = [:]
    private var hits = 0, misses = 0

    /// An empty memo.
    package init() {}

    /// The value made before under `name` from inputs equal to `inputs`, else `make()` (kept
    /// under `name` when it does not throw).
    func value<Inputs: Equatable, Value>(_ name: String, inputs: Inputs, make: () throws -> Value) rethrows -> Value {
        lock.lock()
        let entry = entries[name]
        lock.unlock()
        if let entry, let known = entry.inputs as? Inputs, known == inputs, let value = entry.value as? Value {
            lock.lock()
            hits += 1
            lock.unlock()
            return value
        }
        let value = try make()
        lock.lock()
        entries[name] = (inputs, value)
        misses += 1
        lock.unlock()
        return value
    }

    /// How many lookups reused a value and how many made one, since the memo was made.
    package var counts: (hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (hits, misses)
    }
}
