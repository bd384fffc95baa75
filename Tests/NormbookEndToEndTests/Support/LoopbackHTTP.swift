#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// A minimal HTTP/1.1 client over a loopback socket, for the preview server's tests: plain GETs
/// and a server-sent event stream read line by line. (Foundation's URLSession on Linux cannot
/// hand a streamed body over as it arrives.)
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, path: String) {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// GETs `path`: the status code and the body (the server closes the connection).
    static func get(port: Int, _ path: String) throws -> (status: Int, body: String) {
        let fd = try connect(port: port)
        defer { close(fd) }
        send(fd, path: path)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { throw Failure(description: "no HTTP response for \(path)") }
        let statusLine = text[..<headEnd.lowerBound].split(separator: "\r\n").first ?? ""
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var body = String(text[headEnd.upperBound...])
        if text[..<headEnd.lowerBound].lowercased().contains("transfer-encoding: chunked") { body = dechunk(body) }
        return (status, body)
    }

    /// Undoes chunked transfer encoding (sizes in hex on their own lines).
    static func dechunk(_ text: String) -> String {
        var rest = Substring(text), out = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }

    /// A server-sent event stream: every `data:` line, collected by a background thread.
    final class EventStream: @unchecked Sendable {
        private let fd: Int32
        private let lock = NSLock()
        private var events: [String] = []
        private var consumed = 0

        init(port: Int, path: String) throws {
            fd = try LoopbackHTTP.connect(port: port)
            LoopbackHTTP.send(fd, path: path)
            let thread = Thread { [self] in readLoop() }
            thread.start()
        }

        deinit { close(fd) }

        private func readLoop() {
            var pending = ""
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { return }
                pending += String(decoding: buffer[0..<n], as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    let line = pending[..<newline].trimmingCharacters(in: .whitespacesAndNewlines)
                    pending = String(pending[pending.index(after: newline)...])
                    if let data = line.range(of: "data: ") {
                        lock.lock()
                        events.append(String(line[data.upperBound...]))
                        lock.unlock()
                    }
                }
            }
        }

        /// The next event (after those already returned) for which `matches` holds, waiting up
        /// to `seconds`; the events before it are skipped.
        func next(within seconds: Double, where matches: (String) -> Bool) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                lock.lock()
                while consumed < events.count {
                    let event = events[consumed]
                    consumed += 1
                    if matches(event) {
                        lock.unlock()
                        return event
                    }
                }
                lock.unlock()
                usleep(20_000)
            }
            return nil
        }
    }
}
