#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Testing

@testable import Notebook

struct ResourceLimitsTests {
    @Test func theDefaultsBecomePrlimitOptions() {
        let arguments = ResourceLimits().prlimitArguments(timeout: 600, userProcesses: 40)
        #expect(arguments == ["--as=4294967296", "--cpu=600:605", "--fsize=1073741824", "--nproc=296"])
    }

    @Test func aChapterReplacesTheLimitsItNames() {
        var overrides = FrontMatter.Limits()
        _ = overrides.set("memory", to: "8 GiB")
        _ = overrides.set("cpu-time", to: "30")
        let limits = ResourceLimits().applying(overrides)
        #expect(limits.memory == .gibibytes(8))
        #expect(limits.prlimitArguments(timeout: 600, userProcesses: 0).contains("--cpu=30:35"))
        #expect(limits.fileSize == ResourceLimits().fileSize)
    }

    @Test func theLimitThatStoppedAProgramIsReadFromHowItEnded() {
        let limits = ResourceLimits()
        #expect(LimitExceeded.diagnose(termination: .signalled(SIGXCPU), stderr: "", limits: limits, timeout: 60) == .cpu(seconds: 60))
        #expect(LimitExceeded.diagnose(termination: .signalled(SIGXFSZ), stderr: "", limits: limits, timeout: 60) == .fileSize(.gibibytes(1)))
        let oom = "Fatal error: failed to allocate 536870944 bytes of memory with alignment 8"
        #expect(LimitExceeded.diagnose(termination: .signalled(SIGABRT), stderr: oom, limits: limits, timeout: 60) == .memory(.gibibytes(4)))
        #expect(LimitExceeded.diagnose(termination: .signalled(SIGILL), stderr: "Fatal error: Index out of range", limits: limits, timeout: 60) == nil)
        #expect(LimitExceeded.diagnose(termination: .exited(0), stderr: oom, limits: limits, timeout: 60) == nil)
        #expect(LimitExceeded.memory(.gibibytes(4)).message == "stopped: memory limit 4 GiB exceeded")
    }

    @Test func sandboxedChaptersSeeOnlyWhatTheyAreGiven() {
        let isolation = ProcessIsolation(sandboxed: true, bwrap: "/usr/bin/bwrap", setpriv: nil, prlimit: "/usr/bin/prlimit")
        let command = isolation.chapter(
            "/p/.cache/work/c/chapter", projectRoot: "/p", readOnly: ["/p", "/kit"], writable: ["/p/.cache/work/c/scratch"],
            limits: ["--as=1"])
        let joined = command.joined(separator: " ")
        #expect(command.first == "/usr/bin/bwrap")
        for part in ["--die-with-parent", "--unshare-all", "--cap-drop ALL", "--ro-bind / /", "--tmpfs /tmp",
            "--ro-bind /kit /kit", "--ro-bind /p /p", "--bind /p/.cache/work/c/scratch /p/.cache/work/c/scratch",
            "--chdir /p -- /usr/bin/prlimit --as=1 -- /p/.cache/work/c/chapter"]
        {
            #expect(joined.contains(part), "missing \(part)")
        }
        // Writable folders are bound after the read-only project that holds them.
        let readOnlyProject = joined.range(of: "--ro-bind /p /p")
        let scratch = joined.range(of: "--bind /p/.cache")
        #expect(readOnlyProject.map { p in scratch.map { p.lowerBound < $0.lowerBound } ?? false } == true)

        var open = isolation
        open.sandboxed = false
        let unsandboxed = open.chapter("/x/chapter", projectRoot: "/p", readOnly: [], writable: [], limits: [])
        #expect(unsandboxed.contains("--die-with-parent") && !unsandboxed.contains("--unshare-all"))
        let fallback = ProcessIsolation(sandboxed: false, bwrap: nil, setpriv: "/usr/bin/setpriv", prlimit: nil)
        #expect(fallback.contained("/bin/swiftc", ["-v"], in: "/w").prefix(4) == ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"])
    }
}
