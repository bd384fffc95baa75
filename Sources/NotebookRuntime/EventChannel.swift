@preconcurrency import Foundation
import NotebookProtocol

#if canImport(Glibc)
    @preconcurrency import Glibc
#endif

/// The connection from a chapter program to the host: the events file and the stdout/stderr
/// markers. One per process.
final class EventChannel: @unchecked Sendable {
    /// The process's channel.
    static let shared = EventChannel()

    private let lock = NSLock()
    private let file: UnsafeMutablePointer<FILE>?
    private var sequence = 0
    private(set) var cell = 0
    private let encoder: JSONEncoder

    private init() {
        if let path = ProcessInfo.processInfo.environment[RuntimeEnvironment.eventsPath] {
            file = fopen(path, "a")
        } else {
            file = nil
        }
        // Line-buffered stdout: printed text reaches the host even if a later statement traps.
        setvbuf(stdout, nil, _IOLBF, 0)
        encoder = JSONCoding.encoder()
    }

    /// Marks the start of block `index` in every stream.
    func beginCell(_ index: Int) {
        lock.lock()
        defer { lock.unlock() }
        if index > 0 { writeLocked(RuntimeEvent(cell: cell, sequence: nextSequence(), payload: .cellFinished)) }
        cell = index
        writeMarker(.cell(index))
        writeLocked(RuntimeEvent(cell: index, sequence: nextSequence(), payload: .cellStarted))
    }

    /// Marks the end of the last block.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        writeLocked(RuntimeEvent(cell: cell, sequence: nextSequence(), payload: .cellFinished))
        fflush(stdout)
        fflush(stderr)
    }

    /// Sends a payload from the current block, with a marker in stdout at this point.
    func send(_ payload: RuntimeEvent.Payload) {
        lock.lock()
        defer { lock.unlock() }
        let n = nextSequence()
        fflush(stdout)
        fputs(StreamMarker.event(n).line + "\n", stdout)
        fflush(stdout)
        writeLocked(RuntimeEvent(cell: cell, sequence: n, payload: payload))
    }

    private func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    private func writeMarker(_ marker: StreamMarker) {
        fflush(stdout)
        fflush(stderr)
        fputs(marker.line + "\n", stdout)
        fputs(marker.line + "\n", stderr)
        fflush(stdout)
        fflush(stderr)
    }

    private func writeLocked(_ event: RuntimeEvent) {
        guard let file else { return }
        do {
            var data = try encoder.encode(event)
            data.append(0x0A)
            _ = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fflush(file)
        } catch {
            fputs("normbook runtime: could not encode an event: \(error)\n", stderr)
        }
    }
}
