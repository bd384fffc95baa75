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
            let (images, note) = writeDifference(a, b, path: path, to: differenceImages)
            collector.add(kind: .image, location: expectedSize, expected: expectedSize, actual: actualSize,
                          detail: "image sizes differ" + (note.map { "; \($0)" } ?? ""), images: images)
            return
        }
        guard rms > tolerance.pixelRMS else { return }
        let (images, note) = writeDifference(a, b, path: path, to: differenceImages)
        collector.add(kind: .image, location: expectedSize, expected: "RMS ≤ \(Self.rmsText(tolerance.pixelRMS))",
                      actual: "RMS \(Self.rmsText(rms))",
                      detail: "RMS \(Self.rmsText(rms)) > \(Self.rmsText(tolerance.pixelRMS))" + (note.map { "; \($0)" } ?? ""),
                      images: images)
    }

    /// Writes the difference image of `a` and `b` to `folder/path`: its path relative to
    /// `folder`, or a note saying why it could not be written. (No absolute path goes into the
    /// difference: the folder may be temporary; the verifier moves the image where it is kept.)
    private func writeDifference(_ a: PixelImage, _ b: PixelImage, path: String, to folder: URL?) -> (ReportDifference.Images?, String?) {
        guard let folder else { return (nil, nil) }
        let url = folder.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(a.difference(b).png()).write(to: url)
            return (ReportDifference.Images(difference: path), nil)
        } catch {
            return (nil, "the difference image could not be written")
        }
    }

    /// An RMS value with two decimals, or more when small.
    static func rmsText(_ value: Double) -> String {
        value >= 0.01 || value == 0 ? String(format: "%.2f", value) : ComparisonTolerance.short(value)
    }
}
