import Foundation
import Testing

@testable import Notebook

/// Loads every page of a built fixture report in headless Chromium (Debian's `chromium`, from
/// scripts/test-packages.txt): no console message, exception or failed request; the math
/// rendered by KaTeX; search and the menu set up; no sideways scrolling at 390 px. Screenshots
/// at 1280 and 390 px, light and dark, go to `.build/browser-screenshots/`.
@Suite(
    .serialized,
    .enabled(
        if: HeadlessChromium.executable != nil,
        "Chromium is not installed: install Debian's chromium (scripts/test-packages.txt) to run the browser test"))
struct BrowserEndToEndTests {
    static let chapterOne = """
        ---
        title: Norms in the browser
        seed: 3
        ---
        # Norms in the browser

        The first paragraph is the chapter's summary: the $L_2$ norm of $x$ is its length.

        ## A long formula

        On a phone this must scroll sideways instead of being cut:

        $$\\lVert W \\rVert_F = \\sqrt{\\sum_{i=1}^{m} \\sum_{j=1}^{n} w_{ij}^2} = \\sqrt{w_{11}^2 + w_{12}^2 + w_{13}^2 + w_{14}^2 + w_{21}^2 + w_{22}^2 + w_{23}^2 + w_{24}^2}$$

        ### Code and a figure

        ```swift
        //| label: fig-squares
        //| caption: Squares of $x$.
        let xs = (0..<20).map(Double.init)
        show(Chart.line(title: "Squares", x: "x", y: "y", series: [Series(name: "x²", x: xs, y: xs.map { $0 * $0 })]))
        show(table: ["a long column name", "another long column name", "value", "and one more column"],
             rows: [["L1 norm of the weights", "before pruning", .number(1.5), "a value with many words in it"]])
        ```

        ## A claim

        ```swift
        //| claim: 000-a
        //| expect: holds
        //| quote: 权重保留：通过保留权重矩阵中的一些元素，使其范数增大。
        //| source: 000 §1, l.1
        let w = Tensor<Double>([3, 4])
        decide("The L2 norm of (3, 4) is 5",
               evidence: ["‖w‖₂": .number(w.norm(.l2))],
               rule: Ev("‖w‖₂") >= 4.99 && Ev("‖w‖₂") <= 5.01,
               because: "3-4-5 triangle")
        ```
        """

    static let chapterTwo = """
        # Second chapter

        A short chapter with inline math $a^2 + b^2 = c^2$ and an `inline code` span.

        ```swift
        print("hello from chapter two")
        ```
        """

    /// `NORMBOOK_BROWSER_REPORT=/path/to/a/built/report` checks that report (e.g. the tutorial
    /// built into a temporary folder) instead of the fixture, with screenshots in
    /// `.build/browser-screenshots/report/`.
    @Test func everyPageLoadsCleanlyRendersItsMathAndIsScreenshotted() throws {
        let given = ProcessInfo.processInfo.environment["NORMBOOK_BROWSER_REPORT"].map { URL(fileURLWithPath: $0) }
        let project = given == nil
            ? try FixtureProject.make(["01-norms.md": Self.chapterOne, "02-second.md": Self.chapterTwo]) : nil
        defer { if let project { try? FileManager.default.removeItem(at: project.root) } }
        if let project { _ = try ReportBuilder(options: project.options(allowFailures: false)).build() }
        let output = try given ?? #require(project).root.appendingPathComponent("output")
        let pages = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }.sorted()
        let chapterCount = pages.count - 2
        if given == nil { #expect(pages == ["01-norms.html", "02-second.html", "claims.html", "index.html"]) }

        let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/browser-screenshots" + (given == nil ? "" : "/report"))
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)

