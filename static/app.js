// Optional: the check works fully without this file (DESIGN.md §4).
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it.
  var summary = document.querySelector("[data-autofocus]");
  if (summary) { summary.focus(); }

  // A note: how many characters are left, while typing (GOV.UK character
  // count); the server still checks, and nothing is cut.
  var notes = document.querySelectorAll("input[data-maxlength]");
  for (var n = 0; n < notes.length; n++) {
    (function (input) {
      var count = input.parentNode.querySelector(".character-count");
      if (!count) { return; }
      var limit = parseInt(input.getAttribute("data-maxlength"), 10);
      function update() {
        var left = limit - input.value.length;
        var template = count.getAttribute(left >= 0 ? "data-left" : "data-over");
        count.textContent = template.replace("COUNT", String(Math.abs(left)));
        count.className = "hint character-count" + (left < 0 ? " character-count-over" : "");
      }
      count.hidden = false;
      update();
      input.addEventListener("input", update);
    })(notes[n]);
  }

  // A follow-up question under its choice shows only while that choice is
  // picked (GOV.UK conditional reveal); without JavaScript it always shows.
  var revealing = document.querySelectorAll("input[data-reveals]");
  for (var r = 0; r < revealing.length; r++) {
    (function (input) {
      var more = document.getElementById(input.getAttribute("data-reveals"));
      var group = document.getElementsByName(input.name);
      function update() {
        more.hidden = !input.checked;
        input.setAttribute("aria-expanded", input.checked ? "true" : "false");
      }
      for (var k = 0; k < group.length; k++) { group[k].addEventListener("change", update); }
      update();
    })(revealing[r]);
  }

  // "None of these" unticks the others, and the others untick it.
  var exclusive = document.querySelectorAll("input[data-exclusive]");
  for (var x = 0; x < exclusive.length; x++) {
    (function (none) {
      var group = document.getElementsByName(none.name);
      for (var k = 0; k < group.length; k++) {
        group[k].addEventListener("change", function (event) {
          if (!event.target.checked) { return; }
          for (var m = 0; m < group.length; m++) {
            if ((event.target === none) !== (group[m] === none)) { group[m].checked = false; }
          }
        });
      }
    })(exclusive[x]);
  }

  // The print button only makes sense when JavaScript can print.
  var buttons = document.querySelectorAll(".js-print");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener("click", function () { window.print(); });
  }

  // Kiosk: after a time without input, warn with a countdown that one
  // action extends (WCAG 2.2.1), then erase and go back to the start.
  var body = document.body;
  var idleLimit = parseInt(body.getAttribute("data-kiosk-idle"), 10);
  if (!idleLimit) { return; }
  var warningTime = parseInt(body.getAttribute("data-kiosk-warning"), 10) || 60;
  var timeoutUrl = body.getAttribute("data-kiosk-timeout-url");
  var keepAliveUrl = body.getAttribute("data-kiosk-keep-alive-url");
  var token = body.getAttribute("data-kiosk-token");
  var dialog = document.getElementById("kiosk-warning");
  var seconds = dialog.querySelector(".kiosk-seconds");
  var announce = document.getElementById("kiosk-announce");
  var idle = 0;

  // The server refuses kiosk answers the idle time plus the warning time
  // after the last request. A person who reads, scrolls or types a long
  // note sends none: tell the server they are still there, at most every
  // 30 seconds (more often only when the limits are shorter) and only when
  // there was activity since the last time.
  var keepAliveEvery = Math.max(1, Math.min(30, Math.floor((idleLimit + warningTime) / 2)));
  var sinceRequest = 0;       // seconds since the page or the last keep-alive
  var activeSinceRequest = false;

  function keepAlive() {
    activeSinceRequest = false;
    sinceRequest = 0;
    if (!keepAliveUrl || !window.fetch) { return; }
    window.fetch(keepAliveUrl, {
      method: "POST",
      headers: {"X-CSRFToken": token},
      credentials: "same-origin",
      cache: "no-store"
    }).catch(function () { /* the next page or keep-alive tries again */ });
  }

  function activity() {
    if (dialog.hidden) {
      idle = 0;
      activeSinceRequest = true;
    }
  }
  ["pointerdown", "keydown", "touchstart", "input", "wheel"].forEach(function (name) {
    document.addEventListener(name, activity, true);
  });
  dialog.querySelector("[data-kiosk-extend]").addEventListener("click", function () {
    dialog.hidden = true;
    announce.textContent = "";
    idle = 0;
    keepAlive();
  });
  setInterval(function () {
    idle += 1;
    sinceRequest += 1;
    var left = idleLimit + warningTime - idle;
    if (left <= 0) {
      window.location.replace(timeoutUrl);
      return;
    }
    if (activeSinceRequest && sinceRequest >= keepAliveEvery) {
      keepAlive();
    }
    if (idle >= idleLimit) {
      if (dialog.hidden) {
        dialog.hidden = false;
        dialog.querySelector("[data-kiosk-extend]").focus();
      }
      seconds.textContent = String(left);
      // Announce at the start and every 15 seconds, not every second.
      if ((idle - idleLimit) % 15 === 0) {
        announce.textContent = announce.getAttribute("data-template").replace("SECONDS", String(left));
      }
    }
  }, 1000);
})();
