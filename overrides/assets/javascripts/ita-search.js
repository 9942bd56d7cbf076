/*
 * The site's search box (overrides/partials/ita-search.html) over the Pagefind index that
 * ita_site/search builds. Thai has no spaces between words: the index was built from copies
 * of the pages with a boundary between every two Thai words, and here the reader's query is
 * split with the same words (pagefind/thai-words.json), so both sides agree.
 *
 * Nothing is downloaded until the reader opens the search box.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var box = document.querySelector("[data-ita-search]");
  var toggle = document.getElementById("__search");
  if (!script || !box || !toggle) return;

  var bundle = new URL("../../pagefind/", script.src); // this file is assets/javascripts/
  var form = box.querySelector("form");
  var input = box.querySelector("input[name=query]");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var label = box.dataset;

  var THAI = /[\u0e00-\u0e7f]/;
  var THAI_RUNS = /([\u0e00-\u0e7f]+)/;
  var BREAKS = /[\s\u200b]+/;
  var SHOWN = 10; // results shown (their excerpts are fetched)

  /* Query -> words of the index. A Thai run is split into the fewest words of the index
   * (the last one may be unfinished: "ร้องเรีย" -> ร้อง เรีย). A run that cannot be split is
   * in no page: the answer is null (nothing found). Pagefind is not asked then, as it would
   * fall back to the longest known start of the word (ไดโนเสาร์ -> ได้). */
  function splitter(words) {
    if (!words.length) {  // an index built without Thai segmentation: search as typed
      return function (query) { return query.split(BREAKS).filter(Boolean); };
    }
    var known = new Set(words);
    var starts = new Set();
    var longest = 1;
    words.forEach(function (word) {
      longest = Math.max(longest, word.length);
      for (var i = 1; i < word.length; i++) starts.add(word.slice(0, i));
    });
    function run(text) {
      var n = text.length;
      var cost = [0];
      var from = [];
      for (var k = 1; k <= n; k++) cost[k] = Infinity;
      for (var i = 0; i < n; i++) {
        if (cost[i] === Infinity) continue;
        for (var j = Math.min(n, i + longest); j > i; j--) {
          var piece = text.slice(i, j);
          if ((known.has(piece) || (j === n && starts.has(piece))) && cost[i] + 1 < cost[j]) {
            cost[j] = cost[i] + 1;
            from[j] = i;
          }
        }
      }
      if (cost[n] === Infinity) return null;
      var pieces = [];
      for (var end = n; end > 0; end = from[end]) pieces.unshift(text.slice(from[end], end));
      return pieces;
    }
    return function (query) {
      var out = [];
      var parts = query.split(BREAKS).join(" ").split(THAI_RUNS);
      for (var i = 0; i < parts.length; i++) {
        if (!THAI.test(parts[i])) {
          out.push.apply(out, parts[i].split(" ").filter(Boolean));
          continue;
        }
        var words = run(parts[i]);
        if (words === null) return null;
        out.push.apply(out, words);
      }
      return out;
    };
  }

  var engine = null;
  function load() {
    if (!engine) {
      engine = Promise.all([
        import(new URL("pagefind.js", bundle).href),
        fetch(new URL("thai-words.json", bundle)).then(function (r) {
          if (!r.ok) throw new Error("thai-words.json: " + r.status);
          return r.json();
        }),
      ]).then(function (loaded) {
        var pagefind = loaded[0];
        // exactDiacritics: Pagefind would also match words with their marks removed, but Thai
        // vowels and tone marks are marks (สินบน would find สนบน...). termSimilarity: a piece
        // also matches longer words that start with it (จัด -> จัดทำ); prefer whole words.
        // baseUrl: the site's root, so result links work under a project sub-path
        // (https://ORG.github.io/REPO/) as well as at the root of a host.
        return pagefind.options({
          baseUrl: new URL("../", bundle).pathname,
          exactDiacritics: true,
          ranking: { termSimilarity: 10 },
        })
          .then(function () { return pagefind.init(); })
          .then(function () { return { pagefind: pagefind, split: splitter(loaded[1]) }; });
      });
      engine.catch(function () { engine = null; }); // try again on the next keystroke
    }
    return engine;
  }

  function normalize(text) {
    return text.normalize("NFC").replace(/\u0e4d\u0e32/g, "\u0e33").toLowerCase().trim();
  }

  // Does `words` (the words of a title) hold `pieces` one after the other?
  function holds(words, pieces) {
    for (var i = 0; i + pieces.length <= words.length; i++) {
      var ok = true;
      for (var k = 0; k < pieces.length && ok; k++) {
        var last = k === pieces.length - 1;
        ok = last ? words[i + k].indexOf(pieces[k]) === 0 : words[i + k] === pieces[k];
      }
      if (ok) return true;
    }
    return false;
  }

  // Are the query's words next to each other somewhere on the page (not just all present)?
  function together(locations, count) {
    if (count < 2) return true;
    var at = new Set(locations);
    return locations.some(function (start) {
      for (var k = 1; k < count; k++) if (!at.has(start + k)) return false;
      return true;
    });
  }

  /* Order: pages whose title holds the query first (shorter title: more about it), then
   * pages where the query's words stand together, then Pagefind's score. */
  function rank(results, pieces) {
    return results.map(function (entry) {
      var words = normalize(entry.data.meta.title || "").split(BREAKS).filter(Boolean);
      var inTitle = holds(words, pieces);
      return {
        entry: entry,
        key: [inTitle ? 1 : 0, together(entry.result.words, pieces.length) ? 1 : 0, inTitle ? -words.length : 0, entry.result.score],
      };
    }).sort(function (a, b) {
      for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return b.key[i] - a.key[i];
      return 0;
    }).map(function (ranked) { return ranked.entry; });
  }

  function clean(text) {
    return (text || "").replace(/\u200b/g, "");
  }

  // Pagefind's excerpt is escaped text with <mark> around the words found. Keep exactly that
  // (text and <mark>), whatever the page held: parsed in an inert <template>, rebuilt here.
  function excerptNodes(html) {
    var parsed = document.createElement("template");
    parsed.innerHTML = clean(html);
    return Array.prototype.map.call(parsed.content.childNodes, function (node) {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function render(entries, total) {
    meta.textContent = total === 0 ? label.labelNone
      : total === 1 ? label.labelOne
      : label.labelOther.replace("#", String(total));
    list.replaceChildren.apply(list, entries.map(function (entry) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = entry.data.url;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-search-result__article--document md-typeset";
      var icon = document.createElement("div");
      icon.className = "md-search-result__icon md-icon";
      var title = document.createElement("h1");
      title.textContent = clean(entry.data.meta.title);
      var excerpt = document.createElement("p");
      excerpt.append.apply(excerpt, excerptNodes(entry.data.excerpt));
      article.append(icon, title, excerpt);
      link.append(article);
      item.append(link);
      return item;
    }));
  }

  var latest = 0;
  function search(query) {
    var ticket = ++latest;
    query = normalize(query);
    box.removeAttribute("data-results-for");
    if (!query) {
      meta.textContent = label.labelPlaceholder;
      list.replaceChildren();
      return;
    }
    if (!engine) meta.textContent = label.labelLoading;
    load().then(function (search) {
      var pieces = search.split(query);
      if (pieces === null || pieces.length === 0) {
        if (ticket !== latest) return;
        render([], 0);
        box.setAttribute("data-results-for", query);
        return;
      }
      return search.pagefind.search(pieces.join(" ")).then(function (found) {
        if (ticket !== latest) return;
        var results = found.results.slice(0, SHOWN);
        return Promise.all(results.map(function (result) {
          return result.data().then(function (data) { return { result: result, data: data }; });
        })).then(function (entries) {
          if (ticket !== latest) return;
          render(rank(entries, pieces), found.results.length);
          box.setAttribute("data-results-for", query); // which query the list shows
        });
      });
    }).catch(function (error) {
      if (ticket !== latest) return;
      meta.textContent = label.labelError;
      list.replaceChildren();
      if (window.console) console.error("search:", error);
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) toggle.checked = true;
    load().catch(function () {});
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
    else input.blur();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var typing = /^(input|textarea|select)$/i.test(event.target.tagName) || event.target.isContentEditable;
    if (toggle.checked && event.key === "Escape") {
      toggle.checked = false;
      input.blur();
    } else if (!toggle.checked && !typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
