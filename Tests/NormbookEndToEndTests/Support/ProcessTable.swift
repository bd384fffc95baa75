#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation

/// The processes of this machine, read from /proc: used to check that nothing a build started
/// outlives it. Processes are recognised by a token in their environment, which every child of
/// normbook (compiler, bubblewrap, chapter program) inherits.
enum ProcessTable {
    static let tokenVariable = "NORMBOOK_TEST_TOKEN"

    /// Live (not zombie) processes whose environment holds the token, with their command line.
    static func live(withToken token: String) -> [(pid: Int32, command: String)] {
        let needle = Data("\(tokenVariable)=\(token)\u{0}".utf8)
        var found: [(Int32, String)] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name), pid != getpid() else { continue }
            guard let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            if state == "Z" || state == "X" { continue }
            guard let environ = FileManager.default.contents(atPath: "/proc/\(name)/environ"), environ.range(of: needle) != nil
            else { continue }
            let cmdline = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") ?? Data()
            found.append((pid, String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)))
        }
        return found
    }

    /// Waits until `condition` holds for the processes with the token, or `seconds` pass.
    static func wait(token: String, seconds: Double, until condition: ([(pid: Int32, command: String)]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(live(withToken: token)) { return true }
            usleep(50_000)
        }
        return condition(live(withToken: token))
    }
}
