import ChartRendering
import Charts
import Foundation
import Regularization

/// Charts with long series of different shapes, for comparing fast drawing with exact stroking.
enum LongSeriesCharts {
    static let names = ["gallery", "noise", "walk", "log-x", "gaps", "back-and-forth", "dashed", "zoomed", "extreme"]

    static func chart(_ name: String) -> Chart? {
        var random = SeededGenerator(seed: 7)
        let x = (0..<10_000).map(Double.init)
        func line(_ y: [Double], xs: [Double] = x, dashed: Bool = false) -> Chart {
            var s = Series(name: name, x: xs, y: y)
            s.dashed = dashed
            return Chart.line(title: name, x: "x", y: "y", series: [s])
        }
        switch name {
        case "gallery": return ChartGallery.examples().first { $0.name == "long-series" }?.chart
        case "noise": return line(x.map { _ in Double.random(in: -1..<1, using: &random) })
        case "walk":
            var level = 0.0
            return line(x.map { _ in level += Double.random(in: -1..<1, using: &random); return level })
        case "log-x": return line(x.map { 1 / ($0 + 1) + 0.05 * sin($0) }, xs: x.map { $0 + 1 }).logX()
        case "gaps": return line(x.map { Int($0) % 2500 < 40 ? .nan : sin($0 / 200) + 0.2 * sin($0) })
        case "back-and-forth": return line(x.map { sin($0 / 900) }, xs: x.map { 5000 + 4000 * sin($0 / 700) })
        case "dashed": return line(x.map { sin($0 / 300) + 0.1 * sin($0) }, dashed: true)
        case "zoomed": return line(x.map { sin($0 / 20) + 0.3 * sin($0) }).xLimits(4000, 4400).yLimits(-2, 2)
        case "extreme": return line(x.map { $0 == 5000 ? 1e300 : sin($0 / 200) }).yLimits(-2, 2)
        default: return nil
        }
    }

    /// Writes the two renderings and their difference to the temporary folder (for a failing
    /// comparison); returns where.
    static func save(_ name: String, _ fast: PixelImage, _ exact: PixelImage) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("long-series-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, image) in [("fast.png", fast), ("exact.png", exact), ("difference.png", fast.difference(exact))] {
            if let png = try? image.png() { try? Data(png).write(to: folder.appendingPathComponent(file)) }
        }
        return folder.path
    }
}
