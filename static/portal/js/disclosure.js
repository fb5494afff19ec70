// Filters that sit behind a <details> disclosure on phones are open on wider screens.
// Without JavaScript the disclosure stays closed and opens with a click or Enter.
(function () {
    "use strict";
    document.querySelectorAll("details[data-open-from]").forEach(function (details) {
        var query = window.matchMedia("(min-width: " + details.dataset.openFrom + ")");
        if (query.matches) {
            details.open = true;
        }
    });
})();
