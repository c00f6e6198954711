// Optional: the check works fully without this file (DESIGN.md §4).
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }
  // The print button only makes sense when JavaScript can print.
  var buttons = document.querySelectorAll(".js-print");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
