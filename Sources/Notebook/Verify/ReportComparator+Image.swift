import ChartRendering
import Foundation

extension ReportComparator {
    /// Compares two PNG files by their pixels into `collector`, writing a difference image under
    /// `differenceImages` (at the same relative `path`) when they differ.
    func compareImages(_ expected: Data, _ actual: Data, path: String, differenceImages: URL?, into collector: inout Collector) {
        let a: PixelImage, b: PixelImage
        do {
            a = try PixelImage(png: [UInt8](expected))
        } catch {
            collector.add(kind: .unreadable, location: "", expected: "", actual: "", detail: "the committed file is not a readable PNG")
            return
        }
        do {
            b = try PixelImage(png: [UInt8](actual))
        } catch {
            collector.add(kind: .unreadable, location: "", expected: "", actual: "", detail: "the rebuilt file is not a readable PNG")
            return
        }
        let expectedSize = "\(a.width)×\(a.height) px", actualSize = "\(b.width)×\(b.height) px"
        guard let rms = a.rmsDifference(b) else {
            let note = writeDifference(a, b, path: path, to: differenceImages)
            collector.add(kind: .image, location: expectedSize, expected: expectedSize, actual: actualSize,
                          detail: "image sizes differ" + (note.map { "; \($0)" } ?? ""))
            return
        }
        guard rms > tolerance.pixelRMS else { return }
        let note = writeDifference(a, b, path: path, to: differenceImages)
        collector.add(kind: .image, location: expectedSize, expected: "RMS ≤ \(Self.rmsText(tolerance.pixelRMS))",
                      actual: "RMS \(Self.rmsText(rms))",
                      detail: "RMS \(Self.rmsText(rms)) > \(Self.rmsText(tolerance.pixelRMS))" + (note.map { "; \($0)" } ?? ""))
    }

    /// Writes the difference image of `a` and `b` to `folder/path`; a note saying where, or why not.
    private func writeDifference(_ a: PixelImage, _ b: PixelImage, path: String, to folder: URL?) -> String? {
        guard let folder else { return nil }
        let url = folder.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(a.difference(b).png()).write(to: url)
            return "difference image \(url.path)"
        } catch {
            return "the difference image could not be written to \(url.path)"
        }
    }

    /// An RMS value with two decimals, or more when small.
    static func rmsText(_ value: Double) -> String {
        value >= 0.01 || value == 0 ? String(format: "%.2f", value) : ComparisonTolerance.short(value)
    }
}
