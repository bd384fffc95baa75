/// The script the preview adds to every page it serves (never to the built report): it listens
/// to `/_normbook/events`, reloads the page when its file changed (keeping the scroll
/// position), and shows the build's errors over the page.
enum ClientScript {
    /// Where the pages load it from.
    static let path = "/_normbook/client.js"
    /// Where it listens.
    static let eventsPath = "/_normbook/events"

    /// The `<script>` element inserted before `</body>`.
    static let tag = "<script src=\"\(path)\" defer></script>"

    /// Inserts the script before the last `</body>` of `html` (or at its end).
    static func inject(into html: String) -> String {
        if let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: tag + "\n")
        }
        return html + "\n" + tag + "\n"
    }

    static let source = #"""
        // normbook serve: live reload and error overlay (served only by the preview).
        (() => {
          "use strict";
          const page = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
          const placeholder = document.documentElement.hasAttribute("data-normbook-placeholder");
          const scrollKey = "normbook-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(scrollKey);
          if (saved !== null) {
            sessionStorage.removeItem(scrollKey);
            const y = Number(saved);
            const restore = () => window.scrollTo(0, y);
            restore();
            window.addEventListener("load", restore);
          }

          const css = `
            #normbook-preview-overlay { position: fixed; inset: auto 0 0 0; max-height: 60vh; overflow: auto;
              z-index: 2147483647; background: rgb(40, 8, 8); color: #fde8e8; font: 14px/1.45 ui-monospace, "DejaVu Sans Mono", monospace;
              padding: 14px 18px 16px; box-shadow: 0 -6px 24px rgba(0,0,0,.35); border-top: 3px solid #e5484d; }
            #normbook-preview-overlay h2 { font: 600 15px/1.3 system-ui, "DejaVu Sans", sans-serif; margin: 0 0 10px; padding: 0 28px 0 0; border: 0; color: #fff; }
            #normbook-preview-overlay .nb-problem { margin: 0 0 12px; }
            #normbook-preview-overlay .nb-where { color: #ffb4b4; font-weight: 600; }
            #normbook-preview-overlay pre { margin: 6px 0 0; padding: 8px 10px; background: rgba(0,0,0,.35); border-radius: 4px; white-space: pre; overflow-x: auto; color: #fff; }
            #normbook-preview-overlay .nb-caret { color: #ff6b6b; font-weight: 700; }
            #normbook-preview-overlay .nb-hint { color: #f7c9a3; margin-top: 4px; }
            #normbook-preview-overlay button { position: absolute; top: 8px; right: 12px; background: none; border: 0; color: #fde8e8; font-size: 20px; cursor: pointer; }
            #normbook-preview-badge { position: fixed; top: 10px; right: 12px; z-index: 2147483647; background: #1f2937; color: #fff;
              font: 12px/1 system-ui, "DejaVu Sans", sans-serif; padding: 6px 9px; border-radius: 12px; opacity: .85; }
            @media (max-width: 600px) { #normbook-preview-overlay { font-size: 12px; padding: 10px 12px; } }`;
          const style = document.createElement("style");
          style.textContent = css;
          document.head.appendChild(style);

          function element(tag, className, text) {
            const node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined) node.textContent = text;
            return node;
          }

          function showProblems(problems) {
            const old = document.getElementById("normbook-preview-overlay");
            if (old) old.remove();
            if (!problems || problems.length === 0) return;
            const overlay = element("div");
            overlay.id = "normbook-preview-overlay";
            overlay.setAttribute("role", "alert");
            const close = element("button", "", "×");
            close.title = "Hide (it comes back with the next error)";
            close.onclick = () => overlay.remove();
            overlay.appendChild(close);
            overlay.appendChild(element("h2", "", problems.length === 1
              ? "The preview could not be rebuilt: 1 error (the page shows the last render that built)"
              : `The preview could not be rebuilt: ${problems.length} errors (the page shows the last render that built)`));
            for (const problem of problems) {
              const item = element("div", "nb-problem");
              const head = element("div");
              if (problem.location) head.appendChild(element("span", "nb-where", problem.location + ": "));
              head.appendChild(document.createTextNode("error: " + problem.message));
              item.appendChild(head);
              if (problem.sourceLine !== undefined && problem.caret !== undefined) {
                const pre = element("pre");
                pre.appendChild(document.createTextNode(problem.sourceLine + "\n"));
                const caret = element("span", "nb-caret", problem.caret);
                pre.appendChild(caret);
                item.appendChild(pre);
                // On a narrow screen, scroll a long line so that the caret is in view.
                requestAnimationFrame(() => {
                  pre.scrollLeft = Math.max(0, caret.offsetWidth - pre.clientWidth * 0.6);
                });
              }
              if (problem.hint) item.appendChild(element("div", "nb-hint", "hint: " + problem.hint));
              overlay.appendChild(item);
            }
            document.body.appendChild(overlay);
          }

          function showBuilding(on) {
            let badge = document.getElementById("normbook-preview-badge");
            if (!on) { if (badge) badge.remove(); return; }
            if (!badge) {
              badge = element("div", "", "rebuilding…");
              badge.id = "normbook-preview-badge";
              document.body.appendChild(badge);
            }
          }

          const events = new EventSource("\#(eventsPath)");
          events.onmessage = (message) => {
            let event;
            try { event = JSON.parse(message.data); } catch { return; }
            if (event.type === "building") {
              showBuilding(true);
            } else if (event.type === "reload") {
              if (placeholder || event.pages.includes(page)) {
                sessionStorage.setItem(scrollKey, String(window.scrollY));
                location.reload();
              }
            } else if (event.type === "problems") {
              showBuilding(false);
              showProblems(event.problems);
            }
          };
        })();
        """#

    /// The page served while the first build has not written anything yet.
    static let placeholderPage = """
        <!DOCTYPE html>
        <html lang="en" data-normbook-placeholder>
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Building the preview…</title>
        <style>body{font:16px/1.5 system-ui,"DejaVu Sans",sans-serif;margin:15vh auto;max-width:34rem;padding:0 1rem;color:#333}</style>
        </head>
        <body>
        <h1>Building the preview…</h1>
        <p>normbook is running the chapters for the first time. This page reloads when the report is ready;
        the terminal shows each chapter as it finishes (the first build runs them all; later edits rebuild only what they touch).</p>
        </body>
        </html>
        """
}
