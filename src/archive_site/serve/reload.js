// Added by `archive-site serve` (never part of a built site): reload the page
// when a new build is live, or when the build's problems change; the search page
// (which has data-index) also when another search index is swapped in.
(function () {
  "use strict";
  var me = document.currentScript;
  var endpoint = me.getAttribute("data-endpoint");
  var version = me.getAttribute("data-version");
  var index = me.getAttribute("data-index");
  // A look every quarter second (a tiny JSON from this machine): a save shows within
  // the build's time and a quarter second; on errors (the server stopped) less often.
  var EVERY = 250, delay = EVERY, timer = 0;
  function later(ms) { clearTimeout(timer); timer = setTimeout(check, ms); }
  function check() {
    fetch(endpoint, { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (state) {
        if (state.version !== version ||
            (index !== null && String(state.index) !== index)) { location.reload(); return; }
        delay = EVERY;
        later(delay);
      })
      .catch(function () { delay = Math.min(delay * 2, 10000); later(delay); });
  }
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { later(0); }
  });
  later(delay);
})();
