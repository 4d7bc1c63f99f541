// Keeps each countdown to a first-response time live. The server stamps its own time on the page (data-now), and
// the count runs from that, so a browser whose clock is wrong - or a test host on a fake clock - still counts right.
(function () {
  "use strict";
  var rendered = Date.parse(document.body.getAttribute("data-now"));
  if (isNaN(rendered)) return;
  var offset = rendered - Date.now();
  var clocks = Array.prototype.slice.call(document.querySelectorAll("[data-due]"));
  if (clocks.length === 0) return;

  // The same words as DashboardTime.Countdown on the server.
  function span(ms) {
    var minutes = Math.ceil(ms / 60000), days = Math.floor(minutes / 1440), hours = Math.floor(minutes / 60) % 24, mins = minutes % 60;
    if (days > 0) return days + " d " + hours + " h";
    if (hours > 0) return hours + " h " + (mins < 10 ? "0" : "") + mins + " min";
    return mins + " min";
  }

  var states = { "on-time": "On time", "at-risk": "At risk", "breached": "Breached" };

  function tick() {
    var now = Date.now() + offset;
    clocks.forEach(function (clock) {
      var due = Date.parse(clock.getAttribute("data-due")), risk = Date.parse(clock.getAttribute("data-at-risk"));
      var left = due - now;
      var text = clock.querySelector(".countdown");
      if (text) text.textContent = left > 0 ? span(left) + " left" : "overdue by " + span(-left);
      var state = left <= 0 ? "breached" : now >= risk ? "at-risk" : "on-time";
      if (clock.getAttribute("data-state") === state) return;
      clock.setAttribute("data-state", state);
      ["on-time", "at-risk", "breached"].forEach(function (name) { clock.classList.toggle(name, name === state); });
      var badge = clock.querySelector(".badge");
      if (badge) {
        ["on-time", "at-risk", "breached"].forEach(function (name) { badge.classList.toggle(name, name === state); });
        badge.textContent = states[state];
      }
    });
  }

  tick();
  setInterval(tick, 1000);
})();
