/* A table wider than the screen scrolls inside its box (never the page). Such a box must be
   reachable with the keyboard to be scrolled without a mouse (WCAG 2.1.1; axe-core rule
   scrollable-region-focusable): while its content is wider than the box, it gets
   tabindex="0" and a name (role="region", named by the table's caption, else by the words
   in the data-label of this script's tag, in overrides/main.html).
   Material wraps Markdown tables in .md-typeset__scrollwrap from its own script, which runs
   before this one. */
(function () {
  "use strict";
  var BOXES = ".md-typeset__scrollwrap, .ita-scroll, .ita-actions";
  var script = document.currentScript;
  var WORDS = (script && script.getAttribute("data-label")) || "";

  function label(box) {
    var caption = box.querySelector("caption");
    var text = caption ? caption.textContent.trim() : "";
    return text || WORDS;
  }

  function update(box, scrolls) {
    if (scrolls && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", label(box));
      box.setAttribute("data-ita-scrollable", "");
    } else if (!scrolls && box.hasAttribute("data-ita-scrollable")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
      box.removeAttribute("data-ita-scrollable");
    }
  }

  // All widths are read first, then the attributes written: a write between two reads would
  // make the browser lay the page out again for the next read (once per table).
  function updateAll() {
    var boxes = document.querySelectorAll(BOXES);
    var scrolls = [];
    for (var i = 0; i < boxes.length; i++) scrolls.push(boxes[i].scrollWidth > boxes[i].clientWidth + 1);
    for (var j = 0; j < boxes.length; j++) update(boxes[j], scrolls[j]);
  }

  // When the browser is idle, after the page has loaded (its layout is done by then, so the
  // widths cost nothing to read), and again after the width changes or the fonts arrive:
  // never inside the first layout of the page, which a phone takes long enough to do.
  var idle = window.requestIdleCallback || function (callback) { return setTimeout(callback, 200); };
  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    idle(function () { pending = false; updateAll(); }, { timeout: 3000 });
  }
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(schedule);
})();
