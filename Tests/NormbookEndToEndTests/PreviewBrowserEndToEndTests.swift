#if canImport(Glibc)
    @preconcurrency import Glibc
#endif
import Foundation
import Testing

/// The live preview in a real browser: `normbook serve`, a chapter page open in headless
/// Chromium and scrolled down, then edits written to the chapter. The page reloads by itself,
/// shows the new text at the same scroll position, shows a compile error over the last good
/// render and clears it when fixed. Screenshots go to `.build/browser-screenshots/preview-*.png`.
@Suite(
    .serialized,
    .enabled(
        if: HeadlessChromium.executable != nil,
        "Chromium is not installed: install Debian's chromium (scripts/test-packages.txt) to run the browser test"))
struct PreviewBrowserEndToEndTests {
    /// A chapter long enough to scroll: forty paragraphs, then a block.
    static let chapter: String = {
        let paragraphs = (1...40).map { "Paragraph \($0) of the long chapter, which a reader scrolls through while it is edited." }
        return "# A long chapter\n\n" + paragraphs.joined(separator: "\n\n") + """


            ```swift
            let answer = 21 * 2
            print("the answer is", answer)
            ```
            """
    }()

    /// Waits until `expression` evaluates to true in the page (it may be reloading meanwhile).
    func waitUntil(_ browser: HeadlessChromium, _ expression: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? browser.evaluate(expression)) as? Bool == true { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func thePageReloadsWhereTheReaderWasAndShowsErrorsOverTheLastGoodRender() throws {
        let project = try FixtureProject.make(["01-long.md": Self.chapter])
        let token = UUID().uuidString
        let (running, port) = try ServeEndToEndTests().startServe(project, token: token)
        defer { if running.process.isRunning { kill(running.process.processIdentifier, SIGKILL) } }
        let screenshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/browser-screenshots")
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        func shoot(_ name: String) throws {
            let shot = try browser.send("Page.captureScreenshot", ["format": "png"])
            try Data(base64Encoded: shot["data"] as? String ?? "")?.write(to: screenshots.appendingPathComponent("preview-\(name).png"))
        }

        let browser = try HeadlessChromium()
        defer { browser.close() }
        try browser.send("Emulation.setDeviceMetricsOverride", ["width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false])
        let before = browser.events.count
        try browser.send("Page.navigate", ["url": "http://127.0.0.1:\(port)/01-long.html"])
        try browser.waitForEvent("Page.loadEventFired", after: before)
        // The page listens for reloads before anything is edited.
        #expect(waitUntil(browser, "document.querySelector('script[src=\"/_normbook/client.js\"]') !== null", seconds: 5))
        _ = try browser.evaluate("window.scrollTo(0, 1000)")
        let scrolled = try browser.evaluate("[window.scrollY, document.documentElement.scrollHeight, innerHeight]")
        #expect((scrolled as? [Double])?.first == 1000, "the page is long enough to scroll: \(String(describing: scrolled))")
        // A mark on this instance of the page: gone once the page is reloaded. The browser's own
        // scroll restoring is turned off, so the position is the preview script's doing.
        _ = try browser.evaluate("window.normbookTestMark = true; history.scrollRestoration = 'manual'")
        try shoot("before-edit")

        // A prose edit below the fold: the page reloads itself and comes back where it was.
        let edited = Self.chapter.replacingOccurrences(of: "Paragraph 30 of the long chapter", with: "Paragraph 30, edited while open,")
        try project.write(edited, to: "chapters/01-long.md")
        #expect(
            waitUntil(browser, "document.body !== null && document.body.textContent.includes('Paragraph 30, edited while open,')", seconds: 30),
            "the page did not show the edit")
        #expect(try browser.evaluate("window.normbookTestMark === undefined") as? Bool == true, "the page was reloaded")
        #expect(waitUntil(browser, "Math.abs(window.scrollY - 1000) <= 2", seconds: 3),
            "scroll position after the reload: \(String(describing: try? browser.evaluate("window.scrollY")))")
        try shoot("after-edit")

        // A compile error: an overlay names the place; the last good render stays beneath it.
        try project.write(edited.replacingOccurrences(of: "21 * 2", with: "21 * missingValue"), to: "chapters/01-long.md")
        #expect(waitUntil(
            browser, "(document.getElementById('normbook-preview-overlay')?.textContent ?? '').includes('chapters/01-long.md:')",
            seconds: 120), "no overlay")
        let overlay = try browser.evaluate("document.getElementById('normbook-preview-overlay').textContent") as? String ?? ""
        #expect(overlay.contains("missingValue"), "\(overlay)")
        #expect(try browser.evaluate("document.body.textContent.includes('Paragraph 30, edited while open,')") as? Bool == true)
        try shoot("error-overlay")

        // Fixed: the overlay goes and the page shows the new output.
        try project.write(edited.replacingOccurrences(of: "21 * 2", with: "21 * 3"), to: "chapters/01-long.md")
        #expect(waitUntil(
            browser, "document.getElementById('normbook-preview-overlay') === null && document.body.textContent.includes('the answer is 63')",
            seconds: 120), "the overlay was not cleared")
        try shoot("fixed")

        kill(running.process.processIdentifier, SIGINT)
        #expect(ProcessTable.wait(token: token, seconds: 2) { $0.isEmpty })
        #expect(try running.wait().status == 0)
    }
}
