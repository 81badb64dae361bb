(function () {
  "use strict";
  var body = document.body;
  var items = Array.prototype.slice.call(document.querySelectorAll(".nd-item"));
  var norm = function (s) { return s.normalize("NFC").toLowerCase(); };
  var texts = items.map(function (item) { return norm(item.textContent || ""); });
  var $ = function (id) { return document.getElementById(id); };
  var search = $("nd-search"), deck = $("nd-deck"), tag = $("nd-tag");
  var count = $("nd-count"), empty = $("nd-empty"), night = $("nd-night"), all = $("nd-flip-all");

  function flip(item, showBack) {
    var back = item.querySelector(".nd-back"), front = item.querySelector(".nd-front");
    if (showBack === undefined) { showBack = back.hidden; }
    back.hidden = !showBack;
    front.hidden = showBack;
    item.classList.toggle("nd-flipped", showBack);
    item.setAttribute("aria-pressed", String(showBack));
  }

  items.forEach(function (item) {
    item.addEventListener("click", function (event) {
      if (event.target.closest("a, summary, details, button, input, select")) { return; }
      flip(item);
    });
    item.addEventListener("keydown", function (event) {
      if (event.target !== item) { return; }
      if (event.key === " " || event.key === "Enter") { event.preventDefault(); flip(item); }
    });
  });

  function matches(item, i, query, deckName, tagName) {
    var d = item.getAttribute("data-deck");
    var tags = (item.getAttribute("data-tags") || "").split(" ");
    return (!query || texts[i].indexOf(query) !== -1) &&
      (!deckName || d === deckName || d.indexOf(deckName + "::") === 0) &&
      (!tagName || tags.indexOf(tagName) !== -1);
  }

  function apply() {
    if (!search) { return; }
    var query = norm(search.value.trim()), shown = 0;
    items.forEach(function (item, i) {
      var ok = matches(item, i, query, deck.value, tag.value);
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " / " + items.length;
    empty.hidden = shown > 0;
  }

  function setNight(on) {
    body.classList.toggle("nightMode", on);
    body.classList.toggle("night_mode", on);
    night.setAttribute("aria-pressed", String(on));
    try { localStorage.setItem("notedeck-night", on ? "1" : "0"); } catch (e) { /* file:// */ }
  }

  var saved = null;
  try { saved = localStorage.getItem("notedeck-night"); } catch (e) { /* file:// */ }
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  setNight(saved === null ? dark : saved === "1");
  night.addEventListener("click", function () { setNight(!body.classList.contains("nightMode")); });

  if (search) {
    [search, deck, tag].forEach(function (el) { el.addEventListener("input", apply); });
    deck.addEventListener("change", apply);
    tag.addEventListener("change", apply);
    all.addEventListener("click", function () {
      var on = all.getAttribute("aria-pressed") !== "true";
      all.setAttribute("aria-pressed", String(on));
      all.textContent = on ? "Show questions" : "Show answers";
      items.forEach(function (item) { flip(item, on); });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement !== search) {
        event.preventDefault();
        search.focus();
      }
    });
    apply();
  }
})();
