// swift-tools-version:6.1
import PackageDescription

/// A libFuzzer target over normbook's chapter parser and its Markdown/math/inline pipeline.
///
/// Kept out of the root package on purpose: `swift build` and `swift test` at the root never
/// build it. Build it with `fuzz/run` (or `swift build -c release -sanitize=fuzzer` here).
let package = Package(
    name: "normbook-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "normbook", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "NotebookFuzzer",
            dependencies: [.product(name: "Notebook", package: "normbook")],
            // libFuzzer supplies main(); the target only defines LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ],
    swiftLanguageModes: [.v6]
)
