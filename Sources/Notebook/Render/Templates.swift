import Foundation
import Mustache

/// The report's Mustache templates and static assets: the built-in ones shipped as package
/// resources (found next to the executable, see `InstallLayout`, rather than through
/// `Bundle.module`, whose fallback is the absolute build path and which stops the process when
/// the bundle is missing), each replaceable by a file of the same name in a theme folder.
struct Templates {
    /// The templates by name (file name without `.mustache`).
    var library: MustacheLibrary
    /// Static files copied to `assets/` (stylesheet and script), by file name.
    var assets: [String: Data]
    /// Every template's and asset's text, in a fixed order: two loads with the same
    /// fingerprint render the same bytes (what `RebuildMemo` compares).
    var sources: [Data] = []

    static let templateNames = ["layout", "chapter", "block", "diagnostic", "claim", "index", "ledger"]
    static let assetNames = ["normbook.css", "normbook.js"]

    static func load(theme: URL?) throws -> Templates {
        let builtIn = try InstallLayout.templatesFolder()
        func read(_ name: String) throws -> Data {
            if let theme, let data = FileManager.default.contents(atPath: theme.appendingPathComponent(name).path) {
                return data
            }
            let url = builtIn.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw NotebookError.unreadable(path: url.path, reason: "no such file")
            }
            return data
        }
        var library = MustacheLibrary()
        var sources: [Data] = []
        for name in templateNames {
            let data = try read("\(name).mustache")
            sources.append(data)
            let text = String(decoding: data, as: UTF8.self)
            do {
                try library.register(text, named: name)
            } catch {
                throw NotebookError.unreadable(path: "\(name).mustache", reason: "invalid template: \(error)")
            }
        }
        var assets: [String: Data] = [:]
        for name in assetNames {
            assets[name] = try read(name)
            sources.append(assets[name] ?? Data())
        }
        return Templates(library: library, assets: assets, sources: sources)
    }

    func render(_ context: [String: Any], template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
