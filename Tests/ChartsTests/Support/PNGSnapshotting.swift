import ChartRendering
import Charts
import Foundation
import SnapshotTesting

extension Snapshotting where Value == Chart, Format == [UInt8] {
    /// Renders a chart to PNG and compares decoded pixels with an RMS tolerance (0…255 scale),
    /// never the file bytes; on failure a difference image is written next to the temp files.
    static func png(rmsTolerance: Double = 1.0, renderer: ChartRenderer = ChartRenderer()) -> Snapshotting {
        Snapshotting(pathExtension: "png", diffing: .pixels(rmsTolerance: rmsTolerance)) { chart in
            (try? renderer.png(chart)) ?? []
        }
    }
}

extension Diffing where Value == [UInt8] {
    /// Compares PNG bytes by their decoded pixels.
    static func pixels(rmsTolerance: Double) -> Diffing {
        .diff(toData: { Data($0) }, fromData: { [UInt8]($0) }) { old, new in
            guard let a = try? PixelImage(png: old), let b = try? PixelImage(png: new) else {
                return ("could not decode one of the PNGs (\(old.count) and \(new.count) bytes)", [])
            }
            guard let rms = a.rmsDifference(b) else {
                return ("image size changed from \(a.width)×\(a.height) to \(b.width)×\(b.height)", [])
            }
            if rms <= rmsTolerance { return nil }
            var message = "pixels differ: RMS \(rms) > tolerance \(rmsTolerance)"
            var attachments: [DiffAttachment] = []
            if let diff = try? a.difference(b).png() {
                let url = FileManager.default.temporaryDirectory
                    .appendingPathComponent("chart-diff-\(UUID().uuidString).png")
                if (try? Data(diff).write(to: url)) != nil { message += "; difference image: \(url.path)" }
                attachments.append(.data(Data(diff), name: "difference.png"))
            }
            return (message, attachments)
        }
    }
}
