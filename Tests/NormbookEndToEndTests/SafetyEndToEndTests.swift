#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Testing

@testable import Notebook

/// normbook runs other people's code on their documents: these tests use the real binary the
/// way a user would and check that nothing is lost, nothing is left running and nothing
/// escapes the sandbox.
@Suite(.serialized)
struct SafetyEndToEndTests {
    static let good = """
        # Good

        ```swift
        print("good says hello")
        ```
        """

    static let endless = """
        # Endless

        ```swift
        print("spinning")
        var x = 0
        while true { x &+= 1 }
        ```
        """

    /// Every file of the project (but the cache) with its contents.
    func snapshot(_ project: FixtureProject) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let root = project.root.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if path.hasPrefix(".normbook-cache") { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data("<dir>".utf8) : FileManager.default.contents(atPath: root + "/" + path)
        }
        return files
    }

    @Test func destructiveOutputFoldersAreRefusedAndNothingIsTouched() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        try project.write("my notes", to: "notes.txt")
        try project.write("a file", to: "afile")
        try project.write("# my docs", to: "docs/index.md")
        let before = try snapshot(project)
        for output in [".", "chapters", "afile", "docs", "..", ".normbook-cache", "chapters/report"] {
            for force in [false, true] where !(force && output == "docs") {
                let result = try CommandLine.run(["build", "--output", output] + (force ? ["--force"] : []), in: project.root)
                #expect(result.status == 2, "--output \(output) \(force ? "--force " : "")was not refused")
                #expect(result.stderr.contains("error: refusing to write the report into"), "\(result.stderr)")
                #expect(try snapshot(project) == before, "--output \(output) changed the project")
            }
        }
        let foreign = try CommandLine.run(["build", "--output", "docs"], in: project.root)
        #expect(foreign.stderr.contains("holds files normbook did not write (index.md)"))
        #expect(foreign.stderr.contains("--force"))

        // --force adopts a folder of its own (its contents are replaced), never the sources.
        let forced = try CommandLine.run(["build", "--output", "docs", "--force"], in: project.root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(project.exists("docs/.normbook-report") && project.exists("docs/index.html") && !project.exists("docs/index.md"))
        #expect(try project.read("notes.txt") == "my notes")
        // Once it carries the marker, the folder is normbook's: no --force needed.
        #expect(try CommandLine.run(["build", "--output", "docs"], in: project.root).status == 0)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGKILL])
    func anInterruptedBuildLeavesNoProcessAndKeepsThePreviousReport(signal: Int32) throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        let previous = try project.read("output/index.html")
        try project.write(Self.endless, to: "chapters/02-endless.md")

        let token = UUID().uuidString
        let running = try CommandLine.start(["build"], in: project.root, environment: [ProcessTable.tokenVariable: token])
        let started = ProcessTable.wait(token: token, seconds: 120) { processes in
            processes.contains { $0.command.contains(".normbook-cache/work/02-endless/chapter") && !$0.command.contains("bwrap") }
        }
        #expect(started, "the endless chapter never started")
        kill(running.process.processIdentifier, signal)
        let result = try running.wait()
        let gone = ProcessTable.wait(token: token, seconds: 2) { $0.isEmpty }
        #expect(gone, "left running: \(ProcessTable.live(withToken: token).map(\.command))")
        if signal == SIGKILL {
            #expect(running.process.terminationReason == .uncaughtSignal)
        } else {
            #expect(result.status == 128 + signal)
            #expect(result.stderr.hasSuffix("interrupted; previous report kept\n"), "\(result.stderr)")
        }
        #expect(try project.read("output/index.html") == previous)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".output.") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBuildKilledWhileCompilingTakesTheCompilerWithIt() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        let token = UUID().uuidString
        let running = try CommandLine.start(["build"], in: project.root, environment: [ProcessTable.tokenVariable: token])
        let compiling = ProcessTable.wait(token: token, seconds: 120) { processes in
            processes.contains { $0.command.contains("swift-frontend") }
        }
        #expect(compiling, "the compiler was never seen running")
        kill(running.process.processIdentifier, SIGKILL)
        _ = try running.wait()
        let gone = ProcessTable.wait(token: token, seconds: 2) { $0.isEmpty }
        #expect(gone, "left running: \(ProcessTable.live(withToken: token).map(\.command))")
        #expect(!project.exists("output"))
    }

    @Test func leftoversOfKilledBuildsAreRemovedByTheNextBuild() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        // A pid that is certainly dead: a process that ran and was waited for.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        for leftover in [".output.staging-\(dead)", ".output.old-\(dead)"] {
            try project.write("x", to: "\(leftover)/\(ReportMarker.fileName)")
            try project.write("<html>", to: "\(leftover)/index.html")
        }
        try project.write("keep me", to: ".output.staging-\(dead)x/notes.txt")  // not a leftover name
        try project.write("keep me", to: ".output.old-1/notes.txt")  // pid 1 is alive; no marker either
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        #expect(!project.exists(".output.staging-\(dead)") && !project.exists(".output.old-\(dead)"))
        #expect(project.exists(".output.staging-\(dead)x/notes.txt") && project.exists(".output.old-1/notes.txt"))
    }

    @Test func twoBuildsOfOneProjectTakeTurns() throws {
        let slow = """
            # Slow

            ```swift
            import Foundation
            Thread.sleep(forTimeInterval: 3)
            print("slept")
            ```
            """
        let project = try FixtureProject.make(["01-good.md": Self.good, "02-slow.md": slow])
        let token = UUID().uuidString
        let first = try CommandLine.start(["build", "--no-cache"], in: project.root, environment: [ProcessTable.tokenVariable: token])
        #expect(ProcessTable.wait(token: token, seconds: 120) { $0.contains { $0.command.contains("work/02-slow/chapter") } })
        let impatient = try CommandLine.run(["build", "--no-wait"], in: project.root)
        #expect(impatient.status == 2)
        #expect(impatient.stderr.contains("normbook (pid \(first.process.processIdentifier)) is building this project"))
        let clean = try CommandLine.run(["clean"], in: project.root)
        #expect(clean.status == 2 && clean.stderr.contains("is building this project"), "clean ran under a build")
        let second = try CommandLine.run(["build", "--no-cache"], in: project.root)
        let firstResult = try first.wait()
        #expect(firstResult.status == 0, "\(firstResult.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("waiting for normbook (pid \(first.process.processIdentifier))"))
        #expect(try project.read("output/02-slow.html").contains("slept"))
    }

    @Test func aFloodOfOutputIsCutWithANoteAndAWarning() throws {
        let chatty = """
            # Chatty

            ```swift
            let line = String(repeating: "x", count: 99)
            for _ in 0..<2_000_000 { print(line) }
            ```

            ```swift
            print("the next block still runs")
            ```
            """
        let project = try FixtureProject.make(["01-chatty.md": chatty])
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains(
            "chapters/01-chatty.md:4:1: warning: this block printed 199 MB of output beyond its limit of 1 MiB; the rest was cut from the page"))
        let page = project.root.appendingPathComponent("output/01-chatty.html")
        let size = try FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int ?? .max
        #expect(size < 5_000_000)
        let html = try project.read("output/01-chatty.html")
        #expect(html.contains("normbook: output cut here at the block&#39;s limit of 1 MiB"))
        #expect(html.contains("the next block still runs"))
    }

    @Test func aMemoryHogIsStoppedByTheLimitAndToldSo() throws {
        let hog = """
            ---
            limits:
              memory: 1 GiB
            ---
            # Hog

            ```swift
            var arrays: [[Double]] = []
            for i in 0..<100 { arrays.append([Double](repeating: Double(i), count: 32 * 1024 * 1024)) }
            print(arrays.count)
            ```
            """
        let project = try FixtureProject.make(["01-hog.md": hog, "02-good.md": Self.good])
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chapters/01-hog.md:"), "\(result.stderr)")
        #expect(result.stderr.contains("error: stopped: memory limit 1 GiB exceeded"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: raise it with `limits: {memory: 8 GiB}` in the front matter"))
        #expect(result.stdout.contains("✓ chapters/02-good.md"))
    }

    /// A TCP listener on this machine's loopback, on a port the kernel picks.
    func listen() throws -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && Glibc.listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        try #require(bound)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func theSandboxKeepsChaptersInsideTheirProjectAndOffTheNetwork() throws {
        let listener = try listen()
        defer { close(listener.descriptor) }
        // Outside the project and outside /tmp (which the sandbox replaces by a private one).
        let outside = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent("normbook-escape-\(UUID().uuidString).txt")
        let escape = """
            # Escape

            ```swift
            import Foundation
            func attempt(_ what: String, _ path: String) {
                do { try "x".write(toFile: path, atomically: false, encoding: .utf8); print("\\(what): written") }
                catch { print("\\(what): refused") }
            }
            attempt("outside", "\(outside.path)")
            attempt("project", "chapters/new.txt")
            attempt("scratch", ChapterContext.scratch.appendingPathComponent("ok.txt").path)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(\(listener.port)).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            print("network:", status == 0 ? "connected" : "not connected")
            ```
            """
        let project = try FixtureProject.make(["01-escape.md": escape])
        defer { try? FileManager.default.removeItem(at: outside) }
        let sandboxed = try CommandLine.run(["build"], in: project.root)
        #expect(sandboxed.status == 0, "\(sandboxed.stderr)")
        let page = try project.read("output/01-escape.html")
        #expect(page.contains("outside: refused") && page.contains("project: refused") && page.contains("scratch: written"))
        #expect(page.contains("network: not connected"))
        #expect(!FileManager.default.fileExists(atPath: outside.path) && !project.exists("chapters/new.txt"))

        // The same chapter without the sandbox does reach out: the test can tell the difference.
        let open = try CommandLine.run(["build", "--no-sandbox", "--no-cache"], in: project.root)
        #expect(open.status == 0, "\(open.stderr)")
        let openPage = try project.read("output/01-escape.html")
        #expect(openPage.contains("outside: written") && openPage.contains("network: connected"))
    }

    @Test func badDocumentsAreReportedAtTheirPlaceAndOtherChaptersStillBuild() throws {
        let unclosed = """
            # Unclosed

            Some prose.

            ```swift
            print("never closed")

            More prose that is not code.
            """
        let labels = """
            # Labels

            ```swift
            //| label: fig-a
            print(1)
            ```

            ```swift
            //| label: fig-a
            print(2)
            ```
            """
        let reference = """
            # Reference

            ```swift
            //| label: fig-real
            print(1)
            ```

            As @fig-nope shows.
            """
        let data = """
            # Data

            ```swift
            //| data: ../../etc/passwd
            print(1)
            ```
            """
        let project = try FixtureProject.make([
            "01-good.md": Self.good, "02-unclosed.md": unclosed, "03-labels.md": labels, "04-reference.md": reference,
            "05-data.md": data,
        ])
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("✓ chapters/01-good.md"))
        for expected in [
            "chapters/02-unclosed.md:5:1: error: this ```swift fence is never closed",
            "chapters/03-labels.md:9:12: error: label 'fig-a' is already used at line 4",
            "chapters/04-reference.md:8:4: error: @fig-nope refers to no label in this chapter",
            "chapters/05-data.md:4:5: error: data file '../../etc/passwd' lies outside the project",
        ] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
        #expect(!result.stderr.contains("02-unclosed.md:8"), "prose after an unclosed fence must not be compiled")
        // With --allow-failures a dangling reference is a warning and its chapter builds.
        let allowed = try CommandLine.run(["build", "--allow-failures"], in: project.root)
        #expect(allowed.stderr.contains("chapters/04-reference.md:8:4: warning: @fig-nope refers to no label"))
        #expect(allowed.stdout.contains("✓ chapters/04-reference.md"))
    }

    @Test func aReadOnlyReportIsReplacedWithoutLeftovers() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        let output = project.root.appendingPathComponent("output")
        _ = try ChildProcess(command: ["/bin/chmod", "-R", "a-w", output.path], environment: [:]).run()
        try project.write(Self.good.replacingOccurrences(of: "hello", with: "hello again"), to: "chapters/01-good.md")
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.read("output/01-good.html").contains("hello again"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".output.") }
        #expect(leftovers.isEmpty)
    }

    @Test func aChartThatCannotBeDrawnFailsItsBlockNotTheBuild() throws {
        let badChart = """
            # Bad chart

            ```swift
            let xs: [Double] = [1, 2, 3]
            show(Chart.line(title: "Log", x: "x", y: "y", series: [Series(name: "s", x: xs, y: xs)]).logY().yLimits(0, 10))
            ```
            """
        let project = try FixtureProject.make(["01-bad-chart.md": badChart, "02-good.md": Self.good])
        let result = try CommandLine.run(["build"], in: project.root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(
            "chapters/01-bad-chart.md:4:1: error: this block shows a chart that cannot be drawn"), "\(result.stderr)")
        #expect(result.stderr.contains("a log axis cannot show"))
        #expect(result.stdout.contains("✓ chapters/02-good.md"))
    }

    @Test func aChapterNameThatIsNoSafeLinkStillLinksAndLocates() throws {
        let name = "03 a#b?c%d'e.md"
        let broken = """
            # Odd name

            ```swift
            let x: Int = "text"
            ```
            """
        let project = try FixtureProject.make(["01-good.md": Self.good, name: broken])
        let result = try CommandLine.run(["build", "--allow-failures"], in: project.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chapters/\(name.dropLast(3)).md:4:14: error:"), "\(result.stderr)")
        #expect(project.exists("output/03 a#b?c%d'e.html"))
        let index = try project.read("output/index.html")
        #expect(index.contains(#"href="03%20a%23b%3Fc%25d%27e.html""#), "\(index)")
    }

    @Test func cleanRemovesOnlyWhatNormbookOwns() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        #expect(project.exists(".normbook-cache/results"))

        let cleaned = try CommandLine.run(["clean"], in: project.root)
        #expect(cleaned.status == 0, "\(cleaned.stderr)")
        #expect(!project.exists(".normbook-cache/results") && !project.exists(".normbook-cache/work"))
        #expect(project.exists("output/index.html"))

        // A "cache" that is somebody's folder, and a report folder normbook did not write, are refused.
        try project.write("mine", to: "notes/todo.txt")
        let foreignCache = try CommandLine.run(["clean", "--cache-dir", "notes"], in: project.root)
        #expect(foreignCache.status == 2 && foreignCache.stderr.contains("does not look like a normbook cache"))
        try project.write("mine", to: "docs/index.md")
        let foreignReport = try CommandLine.run(["clean", "--report", "--output", "docs"], in: project.root)
        #expect(foreignReport.status == 2 && foreignReport.stderr.contains("no .normbook-report marker"))
        #expect(try project.read("notes/todo.txt") == "mine" && (try project.read("docs/index.md")) == "mine")

        let all = try CommandLine.run(["clean", "--report"], in: project.root)
        #expect(all.status == 0 && all.stdout.contains("removed output"))
        #expect(!project.exists("output") && project.exists("chapters/01-good.md"))
    }

    @Test func aThemeFolderThatDoesNotExistIsAnError() throws {
        let project = try FixtureProject.make(["01-good.md": Self.good])
        let result = try CommandLine.run(["build", "--theme", "no-such-theme"], in: project.root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot read 'no-such-theme': the theme folder does not exist"), "\(result.stderr)")
        #expect(!project.exists("output"))
    }

    @Test func theProjectFileIsFoundFromASubfolderAndFlagsOverrideIt() throws {
        let seeded = """
            # Seeded

            ```swift
            print("seed is", ChapterContext.seed)
            ```
            """
        let project = try FixtureProject.make(["01-seeded.md": seeded])
        try project.write("title: A project of my own\noutput: site\nseed: 3\n", to: "normbook.yml")
        let inside = project.root.appendingPathComponent("chapters")
        let built = try CommandLine.run(["build"], in: inside)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try project.read("site/index.html").contains("A project of my own"))
        #expect(try project.read("site/01-seeded.html").contains("seed is 3"))
        #expect(!project.exists("chapters/.normbook-cache") && !project.exists("chapters/site") && !project.exists("output"))

        let overridden = try CommandLine.run(["build", "--title", "From the command line", "--output", "other"], in: inside)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(try project.read("other/index.html").contains("From the command line"))

        try project.write("title: T\nouptut: site\n", to: "normbook.yml")
        let typo = try CommandLine.run(["build"], in: inside)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("normbook.yml:2:1: error: unknown key of normbook.yml 'ouptut'; did you mean 'output'?"), "\(typo.stderr)")
    }

    @Test func buildingNamedChaptersRunsOnlyThoseAndKeepsTheOtherPages() throws {
        func chapter(_ n: Int, says word: String) -> String {
            "# Chapter \(n)\n\n```swift\nprint(\"chapter \(n) says \(word)\")\n```\n"
        }
        let project = try FixtureProject.make(["01-a.md": chapter(1, says: "one"), "02-b.md": chapter(2, says: "two")])
        try project.write("title: Named\n", to: "normbook.yml")  // so that any folder inside works
        #expect(try CommandLine.run(["build"], in: project.root).status == 0)
        try project.write(chapter(1, says: "uno"), to: "chapters/01-a.md")
        try project.write(chapter(2, says: "dos"), to: "chapters/02-b.md")

        // From the chapters folder, as a shell would complete the name.
        let result = try CommandLine.run(["build", "01-a.md"], in: project.root.appendingPathComponent("chapters"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("✓ chapters/01-a.md  1/1 blocks, 0 figures  (compile"))
        #expect(result.stdout.contains("✓ chapters/02-b.md  1/1 blocks, 0 figures  (stored result"))
        #expect(result.stderr.contains("chapters/02-b.md:1:1: warning: not rebuilt"))
        #expect(try project.read("output/01-a.html").contains("chapter 1 says uno"))
        #expect(try project.read("output/02-b.html").contains("chapter 2 says two"))

        let wrong = try CommandLine.run(["build", "notes.md"], in: project.root)
        #expect(wrong.status == 2 && wrong.stderr.contains("it is not a chapter of this project"))
    }

    @Test func initCreatesAProjectThatBuildsAndVerifiesAndNeverOverwrites() throws {
        let parent = try FixtureProject.make([:])
        let created = try CommandLine.run(["init", "my-report", "--title", "My report"], in: parent.root)
        #expect(created.status == 0, "\(created.stderr)")
        let folder = parent.root.appendingPathComponent("my-report")
        for file in ["normbook.yml", "chapters/01-getting-started.md", ".gitignore", ".github/workflows/normbook.yml"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), "\(file) missing")
        }
        let built = try CommandLine.run(["build"], in: folder.appendingPathComponent("chapters"))
        #expect(built.status == 0, "\(built.stderr)")
        let index = try String(contentsOf: folder.appendingPathComponent("output/index.html"), encoding: .utf8)
        #expect(index.contains("My report"))
        let verified = try CommandLine.run(["verify"], in: folder)
        #expect(verified.status == 0 && verified.stdout.contains("1 of 1 claims have their expected verdict"), "\(verified.stderr)")

        let chapter = folder.appendingPathComponent("chapters/01-getting-started.md")
        try Data("my own words".utf8).write(to: chapter)
        let again = try CommandLine.run(["init", "my-report"], in: parent.root)
        #expect(again.status == 2 && again.stderr.contains("would overwrite normbook.yml"))
        #expect(try String(contentsOf: chapter, encoding: .utf8) == "my own words")
    }
}
