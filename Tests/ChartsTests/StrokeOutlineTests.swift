import CCairo
import Charts
import Regularization
import Testing

/// The outline of a stroked x-monotone polyline, against its geometry and against cairo's own
/// stroke (`cairo_in_stroke`, an independent implementation of the same pen).
struct StrokeOutlineTests {
    @Test func aHorizontalSegmentIsABandCutSquareAtItsEnds() throws {
        let outline = StrokeOutline(points: [(0, 5), (10, 5)], radius: 1, step: 0.5)
        #expect(try #require(outline.x.first) >= 0 && outline.x.first ?? 0 < 0.5)
        #expect(try #require(outline.x.last) <= 10 && outline.x.last ?? 0 > 9.5)
        #expect(outline.top.allSatisfy { abs($0 - 4) < 1e-12 })
        #expect(outline.bottom.allSatisfy { abs($0 - 6) < 1e-12 })
    }

    @Test func aVerticalSegmentIsAsWideAsThePenAndAsLongAsTheSegment() {
        let outline = StrokeOutline(points: [(3, 0), (3, 10)], radius: 1, step: 0.25)
        #expect(outline.x.first == 2 && outline.x.last == 4)
        #expect(outline.top.allSatisfy { $0 == 0 } && outline.bottom.allSatisfy { $0 == 10 })
    }

    @Test func aSpikeIsRoundedOnTheOutsideOfItsTurnOnly() throws {
        // Up to (1, 0) and back down: the join's half disk rises a pen radius above the tip.
        let outline = StrokeOutline(points: [(0, 10), (1, 0), (2, 10)], radius: 0.5, step: 0.01)
        let tip = try #require(outline.top.min())
        #expect(abs(tip - -0.5) < 1e-3)
        #expect(abs((outline.bottom.max() ?? 0) - 10) < 0.1)
        #expect(outline.contains(x: 1, y: -0.45) && !outline.contains(x: 1, y: -0.55))
    }

    @Test func repeatedPointsChangeNothingAndASinglePointDrawsNothing() {
        let plain = StrokeOutline(points: [(0, 0), (1, 2), (2, 1)], radius: 0.5, step: 0.1)
        let repeated = StrokeOutline(points: [(0, 0), (0, 0), (1, 2), (1, 2), (2, 1)], radius: 0.5, step: 0.1)
        #expect(plain == repeated)
        #expect(StrokeOutline(points: [(4, 4)], radius: 1, step: 0.1).x.isEmpty)
    }

    @Test func onlyTheVisibleSpanIsSampledAndExtremePointsDrawNothing() {
        let clipped = StrokeOutline(points: [(-1e9, 0), (1e9, 0)], radius: 1, step: 0.5, visible: 0...10)
        #expect(clipped.x.first == 0 && clipped.x.last == 10 && clipped.x.count == 21)
        let farOff = StrokeOutline(points: [(0, 0), (1e300, 0)], radius: 1, step: 0.5, visible: 0...10)
        #expect(farOff.x.count == 21 && farOff.top.allSatisfy { abs($0 + 1) < 1e-9 } && farOff.bottom.allSatisfy { abs($0 - 1) < 1e-9 })
        #expect(StrokeOutline(points: [(0, 0), (.infinity, 1)], radius: 1, step: 0.5).x.isEmpty)
        #expect(StrokeOutline(points: [(0, 0), (1e300, 1)], radius: 1, step: 0.5).x.isEmpty)
    }

    /// Random dense polylines (several points per unit of x, like a long series per pixel column):
    /// every probe point farther than two sample steps from the outline's boundary is inside the
    /// outline exactly when it is inside cairo's stroke of the same path.
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func agreesWithCairosStroke(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var points: [(x: Double, y: Double)] = []
        var x = 0.0, y = 20.0
        for _ in 0..<160 {
            x += random.unit() < 0.1 ? 0 : random.unit() * 0.4
            y = min(40, max(0, y + (random.unit() - 0.5) * (random.unit() < 0.2 ? 16 : 3)))
            points.append((x, y))
        }
        let radius = 0.8, step = 0.02
        let outline = StrokeOutline(points: points, radius: radius, step: step)
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1))
        defer { cairo_surface_destroy(surface) }
        let cr = try #require(cairo_create(surface))
        defer { cairo_destroy(cr) }
        cairo_set_tolerance(cr, 1e-4)
        cairo_set_line_width(cr, 2 * radius)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(cr, points[0].x, points[0].y)
        for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
        var checked = 0, disagreements: [(Double, Double)] = []
        let margin = 2 * step
        for _ in 0..<4000 {
            let px = random.unit() * (x + 2) - 1, py = random.unit() * 44 - 2
            let inside = outline.contains(x: px, y: py)
            let nearBoundary = [(margin, 0.0), (-margin, 0), (0, margin), (0, -margin)].contains {
                outline.contains(x: px + $0.0, y: py + $0.1) != inside
            }
            guard !nearBoundary else { continue }
            checked += 1
            if (cairo_in_stroke(cr, px, py) != 0) != inside { disagreements.append((px, py)) }
        }
        #expect(checked > 3000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }
}

extension SeededGenerator {
    /// A uniform draw from [0, 1).
    mutating func unit() -> Double { Double.random(in: 0..<1, using: &self) }
}
