// Title suggestions for the search field. The page works fully without this script:
// it only adds a list of suggestions under the field while typing.
// ARIA combobox pattern (list autocomplete): focus stays in the field, the arrow keys move
// aria-activedescendant through the options, Enter opens the chosen one, Escape closes.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var url = input.getAttribute("data-autocomplete-url");
  var timer = null;
  var controller = null;
  var active = -1;

  function options() {
    return Array.prototype.slice.call(list.querySelectorAll("[role='option']"));
  }

  function setActive(index) {
    var items = options();
    active = index;
    items.forEach(function (item, i) {
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0 && items[index]) {
      input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function clear() {
    list.innerHTML = "";
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  }

  function open(item) {
    window.location.href = item.getAttribute("data-url");
  }

  function show(results) {
    list.innerHTML = "";
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.id = "search-suggestion-" + index;
      item.setAttribute("data-url", result.url);
      item.textContent = result.title;
      list.appendChild(item);
    });
    setActive(-1);
    list.hidden = results.length === 0;
    input.setAttribute("aria-expanded", results.length ? "true" : "false");
  }

  input.addEventListener("input", function () {
    var value = input.value.trim();
    window.clearTimeout(timer);
    if (value.length < 2) { clear(); return; }
    timer = window.setTimeout(function () {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(value), { signal: controller.signal, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { /* typing on; nothing to show */ });
    }, 200);
  });

  input.addEventListener("keydown", function (event) {
    var items = options();
    if (list.hidden || !items.length) { return; }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(Math.min(active + 1, items.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      open(items[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      clear();
    }
  });

  input.addEventListener("blur", function () { window.setTimeout(clear, 150); });

  // Keep the focus in the field while an option is clicked.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  list.addEventListener("click", function (event) {
    var item = event.target.closest("[role='option']");
    if (item) { open(item); }
  });
})();
