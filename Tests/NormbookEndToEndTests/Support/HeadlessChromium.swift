#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// Debian's Chromium driven over the DevTools protocol (`--remote-debugging-pipe`: JSON messages
/// ended by NUL on file descriptors 3 and 4), so one browser loads many pages and reports every
/// console message, uncaught exception, log entry and failed request.
///
/// Hand-written because no Swift DevTools client is in the offline package set and the part of
/// the protocol a page check needs is a handful of commands.
final class HeadlessChromium {
    /// Chromium's path, or nil when it is not installed.
    static let executable: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    private let process: Process
    private let folder: URL
    private let input: FileHandle  // to the browser (its fd 3)
    private let output: Int32  // from the browser (its fd 4)
    private var buffer = Data()
    private var nextID = 1
    private var session: String?
    /// Every event received so far, in order.
    private(set) var events: [[String: Any]] = []

    init() throws {
        guard let executable = Self.executable else { throw ProtocolError(description: "Chromium is not installed") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("normbook-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let toBrowser = folder.appendingPathComponent("in").path, fromBrowser = folder.appendingPathComponent("out").path
        guard mkfifo(toBrowser, 0o600) == 0, mkfifo(fromBrowser, 0o600) == 0 else {
            throw ProtocolError(description: "mkfifo failed: \(String(cString: strerror(errno)))")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell opens the FIFOs as fds 3 and 4 in the same order as this process does below.
        process.arguments = [
            "-c", #"exec "$0" "$@" 3<"$NORMBOOK_CDP_IN" 4>"$NORMBOOK_CDP_OUT""#, executable,
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "about:blank",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["NORMBOOK_CDP_IN"] = toBrowser
        environment["NORMBOOK_CDP_OUT"] = fromBrowser
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard let handle = FileHandle(forWritingAtPath: toBrowser) else {
            throw ProtocolError(description: "cannot open the pipe to Chromium")
        }
        input = handle
        output = open(fromBrowser, O_RDONLY)
        guard output >= 0 else { throw ProtocolError(description: "cannot open the pipe from Chromium") }

        let target = try send("Target.createTarget", ["url": "about:blank"], inSession: false)
        guard let targetID = target["targetId"] as? String else { throw ProtocolError(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], inSession: false)
        session = attached["sessionId"] as? String
        for domain in ["Page", "Runtime", "Log", "Network"] { _ = try send("\(domain).enable") }
    }

    deinit { close() }

    /// Closes the browser (and kills it if it does not go).
    func close() {
        guard !closed else { return }
        closed = true
        if process.isRunning {
            _ = try? send("Browser.close", inSession: false, timeout: 5)
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        try? input.close()
        Glibc.close(output)
        try? FileManager.default.removeItem(at: folder)
    }
    private var closed = false

    /// Sends a command and waits for its result; events that arrive meanwhile are kept.
    @discardableResult
    func send(
        _ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: TimeInterval = 20
    ) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if inSession, let session { message["sessionId"] = session }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try input.write(contentsOf: data)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try receive(until: deadline, waitingFor: method)
            if reply["id"] as? Int == id {
                if let error = reply["error"] { throw ProtocolError(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            if reply["method"] != nil { events.append(reply) }
        }
    }

    /// Waits for an event named `method` that arrives after `count` events were received.
    func waitForEvent(_ method: String, after count: Int, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !events.dropFirst(count).contains(where: { $0["method"] as? String == method }) {
            let message = try receive(until: deadline, waitingFor: method)
            if message["method"] != nil { events.append(message) }
        }
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its JSON value.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "awaitPromise": true, "returnByValue": true])
        if let exception = result["exceptionDetails"] { throw ProtocolError(description: "evaluation failed: \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    private func receive(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[buffer.index(after: end)...])
                guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                return object
            }
            let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            guard left > 0 else { throw ProtocolError(description: "Chromium did not answer \(what) in time") }
            var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, left) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            guard n > 0 else { throw ProtocolError(description: "Chromium closed the pipe while waiting for \(what)") }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }
}
