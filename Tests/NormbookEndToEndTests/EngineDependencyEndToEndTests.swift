import Foundation
import Testing

/// The engine as a clean dependency: a tiny package that depends on this repository by path
/// for the `Regularization` product (with `traits: []`, as the README says) builds without a
/// warning and without fetching any package the engine does not use.
@Suite("Regularization as a dependency")
struct EngineDependencyEndToEndTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("a package depending on Regularization by path builds with no warning and fetches nothing else")
    func externalPackageBuildsCleanly() throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("normbook-engine-user-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: root.appendingPathComponent("Sources/EngineUser"), withIntermediateDirectories: true)
        let manifest = """
            // swift-tools-version:6.1
            import PackageDescription

            let package = Package(
                name: "EngineUser",
                dependencies: [.package(name: "normbook", path: "\(Self.repository.path)", traits: [])],
                targets: [
                    .executableTarget(
                        name: "EngineUser", dependencies: [.product(name: "Regularization", package: "normbook")])
                ]
            )

            """
        try Data(manifest.utf8).write(to: root.appendingPathComponent("Package.swift"))
        let program = """
            import Regularization

            var generator = SeededGenerator(seed: 7)
            let data = try Dataset.sparseRegression(samples: 40, features: 5, nonZeros: 2, noise: 0.1, generator: &generator)
            let fit = try Lasso(alpha: 0.1).fit(data.x, data.y)
            print("nonzero:", fit.coefficients.filter { $0 != 0 }.count)
            print("norm:", Tensor([3, 4]).norm(VectorNorm.l2))

            """
        try Data(program.utf8).write(to: root.appendingPathComponent("Sources/EngineUser/main.swift"))

        let swift = try #require(
            ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
                .map { "\($0)/swift" }.first { fm.isExecutableFile(atPath: $0) })
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swift)
        process.arguments = ["run", "--package-path", root.path, "EngineUser"]
        // The test runner's own SwiftPM variables must not leak into the inner build.
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SWIFTPM_") }
        let out = root.appendingPathComponent("build.log")
        try Data().write(to: out)
        let handle = try FileHandle(forWritingTo: out)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let log = try String(contentsOf: out, encoding: .utf8)

        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("norm: 5.0"), "\(log)")
        #expect(!log.contains("warning:"), "\(log)")
        let checkouts = root.appendingPathComponent(".build/checkouts")
        let fetched = (try? fm.contentsOfDirectory(atPath: checkouts.path)) ?? []
        #expect(fetched.isEmpty, "fetched packages the engine does not use: \(fetched)")
    }
}
