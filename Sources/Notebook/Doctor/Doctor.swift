import Foundation
import NotebookProtocol

/// `normbook doctor`: checks that this machine can build chapters and says what it found —
/// normbook's version, the compiler, the chapter kit (path, digest, the compiler that built it),
/// BLAS, the sandbox, the report's assets and the project — and proves it by compiling and
/// running a one-line chapter against the kit, the way a build does.
public struct Doctor: Sendable {
    /// Where to look for a project (`normbook.yml`), usually the current directory.
    public var directory: URL
    /// The environment the checks see (`SWIFTC`, `PATH`, `NORMBOOK_KIT_DIR`).
    public var environment: [String: String]

    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        self.environment = environment
    }

    /// Runs every check, in order; later checks that need a failed one are reported as failed
    /// with the reason.
    public func examine() -> [DoctorFinding] {
        var findings = [DoctorFinding("normbook", .ok, "\(NotebookIdentity.version) (\(InstallLayout.executableFolder?.path ?? "unknown location"))")]

        let isolation = ProcessIsolation.prepareForDoctor()
        let compiler: SwiftCompiler?
        let kit: ChapterKit?
        do {
            kit = try ChapterKit.locate(environment: environment)
        } catch {
            kit = nil
        }
        if let kit {
            findings.append(DoctorFinding(
                "chapter kit", .ok,
                "\(kit.directory.path) (library sha256 \(kit.fingerprint.prefix(12)), module maps: \(kit.moduleMaps.map(\.path).joined(separator: ", ")))"))
        } else {
            findings.append(DoctorFinding(
                "chapter kit", .failed, "not found next to normbook or in ../\(InstallLayout.libraryFolder)",
                hint: "install normbook with scripts/install, build it with `swift build -c release`, or set NORMBOOK_KIT_DIR"))
        }

        do {
            let found = try SwiftCompiler(kit: kit ?? ChapterKit(directory: directory, moduleMaps: []), isolation: isolation, environment: environment)
            compiler = found
            let version = found.version()
            findings.append(DoctorFinding("compiler", .ok, "\(version) (\(found.executable))"))
            if let kit, let built = kit.compilerVersion {
                if version.contains(built) {
                    findings.append(DoctorFinding("kit ↔ compiler", .ok, "the kit was built by the same compiler"))
                } else {
                    findings.append(DoctorFinding(
                        "kit ↔ compiler", .failed, "the kit was built by \(built)",
                        hint: "Swift modules only load in the compiler that built them: reinstall normbook with this toolchain, or put that toolchain's swiftc first on PATH (or in SWIFTC)"))
                }
            }
        } catch {
            compiler = nil
            findings.append(DoctorFinding(
                "compiler", .failed, "swiftc not found on PATH", hint: "install Swift 6.3 and put its bin/ folder on PATH, or set SWIFTC"))
        }

        let kernels = BLASKernels.environmentValue(environment).map { "OPENBLAS_CORETYPE=\($0)" } ?? "OpenBLAS chooses its kernels"
        findings.append(DoctorFinding("BLAS kernels", .ok, "\(kernels); one thread per chapter"))

        findings.append(sandboxFinding(isolation))
        findings.append(contentsOf: assetFindings())
        findings.append(projectFinding())

        if let compiler, kit != nil {
            findings.append(contentsOf: trialChapter(compiler: compiler, isolation: isolation))
        } else {
            findings.append(DoctorFinding("trial chapter", .failed, "not run: needs the compiler and the chapter kit"))
        }
        return findings
    }

    private func sandboxFinding(_ isolation: ProcessIsolation) -> DoctorFinding {
        let probe = ProcessIsolation.currentProbe
        if probe.sandboxWorks, let bwrap = probe.bwrap {
            let limits = probe.prlimit == nil ? "; prlimit missing: no kernel resource limits" : ""
            return DoctorFinding(
                "sandbox", probe.prlimit == nil ? .warning : .ok, "bubblewrap works (\(bwrap))\(limits)",
                hint: probe.prlimit == nil ? "install util-linux" : nil)
        }
        return DoctorFinding(
            "sandbox", .warning, probe.problem ?? "bubblewrap is not available",
            hint: "install Debian's bubblewrap (scripts/install-system-deps does), or build with --no-sandbox / `sandbox: false` in normbook.yml")
    }

    private func assetFindings() -> [DoctorFinding] {
        let fm = FileManager.default
        var findings: [DoctorFinding] = []
        let katex = AssetCopier.katexDirectory.appendingPathComponent("katex.min.js")
        findings.append(fm.fileExists(atPath: katex.path)
            ? DoctorFinding("KaTeX", .ok, AssetCopier.katexDirectory.path)
            : DoctorFinding("KaTeX", .failed, "\(katex.path) is missing", hint: "install Debian's libjs-katex and fonts-katex"))
        let lunr = AssetCopier.lunrDirectory.appendingPathComponent("lunr.min.js")
        findings.append(fm.fileExists(atPath: lunr.path)
            ? DoctorFinding("lunr (search)", .ok, AssetCopier.lunrDirectory.path)
            : DoctorFinding("lunr (search)", .failed, "\(lunr.path) is missing", hint: "install Debian's libjs-lunr"))
        let prism = AssetCopier.prismDirectory.appendingPathComponent("prism-swift.min.js")
        findings.append(fm.fileExists(atPath: prism.path)
            ? DoctorFinding("Prism (code colours)", .ok, AssetCopier.prismDirectory.path)
            : DoctorFinding("Prism (code colours)", .failed, "\(prism.path) is missing", hint: "install Debian's node-prismjs"))
        do {
            let templates = try InstallLayout.templatesFolder()
            findings.append(DoctorFinding("templates", .ok, templates.path))
        } catch {
            findings.append(DoctorFinding("templates", .failed, "\(error)", hint: "reinstall normbook"))
        }
        return findings
    }

    private func projectFinding() -> DoctorFinding {
        guard let file = ProjectFile.locate(from: directory) else {
            return DoctorFinding("project", .ok, "none here (no \(ProjectFile.fileName) in \(directory.path) or above); `normbook init` makes one")
        }
        do {
            let loaded = try ProjectFile.load(file)
            return DoctorFinding("project", .ok, "\(file.path) (title: \(loaded.title ?? file.deletingLastPathComponent().lastPathComponent))")
        } catch {
            return DoctorFinding("project", .failed, "\(error)", hint: "fix \(ProjectFile.fileName) as the message says")
        }
    }

    /// Compiles and runs a one-block chapter that calls the engine (and so OpenBLAS) and the
    /// runtime, in a temporary folder that is removed afterwards.
    private func trialChapter(compiler: SwiftCompiler, isolation: ProcessIsolation) -> [DoctorFinding] {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("normbook-doctor-\(getpid())")
        defer { try? fm.removeItem(at: folder) }
        let text = """
            # Doctor

            ```swift
            print("BLAS:", BLAS.configuration, "·", BLAS.kernels)
            print("L2:", Tensor([3, 4]).norm(VectorNorm.l2))
            ```

            """
        let (document, problems) = ChapterParser().parse(text, file: "doctor.md")
        guard problems.isEmpty else {
            return [DoctorFinding("trial chapter", .failed, "normbook could not parse its own trial chapter: \(problems)")]
        }
        let program = ChapterProgram(document: document)
        do {
            let began = Date()
            let compiled = try compiler.compile(program, in: folder.appendingPathComponent("build"))
            let compileSeconds = Date().timeIntervalSince(began)
            guard compiled.succeeded else {
                let said = compiled.output.split(separator: "\n").prefix(6).joined(separator: "\n  ")
                return [DoctorFinding(
                    "trial chapter", .failed, "did not compile:\n  \(said)",
                    hint: "the kit and the compiler do not fit together: reinstall normbook with this toolchain")]
            }
            let runner = ChapterRunner(isolation: isolation, limits: ResourceLimits(), readOnly: [compiler.kit.directory])
            let work = folder.appendingPathComponent("run")
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            let run = try runner.run(
                binary: folder.appendingPathComponent("build/chapter"), workDirectory: work, projectRoot: folder,
                seed: 0, blockTimeouts: [60], chapterTimeout: 60)
            let printed = run.stdout.split(separator: "\n").filter { StreamMarker(line: $0) == nil }
            guard run.succeeded, printed.contains(where: { $0 == "L2: 5.0" }) else {
                return [DoctorFinding(
                    "trial chapter", .failed, "compiled but did not run as expected (\(run.terminationDescription)): \(run.stderr.prefix(400))")]
            }
            let blas = printed.first { $0.hasPrefix("BLAS: ") }.map { String($0.dropFirst(6)) } ?? "unknown"
            return [
                DoctorFinding("BLAS in chapters", .ok, blas),
                DoctorFinding(
                    "trial chapter", .ok,
                    String(format: "compiled in %.1f s and ran%@", compileSeconds, isolation.sandboxed ? " in the sandbox" : "")),
            ]
        } catch {
            return [DoctorFinding("trial chapter", .failed, "\(error)")]
        }
    }
}
