import ChartRendering
import Foundation
import Testing

@testable import Notebook

@Suite("Comparing report folders")
struct ReportComparatorTests {
    @Test("Identical reports have no differences")
    func identical() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let differences = try folder.compare(VerifyFixtureReport(), VerifyFixtureReport())
        #expect(differences.isEmpty, "\(differences.map(\.description))")
    }

    @Test("A results number within the tolerance matches", arguments: [0.25 * (1 + 1e-8), 0.25 * (1 - 5e-7), 0.25 + 1e-13])
    func numberWithinTolerance(changed: Double) throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.mean = changed
        #expect(actual.mean != 0.25)
        let differences = try folder.compare(VerifyFixtureReport(), actual)
        #expect(differences.isEmpty, "\(differences.map(\.description))")
    }

    @Test("A results number beyond the tolerance is one number difference naming both values and the path")
    func numberBeyondTolerance() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.mean = 0.2503
        actual.chartY = VerifyFixtureReport().chartY  // same picture
        let differences = try folder.compare(VerifyFixtureReport(), actual)
            .filter { $0.location.contains("segments") }
        let difference = try #require(differences.count == 1 ? differences.first : nil, "\(differences.map(\.description))")
        #expect(difference.kind == .number)
        #expect(difference.file == "_results/01-norms.json")
        #expect(difference.location == "segments[3].block(line 41).outputs[1].value")
        #expect(difference.expected == "0.25")
        #expect(difference.actual == "0.2503")
        #expect(difference.detail == "relative difference 1.2e-3 > 1e-6")
        #expect(difference.description
            == "_results/01-norms.json: segments[3].block(line 41).outputs[1].value: expected 0.25, got 0.2503 (relative difference 1.2e-3 > 1e-6)")
        #expect(difference.described(under: "output").hasPrefix("output/_results/01-norms.json: segments[3].block(line 41)"))
    }

    @Test("The same changed value shows in the values table too, each place once")
    func everyPlaceOnce() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.mean = 0.3
        let locations = try folder.compare(VerifyFixtureReport(), actual).map(\.location)
        #expect(locations == ["segments[3].block(line 41).outputs[1].value", "values.mean"])
    }

    @Test("A number inside printed text is compared with the tolerance, with its line")
    func numberInsideJSONText() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var close = VerifyFixtureReport()
        close.outputText = "mean 0.2500000001 over 3 seeds\n"
        #expect(try folder.compare(VerifyFixtureReport(), close).isEmpty)

        let other = try VerifyTemporaryFolder()
        defer { other.remove() }
        var far = VerifyFixtureReport()
        far.outputText = "mean 0.26 over 3 seeds\n"
        let differences = try other.compare(VerifyFixtureReport(), far)
        #expect(differences.count == 1)
        #expect(differences.first?.kind == .number)
        #expect(differences.first?.location == "segments[3].block(line 41).outputs[0].text._0, line 1")
        #expect(differences.first?.expected == "0.25")
        #expect(differences.first?.actual == "0.26")
    }

    @Test("A changed word in HTML is a text difference at its line")
    func htmlWord() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.verdict = "is refuted"
        let differences = try folder.compare(VerifyFixtureReport(), actual)
        let difference = try #require(differences.count == 1 ? differences.first : nil, "\(differences.map(\.description))")
        #expect(difference.kind == .text)
        #expect(difference.file == "01-norms.html")
        #expect(difference.location == "line 6")
        #expect(difference.expected.contains("holds"))
        #expect(difference.actual.contains("is refuted"))
        #expect(difference.description.hasPrefix("01-norms.html: line 6: expected \""))
    }

    @Test("A number in HTML within the tolerance matches; beyond it, it is a number difference",
          arguments: [("0.1250000001", true), ("1.25e-1", true), ("0.125", true), ("0.126", false), ("-0.125", false)])
    func htmlNumber(written: String, matches: Bool) throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.htmlNumber = written
        let differences = try folder.compare(VerifyFixtureReport(), actual)
        if matches {
            #expect(differences.isEmpty, "\(differences.map(\.description))")
        } else {
            #expect(differences.map(\.kind) == [.number])
            #expect(differences.first?.location == "line 6")
            #expect(differences.first?.actual == written)
        }
    }

    @Test("A chart drawn from other data is an image difference with its RMS, and a difference image is written")
    func imageDifference() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.chartY = [1, 0.9, 0.1, 0.5]
        let differenceImages = folder.sub("diff")
        let differences = try folder.compare(VerifyFixtureReport(), actual, differenceImages: differenceImages)
        let difference = try #require(differences.count == 1 ? differences.first : nil, "\(differences.map(\.description))")
        #expect(difference.kind == .image)
        #expect(difference.file == "figures/01-norms-1.png")
        #expect(difference.location == "400×300 px")
        #expect(difference.expected == "RMS ≤ 1.00")

        // The reported RMS is the pixels' RMS, recomputed here from the files.
        let a = try PixelImage(png: [UInt8](Data(contentsOf: folder.sub("expected/figures/01-norms-1.png"))))
        let b = try PixelImage(png: [UInt8](Data(contentsOf: folder.sub("actual/figures/01-norms-1.png"))))
        let rms = try #require(a.rmsDifference(b))
        #expect(rms > 1)
        #expect(difference.actual == "RMS " + String(format: "%.2f", rms))
        #expect(difference.detail?.hasPrefix("RMS " + String(format: "%.2f", rms) + " > 1.00") == true)
        // The difference names its image relative to the difference folder, never by an absolute
        // (possibly temporary) path.
        #expect(difference.images == ReportDifference.Images(difference: "figures/01-norms-1.png"))
        #expect(difference.detail?.contains("/") == false)

        let written = try PixelImage(png: [UInt8](Data(contentsOf: differenceImages.appendingPathComponent("figures/01-norms-1.png"))))
        #expect(written.width == a.width && written.height == a.height)
        #expect(written.pixels.contains(0xFFFF_0000))
    }

    @Test("Images of different sizes differ; a large pixel tolerance accepts a changed chart")
    func imageSizesAndTolerance() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let expected = VerifyFixtureReport()
        var actual = VerifyFixtureReport()
        actual.chartY = [1, 0.5, 0.25, 0.2]
        try expected.write(to: folder.sub("expected"))
        try actual.write(to: folder.sub("actual"))
        let lenient = ReportComparator(tolerance: ComparisonTolerance(pixelRMS: 255))
        #expect(try lenient.compare(expected: folder.sub("expected"), actual: folder.sub("actual")).isEmpty)
        #expect(try ReportComparator(tolerance: ComparisonTolerance()).compare(
            expected: folder.sub("expected"), actual: folder.sub("actual")).map(\.kind) == [.image])

        let small = PixelImage(width: 2, height: 1, pixels: [0xFF00_0000, 0xFFFF_FFFF])
        try Data(small.png()).write(to: folder.sub("actual/figures/01-norms-1.png"))
        let differences = try lenient.compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences.map(\.kind) == [.image])
        #expect(differences.first?.expected == "400×300 px")
        #expect(differences.first?.actual == "2×1 px")
    }

    @Test("A missing and an extra file are reported, dotfiles ignored")
    func missingAndExtra() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let report = VerifyFixtureReport()
        try report.write(to: folder.sub("expected"))
        try report.write(to: folder.sub("actual"))
        let manager = FileManager.default
        try manager.removeItem(at: folder.sub("actual/01-norms.html"))
        try Data("new".utf8).write(to: folder.sub("actual/figures/01-norms-2.png"))
        try Data("hidden".utf8).write(to: folder.sub("actual/.hidden"))
        try manager.createDirectory(at: folder.sub("actual/.git"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.sub("actual/.git/HEAD"))

        let differences = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences == [
            ReportDifference(kind: .missingFile, file: "01-norms.html", expected: "present", actual: "missing"),
            ReportDifference(kind: .extraFile, file: "figures/01-norms-2.png", expected: "absent", actual: "present"),
        ])
        #expect(differences.map(\.description) == [
            "01-norms.html: missing from the rebuilt report",
            "figures/01-norms-2.png: not in the committed report",
        ])
    }

    @Test("Assets are compared for presence only")
    func assetsPresenceOnly() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        var actual = VerifyFixtureReport()
        actual.asset = "body { margin: 1px } /* another katex release */\n"
        #expect(try folder.compare(VerifyFixtureReport(), actual).isEmpty)

        try FileManager.default.removeItem(at: folder.sub("actual/assets/katex/katex.css"))
        let differences = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences.map(\.kind) == [.missingFile])
        #expect(differences.map(\.file) == ["assets/katex/katex.css"])
    }

    @Test("At most the per-file limit of differences is listed, then one '… and N more'")
    func perFileLimit() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let expected = (1...30).map { "row \($0): \(Double($0) / 7)" }.joined(separator: "\n")
        let actual = (1...30).map { "row \($0): \(Double($0) / 7 + 0.5)" }.joined(separator: "\n")
        for (name, text) in [("expected", expected), ("actual", actual)] {
            try FileManager.default.createDirectory(at: folder.sub(name), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.sub(name).appendingPathComponent("table.txt"))
        }
        let differences = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences.count == 21)
        #expect(differences.prefix(20).allSatisfy { $0.kind == .number })
        #expect(differences.first?.location == "line 1")
        #expect(differences[19].location == "line 20")
        #expect(differences.last?.description == "table.txt: … and 10 more differences")

        let five = try ReportComparator(tolerance: ComparisonTolerance(), differencesPerFile: 5)
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(five.count == 6)
        #expect(five.last?.detail == "… and 25 more differences")
    }

    @Test("A line inserted into a text file is one difference, not a cascade")
    func insertedLine() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let lines = (1...10).map { "line \($0) value \(Double($0) * 0.1)" }
        var inserted = lines
        inserted.insert("an extra line", at: 4)
        for (name, text) in [("expected", lines), ("actual", inserted)] {
            try FileManager.default.createDirectory(at: folder.sub(name), withIntermediateDirectories: true)
            try Data(text.joined(separator: "\n").utf8).write(to: folder.sub(name).appendingPathComponent("notes.txt"))
        }
        let differences = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences == [ReportDifference(
            kind: .text, file: "notes.txt", location: "rebuilt line 5", expected: "(no line)",
            actual: "\"an extra line\"", detail: "line not in the committed text")])
    }

    @Test("Structural JSON differences: types, keys, lengths; a broken rebuilt file is unreadable")
    func jsonStructure() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let expected = #"{"a": [1, 2, 3], "b": {"c": true}, "d": "x", "e": null, "f": 0.5, "g": "inf"}"#
        let actual = #"{"a": [1, 2], "b": {"c": false, "z": 1}, "d": 4, "f": "nan", "g": "inf"}"#
        for (name, text) in [("expected", expected), ("actual", actual)] {
            try FileManager.default.createDirectory(at: folder.sub(name), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.sub(name).appendingPathComponent("r.json"))
        }
        let comparator = ReportComparator(tolerance: ComparisonTolerance())
        let differences = try comparator.compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences.map(\.location) == ["e", "a", "b.z", "b.c", "d", "f"])
        #expect(differences.map(\.kind) == [.structure, .structure, .structure, .structure, .structure, .number])
        #expect(differences.last?.expected == "0.5")
        #expect(differences.last?.actual == "nan")

        try Data("{ not json".utf8).write(to: folder.sub("actual/r.json"))
        let broken = try comparator.compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(broken.map(\.kind) == [.unreadable])
        #expect(broken.first?.description == "r.json: could not be read (the rebuilt file is not valid JSON)")
    }

    @Test("Integers must match exactly unless the tolerance says otherwise")
    func integers() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        for (name, seed) in [("expected", 20_261_121), ("actual", 20_261_122)] {
            try FileManager.default.createDirectory(at: folder.sub(name), withIntermediateDirectories: true)
            try Data(#"{"seed": \#(seed)}"#.utf8).write(to: folder.sub(name).appendingPathComponent("p.json"))
        }
        let strict = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(strict.map(\.description) == ["p.json: seed: expected 20261121, got 20261122 (integers differ)"])
        let loose = try ReportComparator(tolerance: ComparisonTolerance(exactIntegers: false))
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(loose.isEmpty)
    }

    @Test("A PNG that cannot be decoded is unreadable; binary files must be identical")
    func unreadableAndBinary() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        let report = VerifyFixtureReport()
        try report.write(to: folder.sub("expected"))
        try report.write(to: folder.sub("actual"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]).write(to: folder.sub("actual/figures/01-norms-1.png"))
        try Data([0xFF, 0xFE, 0x00, 0x10]).write(to: folder.sub("expected/data.bin"))
        try Data([0xFF, 0xFE, 0x01, 0x10]).write(to: folder.sub("actual/data.bin"))
        let differences = try ReportComparator(tolerance: ComparisonTolerance())
            .compare(expected: folder.sub("expected"), actual: folder.sub("actual"))
        #expect(differences.map(\.description) == [
            "data.bin: byte 2: expected 4 bytes, got 4 bytes (binary files differ)",
            "figures/01-norms-1.png: could not be read (the rebuilt file is not a readable PNG)",
        ])
    }

    @Test("A folder that does not exist is an error")
    func missingFolder() throws {
        let folder = try VerifyTemporaryFolder()
        defer { folder.remove() }
        #expect(throws: (any Error).self) {
            try ReportComparator(tolerance: ComparisonTolerance()).compare(expected: folder.sub("nope"), actual: folder.url)
        }
    }
}
