// normbook's page script (no network): renders the math that normbook protected from Markdown
// with the bundled KaTeX, opens and closes the chapter menu on small screens, and searches the
// report with the bundled lunr over the index written at build time (assets/search-index.js).
// Code is coloured at build time; pages read well without this script.
document.addEventListener("DOMContentLoaded", function () {
  renderMath();
  setUpMenu();
  setUpSearch();
});

function renderMath() {
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
}

function setUpMenu() {
  var button = document.querySelector(".menu-toggle");
  var sidebar = document.getElementById("sidebar");
  if (!button || !sidebar) return;
  document.documentElement.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = sidebar.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
  sidebar.addEventListener("click", function (event) {
    if (event.target.closest("a")) {
      sidebar.classList.remove("open");
      button.setAttribute("aria-expanded", "false");
    }
  });
}

function setUpSearch() {
  var box = document.querySelector(".search");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!box || !input || !list || typeof lunr === "undefined" || !window.normbookSearch) return;
  box.hidden = false;
  var documents = window.normbookSearch;
  var index = null; // built on first use: a few milliseconds for a report of this size
  function build() {
    index = lunr(function () {
      // No stemming: a reader types the start of a word, which is matched as a prefix.
      this.pipeline.remove(lunr.stemmer);
      this.searchPipeline.remove(lunr.stemmer);
      this.ref("id");
      this.field("section", { boost: 5 });
      this.field("chapter", { boost: 2 });
      this.field("text");
      documents.forEach(function (doc, i) {
        this.add({ id: String(i), section: doc.section, chapter: doc.chapter, text: doc.text });
      }, this);
    });
  }
  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    terms.some(function (t) { at = lower.indexOf(t); return at >= 0; });
    var start = Math.max(0, at - 60);
    var piece = text.slice(start, start + 180);
    return (start > 0 ? "… " : "") + piece + (start + 180 < text.length ? " …" : "");
  }
  function show(query) {
    list.textContent = "";
    var terms = lunr.tokenizer(query).map(function (t) { return t.toString().toLowerCase(); })
      .filter(function (t) { return t.length > 0 && lunr.stopWordFilter(t) !== undefined; });
    if (terms.length === 0) return;
    if (!index) build();
    var hits = index.query(function (q) {
      terms.forEach(function (t) {
        // Every word must occur, as typed or as the start of a longer word.
        q.term(t, { presence: lunr.Query.presence.REQUIRED, wildcard: lunr.Query.wildcard.TRAILING });
      });
    }).slice(0, 12);
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "Nothing found.";
      list.appendChild(none);
      return;
    }
    hits.forEach(function (hit) {
      var doc = documents[Number(hit.ref)];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc.href;
      var title = document.createElement("strong");
      title.textContent = doc.section || doc.chapter;
      link.appendChild(title);
      if (doc.section) {
        var where = document.createElement("span");
        where.className = "where";
        where.textContent = doc.chapter;
        link.appendChild(where);
      }
      var text = document.createElement("span");
      text.className = "snippet";
      text.textContent = snippet(doc.text, terms);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
  }
  input.addEventListener("input", function () { show(input.value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; show(""); }
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) window.location.href = first.href;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== input) {
      event.preventDefault();
      input.focus();
    }
  });
}
