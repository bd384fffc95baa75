#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Testing

/// `normbook serve` used as a user would: the real binary on a free port of 127.0.0.1, a page
/// listening for reloads, edits written to the chapter, Ctrl-C at the end.
@Suite(.serialized)
struct ServeEndToEndTests {
    static let chapter = """
        # Small chapter

        The first version of the prose.

        ```swift
        let answer = 21 * 2
        print("the answer is", answer)
        ```

        Prose after the block.
        """

    /// Starts `serve --port 0` and waits for its first build; returns the process and its port.
    func startServe(
        _ project: FixtureProject, token: String, options: [String] = [], environment: [String: String] = [:]
    ) throws -> (CommandLine.Running, Int) {
        let running = try CommandLine.start(
            ["serve", "--port", "0"] + options, in: project.root,
            environment: environment.merging([ProcessTable.tokenVariable: token]) { $1 })
        let deadline = Date().addingTimeInterval(180)
        while Date() < deadline {
            let out = (try? String(contentsOf: running.out, encoding: .utf8)) ?? ""
            if let range = out.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
                out.contains("first build")
            {
                let address = out[range].dropFirst("127.0.0.1:".count).dropLast()
                if let port = Int(address) { return (running, port) }
            }
            if !running.process.isRunning { break }
            usleep(100_000)
        }
        let out = (try? String(contentsOf: running.out, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: running.err, encoding: .utf8)) ?? ""
        throw LoopbackHTTP.Failure(description: "serve did not start: \(out) \(err)")
    }

    @Test func editsReloadThePageErrorsShowAndCtrlCStopsEverything() throws {
        let project = try FixtureProject.make(["01-small.md": Self.chapter])
        let token = UUID().uuidString
        let (running, port) = try startServe(project, token: token)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }

