// swift-tools-version:6.1
import PackageDescription

/// normbook: Markdown chapters with Swift blocks → an HTML report whose numbers, charts and
/// claim verdicts come from running the blocks against the regularization engine.
let package = Package(
    name: "normbook",
    platforms: [.macOS(.v14)],
    products: [
        // The engine, usable by any Swift package.
        .library(name: "Regularization", targets: ["Regularization"]),
        // What a chapter program links: built with optimizations as one shared library so that
        // chapters compile at -Onone in a fraction of a second yet run fast numerics.
        .library(
            name: "NormbookChapterKit", type: .dynamic,
            targets: ["Regularization", "Charts", "NotebookProtocol", "NotebookRuntime"]),
        .library(name: "Notebook", targets: ["Notebook"]),
        .executable(name: "normbook", targets: ["normbook"]),
    ],
    // A package that only uses the engine depends on normbook with `traits: []`: then none of
    // the packages below, which only the host and the command line use, is fetched or built.
    traits: [
        .trait(name: "Host", description: "normbook's host pipeline and command line (Notebook, normbook)"),
        .default(enabledTraits: ["Host"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // The live preview's HTTP server (`normbook serve`): reloads are pushed as server-sent
        // events over Hummingbird's streamed response bodies, so no WebSocket package is needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System libraries: thin module maps over Debian's -dev packages.
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo-ft",
            providers: [.apt(["libcairo2-dev", "libfreetype-dev", "fonts-dejavu-core"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // The engine: knows nothing of notebooks, charts or HTML.
        .target(name: "Regularization", dependencies: ["COpenBLAS"]),
        // Chart specifications and layout maths, pure Swift.
        .target(name: "Charts"),
        // Draws chart specifications with Cairo.
        .target(name: "ChartRendering", dependencies: ["Charts", "CCairo", "CZlib"]),
        // The events a chapter program sends to the host, shared by both sides.
        .target(name: "NotebookProtocol", dependencies: ["Charts"]),
        // What chapter programs call: show(), tables, inline values, claims.
        .target(name: "NotebookRuntime", dependencies: ["NotebookProtocol", "Charts"]),
        // The host pipeline: Parse → Plan → Execute → Results → Render → Write.
        .target(
            name: "Notebook",
            dependencies: [
                "NotebookProtocol", "Charts", "ChartRendering", "CCmark", "COpenSSL",
                .product(name: "Yams", package: "Yams", condition: .when(traits: ["Host"])),
                .product(name: "Mustache", package: "swift-mustache", condition: .when(traits: ["Host"])),
            ],
            resources: [.copy("Render/Templates")]),
        // `normbook serve`: the preview server, the file watcher and the rebuild loop. Kept
        // apart so that `Notebook` never links an HTTP server.
        .target(
            name: "NotebookPreview",
            dependencies: [
                "Notebook",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Host"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Host"])),
            ]),
        // The command-line frontend: parses, reports, exits.
        .executableTarget(
            name: "normbook",
            dependencies: [
                "Notebook", "NotebookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser", condition: .when(traits: ["Host"])),
            ]),

        // Benchmarks: normbook's side of bench/run (not a test; see bench/README.md).
        .executableTarget(
            name: "normbook-bench", dependencies: ["Regularization", "Charts", "ChartRendering"],
            path: "bench/Sources/normbook-bench"),

        .testTarget(
            name: "RegularizationTests", dependencies: ["Regularization"],
            exclude: ["Fixtures", "Solvers/Fixtures", "Data/make_datasets.py"]),
        .testTarget(
            name: "ChartsTests",
            dependencies: [
                "Charts", "ChartRendering", "CCairo", "Regularization",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Fixtures", "__Snapshots__"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "NotebookPreviewTests", dependencies: ["NotebookPreview"]),
        // The protocol and the runtime chapter programs link (events, markers, claims).
        .testTarget(name: "NotebookRuntimeTests", dependencies: ["NotebookRuntime", "NotebookProtocol"]),
        // Builds fixture projects through the real pipeline and the normbook executable.
        .testTarget(
            name: "NormbookEndToEndTests", dependencies: ["Notebook", "normbook", "ChartRendering"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
