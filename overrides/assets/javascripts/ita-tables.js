/* A table wider than the screen scrolls inside its box (never the page). Such a box must be
   reachable with the keyboard to be scrolled without a mouse (WCAG 2.1.1; axe-core rule
   scrollable-region-focusable): while its content is wider than the box, it gets
   tabindex="0" and a name (role="region", named by the table's caption, else by the words
   in the data-label of this script's tag, in overrides/main.html).
   Material wraps Markdown tables in .md-typeset__scrollwrap from its own script, which runs
   before this deferred one. Widths are read in ResizeObserver callbacks, after the browser's
   own layout, so the check never forces an extra layout while the page loads. */
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

  function update(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
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

  function watch() {
    if (!("ResizeObserver" in window)) return;
    var observer = new ResizeObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        var box = entries[i].target.closest(BOXES);
        if (box) update(box);
      }
    });
    var boxes = document.querySelectorAll(BOXES);
    for (var i = 0; i < boxes.length; i++) {
      observer.observe(boxes[i]);  // the box changes width (screen turned, window resized)
      if (boxes[i].firstElementChild) observer.observe(boxes[i].firstElementChild);  // its table (fonts loaded)
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