        // The index and the chapter page are served, with the reload script added.
        let index = try LoopbackHTTP.get(port: port, "/")
        #expect(index.status == 200)
        #expect(index.body.contains("01-small.html"))
        #expect(index.body.contains(#"<script src="/_normbook/client.js" defer></script>"#))
        let page = try LoopbackHTTP.get(port: port, "/01-small.html")
        #expect(page.status == 200)
        #expect(page.body.contains("The first version of the prose."))
        #expect(page.body.contains("/_normbook/client.js"))
        #expect(try LoopbackHTTP.get(port: port, "/_normbook/client.js").body.contains("EventSource"))
        for escape in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/../../etc/hostname.html"] {
            let refused = try LoopbackHTTP.get(port: port, escape)
            #expect([400, 404].contains(refused.status), "\(escape): \(refused.status)")
        }
        // The preview renders into the cache, never into the report folder, and its files on
        // disk carry no script.
        #expect(!project.exists("output"))
        let onDisk = try project.read(".normbook-cache/preview/01-small.html")
        #expect(!onDisk.contains("_normbook"))

        let events = try LoopbackHTTP.EventStream(port: port, path: "/_normbook/events")
        #expect(events.next(within: 10) { $0.contains(#""type":"problems""#) } != nil, "no initial state")

        // A prose edit: the page reloads and shows the new text.
        try project.write(Self.chapter.replacingOccurrences(of: "The first version", with: "The second version"), to: "chapters/01-small.md")
        let reload = events.next(within: 30) { $0.contains(#""type":"reload""#) }
        #expect(reload?.contains("01-small.html") == true, "\(reload ?? "no reload")")
        #expect(try LoopbackHTTP.get(port: port, "/01-small.html").body.contains("The second version of the prose."))

        // A compile error: the overlay's payload names the place; the last good page stays.
        let broken = Self.chapter.replacingOccurrences(of: "The first version", with: "The second version")
            .replacingOccurrences(of: "21 * 2", with: "21 * missingValue")
        try project.write(broken, to: "chapters/01-small.md")
        let problem = events.next(within: 120) { $0.contains(#""type":"problems""#) && !$0.contains(#""problems":[]"#) }
        #expect(problem?.contains(#""location":"chapters/01-small.md:6:19""#) == true, "\(problem ?? "no problem reported")")
        #expect(problem?.contains("missingValue") == true)
        #expect(problem?.contains(#""caret":"                  ^""#) == true, "\(problem ?? "")")
        #expect(try LoopbackHTTP.get(port: port, "/01-small.html").body.contains("The second version of the prose."))
        let stderr = try String(contentsOf: running.err, encoding: .utf8)
        #expect(stderr.contains("chapters/01-small.md:6:19: error:"), "\(stderr)")

        // Fixed: the overlay is cleared and the page reloads with the new result.
        try project.write(broken.replacingOccurrences(of: "21 * missingValue", with: "21 * 3"), to: "chapters/01-small.md")
        let cleared = events.next(within: 120) { $0 == #"{"problems":[],"type":"problems"}"# }
        #expect(cleared != nil, "the error was not cleared")
        #expect(try LoopbackHTTP.get(port: port, "/01-small.html").body.contains("63"))

        // A bad option in normbook.yml shows the same way, at its place in the file.
        try project.write("title: Served\nseeed: 3\n", to: "normbook.yml")
        let option = events.next(within: 60) { $0.contains(#""type":"problems""#) && !$0.contains(#""problems":[]"#) }
        #expect(option?.contains(#""location":"normbook.yml:2:1""#) == true, "\(option ?? "no problem reported")")
        try project.write("title: Served\nseed: 3\n", to: "normbook.yml")
        #expect(events.next(within: 120) { $0 == #"{"problems":[],"type":"problems"}"# } != nil, "the option error was not cleared")

        // Ctrl-C: exit 0 within 2 s, nothing left running.
        let stopAt = Date()
        kill(running.process.processIdentifier, SIGINT)
        let stopped = ProcessTable.wait(token: token, seconds: 2) { $0.isEmpty }
        #expect(stopped, "left running: \(ProcessTable.live(withToken: token).map(\.command))")
        let result = try running.wait()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(stopAt) < 2.5)
        #expect(!project.exists("output"))
    }

    /// `--open` hands the address to xdg-open (here with `BROWSER` naming a script that notes
    /// what it was asked to open); with no browser to be found it says to open it by hand.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xdg-open"), "xdg-open (xdg-utils) is not installed"))
    func openHandsTheAddressToTheBrowserOrSaysItCannot() throws {
        let project = try FixtureProject.make(["01-small.md": Self.chapter])
        let opened = project.root.deletingLastPathComponent().appendingPathComponent("opened-\(UUID().uuidString)")
        let browser = project.root.deletingLastPathComponent().appendingPathComponent("browser-\(UUID().uuidString)")
        defer { for file in [opened, browser] { try? FileManager.default.removeItem(at: file) } }
        try "#!/bin/sh\necho \"$1\" > '\(opened.path)'\n".write(to: browser, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: browser.path)

        let token = UUID().uuidString
        let (running, port) = try startServe(
            project, token: token, options: ["--open"], environment: ["BROWSER": browser.path, "DISPLAY": "", "XDG_CURRENT_DESKTOP": ""])
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: opened.path) && Date() < deadline { usleep(50_000) }
        #expect(try String(contentsOf: opened, encoding: .utf8) == "http://127.0.0.1:\(port)/\n")
        kill(running.process.processIdentifier, SIGINT)
        #expect(try running.wait().status == 0)

        // No browser at all: the preview runs on and says what to do.
        let (second, secondPort) = try startServe(
            project, token: token, options: ["--open"],
            environment: ["BROWSER": "/nonexistent/browser", "DISPLAY": "", "XDG_CURRENT_DESKTOP": "", "PATH": "/usr/bin:/bin"])
        let message = "open http://127.0.0.1:\(secondPort)/ yourself"
        let until = Date().addingTimeInterval(10)
        while !((try? String(contentsOf: second.err, encoding: .utf8)) ?? "").contains(message) && Date() < until { usleep(50_000) }
        #expect(try String(contentsOf: second.err, encoding: .utf8).contains("could not open a browser (xdg-open found no browser"))
        #expect(try LoopbackHTTP.get(port: secondPort, "/").status == 200)
        kill(second.process.processIdentifier, SIGINT)
        #expect(try second.wait().status == 0)
    }

    @Test func aChapterMadeStaleByANewerEditIsStoppedAndTheNewerOneBuilt() throws {
        let project = try FixtureProject.make(["01-small.md": Self.chapter])
        let token = UUID().uuidString
        let (running, port) = try startServe(project, token: token)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        let events = try LoopbackHTTP.EventStream(port: port, path: "/_normbook/events")

        try project.write(Self.chapter.replacingOccurrences(of: "let answer = 21 * 2", with: "var spin = 0\nwhile true { spin &+= 1 }\nlet answer = spin"), to: "chapters/01-small.md")
        let spinning = ProcessTable.wait(token: token, seconds: 120) { processes in
            processes.contains { $0.command.contains(".normbook-cache/work/01-small/chapter") && !$0.command.contains("bwrap") }
        }
        #expect(spinning, "the endless version never started")
        try project.write(Self.chapter.replacingOccurrences(of: "21 * 2", with: "21 * 4"), to: "chapters/01-small.md")
        let reload = events.next(within: 120) { $0.contains(#""type":"reload""#) }
        #expect(reload?.contains("01-small.html") == true, "\(reload ?? "no reload")")
        #expect(try LoopbackHTTP.get(port: port, "/01-small.html").body.contains("84"))
        let out = try String(contentsOf: running.out, encoding: .utf8)
        #expect(out.contains("stopped, a newer edit came"), "\(out)")
        // The endless program is gone long before its timeout.
        #expect(!ProcessTable.live(withToken: token).contains { $0.command.contains("work/01-small/chapter") })

        kill(running.process.processIdentifier, SIGTERM)
        #expect(try running.wait().status == 0)
        #expect(ProcessTable.wait(token: token, seconds: 2) { $0.isEmpty })
    }

    @Test func aBuildOfTheProjectAlongsideThePreviewWritesTheReportAndThePreviewLeavesItAlone() throws {
        let project = try FixtureProject.make(["01-small.md": Self.chapter])
        let token = UUID().uuidString
        let (running, port) = try startServe(project, token: token)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        // The preview's stored result is the build's cache: nothing is compiled again.
        let build = try CommandLine.run(["build"], in: project.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("stored result, up to date"), "\(build.stdout)")
        let report = try project.read("output/01-small.html")
        #expect(!report.contains("_normbook"))
        // An edit rebuilds the preview only; the report stays as built.
        let events = try LoopbackHTTP.EventStream(port: port, path: "/_normbook/events")
        try project.write(Self.chapter.replacingOccurrences(of: "The first version", with: "A previewed version"), to: "chapters/01-small.md")
        #expect(events.next(within: 60) { $0.contains(#""type":"reload""#) } != nil)
        #expect(try project.read("output/01-small.html") == report)
        kill(running.process.processIdentifier, SIGINT)
        #expect(try running.wait().status == 0)
    }
}