        let browser = try HeadlessChromium()
        defer { browser.close() }
        for page in pages {
            let name = page.replacingOccurrences(of: ".html", with: "")
            try browser.send("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false])
            try browser.send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": "light"]]])
            let before = browser.events.count
            try browser.send("Page.navigate", ["url": output.appendingPathComponent(page).absoluteString])
            try browser.waitForEvent("Page.loadEventFired", after: before)
            _ = try browser.evaluate("document.fonts.ready.then(() => true)")

            let state = try #require(try browser.evaluate(Self.pageState) as? [String: Any], "\(page)")
            #expect(state["mathCount"] as? Int == state["katexCount"] as? Int, "\(page): every formula rendered: \(state)")
            #expect(state["katexErrors"] as? Int == 0, "\(page): \(state)")
            #expect(state["rawDollar"] as? Bool == false, "\(page): no raw $…$ left: \(state)")
            #expect(state["searchShown"] as? Bool == true, "\(page): the search box is set up")
            #expect(state["chapterLinks"] as? Int == chapterCount, "\(page): the sidebar lists the chapters: \(state)")
            try shoot(browser, to: screenshots.appendingPathComponent("\(name)-1280.png"))
            try shoot(browser, element: ".claim", to: screenshots.appendingPathComponent("\(name)-claim-1280.png"))
            try browser.send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": "dark"]]])
            try shoot(browser, to: screenshots.appendingPathComponent("\(name)-1280-dark.png"))

            try browser.send("Emulation.setDeviceMetricsOverride", ["width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true])
            let narrow = try #require(try browser.evaluate(Self.pageState) as? [String: Any], "\(page)")
            #expect(narrow["overflow"] as? Int == 0, "\(page): the page does not scroll sideways at 390 px: \(narrow)")
            #expect(narrow["menuShown"] as? Bool == true, "\(page): the menu button shows at 390 px")
            try shoot(browser, to: screenshots.appendingPathComponent("\(name)-390-dark.png"))
            try shoot(browser, element: ".claim", to: screenshots.appendingPathComponent("\(name)-claim-390-dark.png"))
            try browser.send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": "light"]]])
            try shoot(browser, to: screenshots.appendingPathComponent("\(name)-390.png"))
        }

        // On a phone the ☰ button opens the chapter list (the last page loaded is index.html).
        try browser.send("Emulation.setDeviceMetricsOverride", ["width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true])
        let menu = try browser.evaluate("""
            (() => { document.querySelector('.menu-toggle').click(); const s = document.getElementById('sidebar');
              return getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().height > 100; })()
            """) as? Bool
        #expect(menu == true, "the menu opens at 390 px")
        let shot = try browser.send("Page.captureScreenshot", ["format": "png"])
        try Data(base64Encoded: shot["data"] as? String ?? "")?.write(to: screenshots.appendingPathComponent("menu-390.png"))
        _ = try browser.evaluate("document.querySelector('.menu-toggle').click()")
        try browser.send("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": false])

        // The search finds a word of the second chapter from any page.
        let hits = try browser.evaluate("""
            (() => { const i = document.getElementById('search-input'); i.value = '\(given == nil ? "short chap" : "weight reten")';
              i.dispatchEvent(new Event('input')); return [...document.querySelectorAll('#search-results a')].map(a => a.getAttribute('href')); })()
            """) as? [String]
        if given == nil { #expect(hits?.first == "02-second.html", "search results: \(String(describing: hits))") }
        let results = try browser.send("Page.captureScreenshot", ["format": "png"])
        try Data(base64Encoded: results["data"] as? String ?? "")?.write(to: screenshots.appendingPathComponent("search-1280.png"))

        let problems = browser.events.compactMap(Self.problem)
        #expect(problems.isEmpty, "console messages, exceptions or failed requests: \(problems)")
    }

    /// The first element matching `selector` (with a margin), when the page has one.
    private func shoot(_ browser: HeadlessChromium, element selector: String, to file: URL) throws {
        let rect = try browser.evaluate("""
            (() => { const e = document.querySelector('\(selector)'); if (!e) return null;
              const r = e.getBoundingClientRect(); return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()
            """) as? [Double]
        guard let rect, rect.count == 4 else { return }
        let shot = try browser.send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": max(0, rect[0] - 8), "y": max(0, rect[1] - 8), "width": rect[2] + 16, "height": min(rect[3] + 16, 4000), "scale": 1],
        ])
        let data = try #require(Data(base64Encoded: shot["data"] as? String ?? ""))
        try data.write(to: file)
    }

    private func shoot(_ browser: HeadlessChromium, to file: URL) throws {
        // The whole page, not only the window.
        let metrics = try browser.send("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any] ?? [:]
        let width = (size["width"] as? Double) ?? 1280, height = min((size["height"] as? Double) ?? 900, 16000)
        let shot = try browser.send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
        ])
        let data = try #require(Data(base64Encoded: shot["data"] as? String ?? ""))
        try data.write(to: file)
    }

    /// What the page looks like to a script: formulas and KaTeX renderings, raw `$` in prose,
    /// search and menu, sideways overflow.
    static let pageState = """
        (() => {
          const prose = [...document.querySelectorAll('main .prose, main figcaption, main .claim')].map(e => {
            const c = e.cloneNode(true); c.querySelectorAll('.katex, code, pre').forEach(k => k.remove()); return c.textContent; }).join(' ');
          const toggle = document.querySelector('.menu-toggle');
          return {
            mathCount: document.querySelectorAll('.math').length,
            katexCount: document.querySelectorAll('.math > .katex, .math > .katex-display').length,
            katexErrors: document.querySelectorAll('.katex-error, .math-error').length,
            rawDollar: /\\$[^\\s$][^$]*\\$/.test(prose),
            searchShown: !document.querySelector('.search').hidden,
            menuShown: !!toggle && !toggle.hidden && getComputedStyle(toggle).display !== 'none',
            chapterLinks: document.querySelectorAll('.sidebar .chapters > li > a').length,
            overflow: Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
            // What sticks out of the page outside any scrolling box (to say what to fix).
            wide: [...document.querySelectorAll('body *')].filter(e => {
              if (e.getBoundingClientRect().right <= document.documentElement.clientWidth + 1) return false;
              for (let p = e.parentElement; p; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return false; }
              return true;
            }).slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ': ' + (e.textContent || '').slice(0, 60)),
          };
        })()
        """

    /// A console message, uncaught exception, warning or error log entry, or failed request, as
    /// text; nil for any other event.
    static func problem(_ event: [String: Any]) -> String? {
        let params = event["params"] as? [String: Any] ?? [:]
        switch event["method"] as? String {
        case "Runtime.consoleAPICalled":
            let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
            return "console.\(params["type"] ?? ""): \(args.joined(separator: " "))"
        case "Runtime.exceptionThrown":
            return "exception: \(params["exceptionDetails"] ?? "")"
        case "Log.entryAdded":
            let entry = params["entry"] as? [String: Any] ?? [:]
            guard let level = entry["level"] as? String, level == "error" || level == "warning" else { return nil }
            return "\(level): \(entry["text"] ?? "") \(entry["url"] ?? "")"
        case "Network.loadingFailed":
            return "failed request: \(params["errorText"] ?? "") \(params["requestId"] ?? "")"
        default:
            return nil
        }
    }
}
