import Foundation

/// The pages listening for rebuilds: every open page holds one server-sent event stream. A new
/// listener first gets the current errors, so a page opened while a chapter is broken shows the
/// overlay at once.
final class PreviewHub: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var currentProblems: [PreviewProblem] = []

    /// How many pages listen now.
    var listenerCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return listeners.count
    }

    /// The errors pages show now.
    var problems: [PreviewProblem] {
        lock.lock()
        defer { lock.unlock() }
        return currentProblems
    }

    /// A new stream of events (in the server-sent event wire format).
    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        lock.lock()
        listeners[id] = continuation
        // A comment line first: the browser's EventSource reports the stream open.
        continuation.yield(": normbook preview\n\n")
        continuation.yield(PreviewEvent.problems(currentProblems).serverSentEvent)
        lock.unlock()
        return stream
    }

    /// Sends `event` to every listener.
    func publish(_ event: PreviewEvent) {
        let text = event.serverSentEvent
        lock.lock()
        if case .problems(let problems) = event { currentProblems = problems }
        for continuation in listeners.values { continuation.yield(text) }
        lock.unlock()
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        lock.lock()
        let all = Array(listeners.values)
        listeners.removeAll()
        lock.unlock()
        for continuation in all { continuation.finish() }
    }

    private func remove(_ id: UUID) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }
}
