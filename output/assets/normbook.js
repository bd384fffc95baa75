// Renders the math that normbook protected from Markdown with the bundled KaTeX, and colours
// code blocks with the bundled highlight.js (no network).
document.addEventListener("DOMContentLoaded", function () {
  if (typeof hljs !== "undefined") {
    document.querySelectorAll("pre code[class^='language-']").forEach(function (el) {
      hljs.highlightBlock(el);
    });
  }
  if (typeof katex === "undefined") return;
  document.querySelectorAll(".math").forEach(function (el) {
    try {
      katex.render(el.textContent, el, {
        displayMode: el.classList.contains("display"),
        throwOnError: false,
      });
    } catch (e) {
      el.classList.add("math-error");
      el.title = String(e);
    }
  });
});
