import Foundation
import Hummingbird
import Logging
import Notebook

/// What `normbook serve` serves and watches.
public struct PreviewConfiguration: Sendable {
    /// The interface to listen on: loopback unless the user names another.
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// The project root (chapter paths in errors are relative to it).
    public var projectRoot: URL
    /// The chapters folder.
    public var chapters: URL
    /// The cache folder (shared with `normbook build`).
    public var cache: URL
    /// Where the preview renders: `<cache>/preview` unless `--output` says otherwise.
    public var output: URL
    /// Folders watched recursively for changes.
    public var watched: [URL]
    /// Folders never watched (the preview, the report, the cache).
    public var excluded: [URL]
    /// The build options for the next rebuild (read again each time, so edits to
    /// `normbook.yml` apply); its `output` is replaced by `output`.
    public var makeOptions: @Sendable () throws -> BuildOptions

    /// The preview folder when `--output` is not given.
    public static func defaultOutput(cache: URL) -> URL { cache.appendingPathComponent("preview") }

    /// A configuration for the project `options` describes (as `normbook build` would build it).
    public init(
        options: BuildOptions, output: URL? = nil, host: String = "127.0.0.1", port: Int = 3000,
        makeOptions: @escaping @Sendable () throws -> BuildOptions
    ) {
        self.host = host
        self.port = port
        projectRoot = options.projectRoot.standardizedFileURL
        chapters = options.chapters.standardizedFileURL
        cache = options.cache.standardizedFileURL
        self.output = (output ?? Self.defaultOutput(cache: options.cache)).standardizedFileURL
        var watched = [projectRoot]
        for folder in [chapters, options.theme].compactMap({ $0?.standardizedFileURL })
        where !folder.path.hasPrefix(projectRoot.path + "/") {
            watched.append(folder)
        }
        self.watched = watched
        // The result cache is written by every build: watching it would rebuild forever.
        excluded = [self.output, cache, options.output.standardizedFileURL, options.resultStore.standardizedFileURL]
        self.makeOptions = makeOptions
    }
}

/// `normbook serve`: serves the preview folder over HTTP with the reload script added to every
/// page, watches the project and rebuilds what changed.
public final class PreviewServer: Sendable {
    private let configuration: PreviewConfiguration
    private let hub = PreviewHub()
    private let loop: RebuildLoop

    /// - Parameters:
    ///   - onRebuild: called after every rebuild (from the rebuild thread).
    ///   - onFirstBuildChapter: called for each chapter of the first build as it finishes.
    public init(
        configuration: PreviewConfiguration, onRebuild: @escaping @Sendable (RebuildReport) -> Void,
        onFirstBuildChapter: @escaping @Sendable (BuildSummary.Chapter) -> Void = { _ in }
    ) {
        self.configuration = configuration
        loop = RebuildLoop(configuration: configuration, hub: hub, onRebuild: onRebuild, onFirstBuildChapter: onFirstBuildChapter)
    }

    /// Listens, watches and rebuilds until the process ends; returns only if the server stops.
    ///
    /// - Parameter onListening: called once the server listens, with its address.
    /// - Throws: when the port cannot be bound or the project cannot be watched.
    public func run(onListening: @escaping @Sendable (URL) -> Void) async throws {
        let watcher = try ProjectWatcher(roots: configuration.watched, excluded: configuration.excluded) { [loop] paths in
            loop.changed(paths)
        }
        var logger = Logger(label: "normbook-serve")
        logger.logLevel = .critical
        let router = Router()
        router.add(middleware: PageMiddleware(folder: configuration.output))
        router.add(middleware: FileMiddleware(
            configuration.output.path, cacheControl: .init([(MediaType(type: .any), [.noCache])]), logger: logger))
        router.get(RouterPath(ClientScript.path)) { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ClientScript.source)))
        }
        router.get(RouterPath(ClientScript.eventsPath)) { [hub] _, _ -> Response in
            let stream = hub.subscribe()
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    for await text in stream {
                        try await writer.write(ByteBuffer(string: text))
                    }
                    try await writer.finish(nil)
                })
        }
        let host = configuration.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: "normbook"),
            onServerRunning: { [loop] channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onListening(URL(string: "http://\(shownHost):\(port)/") ?? URL(fileURLWithPath: "/"))
                loop.start()
            },
            logger: logger)
        // Signals are normbook's to handle (every child must be stopped first): see Serve.swift.
        defer { withExtendedLifetime(watcher) {} }
        do {
            try await app.runService(gracefulShutdownSignals: [])
        } catch {
            let reason = "\(error)".contains("Address already in use")
                ? "the port is in use (another preview?); pass another --port, or --port 0 for any free one" : "\(error)"
            throw PreviewServerError(message: "cannot serve on \(host):\(configuration.port): \(reason)")
        }
        hub.finishAll()
    }
}

/// Serves the report's HTML pages with the reload script inserted before `</body>` (the built
/// report never holds it); everything else goes on to the file middleware.
struct PageMiddleware<Context: RequestContext>: RouterMiddleware {
    let folder: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        let path = request.uri.path
        guard path == "/" || path.hasSuffix("/") || path.hasSuffix(".html") else { return try await next(request, context) }
        guard let file = PreviewPaths.file(for: path, in: folder) else { return try await next(request, context) }
        let html: String
        if let data = FileManager.default.contents(atPath: file.path) {
            html = ClientScript.inject(into: String(decoding: data, as: UTF8.self))
        } else if path == "/" || path == "/index.html" {
            html = ClientScript.inject(into: ClientScript.placeholderPage)
        } else {
            return try await next(request, context)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Where request paths lead in the preview folder.
enum PreviewPaths {
    /// The file a request path names inside `folder`, or nil if it would leave it (a `..`
    /// component, an encoded slash) or name a hidden file (the report marker).
    static func file(for path: String, in folder: URL) -> URL? {
        var components: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(part).removingPercentEncoding, !decoded.contains("/"), !decoded.hasPrefix(".") else { return nil }
            components.append(decoded)
        }
        if path.hasSuffix("/") || components.isEmpty { components.append("index.html") }
        return components.reduce(folder) { $0.appendingPathComponent($1) }
    }
}

/// The preview could not listen.
public struct PreviewServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
