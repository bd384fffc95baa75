import Foundation

/// Computes `transform(0) … transform(count − 1)` on all cores and returns the results in index
/// order, so the output never depends on how the work was scheduled.
func parallelMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(transform) }
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, transform(k)) }
    return slots.values.compactMap { $0 }
}

/// Results written by concurrent workers, one slot each.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: T) {
        lock.lock()
        slots[k] = value
        lock.unlock()
    }
    var values: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
