// Title suggestions for the search field. The page works fully without this script:
// it only adds a list of links under the field while typing.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var url = input.getAttribute("data-autocomplete-url");
  var timer = null;
  var controller = null;

  function clear() {
    list.innerHTML = "";
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function show(results) {
    list.innerHTML = "";
    results.forEach(function (result, index) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "search-suggestion-" + index;
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.title;
      item.appendChild(link);
      list.appendChild(item);
    });
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
    if (event.key === "ArrowDown" && !list.hidden) {
      var first = list.querySelector("a");
      if (first) { event.preventDefault(); first.focus(); }
    } else if (event.key === "Escape") {
      clear();
    }
  });

  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) {
      event.preventDefault(); links[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (index > 0) { links[index - 1].focus(); } else { input.focus(); }
    } else if (event.key === "Escape") {
      clear(); input.focus();
    }
  });
})();
