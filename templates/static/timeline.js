/* archive-site timeline filters: progressive enhancement. Without JavaScript the
   whole timeline shows, and the topic and entity pages list the same subsets. */
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams) return;
  var items = [].slice.call(document.querySelectorAll("li.ms"));
  var groups = [].slice.call(document.querySelectorAll("section.year, section.decade"));
  var jumps = [].slice.call(document.querySelectorAll(".jump a"));
  var marks = [].slice.call(document.querySelectorAll("svg.overview a"));
  var topic = form.elements.topic;
  var entity = form.elements.entity;
  var count = document.getElementById("f-count");
  var empty = document.getElementById("f-empty");
  // a year of several pages filters the page shown, and says so
  var on = form.getAttribute("data-part") === "page" ? " on this page" : "";

  // What an entry is filed under, read from its own links to topic and entity
  // pages; the same links name the choices of the two filters.
  var names = { topics: {}, entities: {} };
  var counts = { topics: {}, entities: {} };
  function ids(li, folder) {
    var out = {};
    [].forEach.call(li.querySelectorAll(".meta a"), function (a) {
      var m = /([^/]+)\/([a-z0-9-]+)\.html$/.exec(a.getAttribute("href"));
      if (m && m[1] === folder && !out[m[2]]) {
        out[m[2]] = true;
        names[folder][m[2]] = a.textContent;
        counts[folder][m[2]] = (counts[folder][m[2]] || 0) + 1;
      }
    });
    return out;
  }
  items.forEach(function (li) {
    li.topics = ids(li, "topics");
    li.entities = ids(li, "entities");
  });
  function fill(select, folder) {
    Object.keys(names[folder]).sort(function (a, b) {
      return names[folder][a].localeCompare(names[folder][b]);
    }).forEach(function (id) {
      var option = document.createElement("option");
      option.value = id;
      option.textContent = names[folder][id] + " (" + counts[folder][id] + ")";
      select.appendChild(option);
    });
  }
  fill(topic, "topics");
  fill(entity, "entities");

  function apply(remember) {
    var t = topic.value;
    var e = entity.value;
    var shown = {};
    var n = 0;
    items.forEach(function (li) {
      var ok = (!t || li.topics[t]) && (!e || li.entities[e]);
      li.hidden = !ok;
      if (ok) { shown[li.id] = true; n += 1; }
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("li.ms:not([hidden])"); });
    jumps.forEach(function (a) {
      var target = document.getElementById(a.getAttribute("href").slice(1));
      var section = target && target.closest("section");
      a.hidden = !!(section && section.hidden);
    });
    marks.forEach(function (a) {
      var id = (a.getAttribute("href") || "").split("#")[1];
      a.classList.toggle("off", !shown[id]);
    });
    count.textContent = (t || e) ? n + " of " + items.length + " milestones" + on : "";
    empty.hidden = n > 0;
    if (remember) {
      var q = new URLSearchParams();
      if (t) q.set("topic", t);
      if (e) q.set("entity", e);
      var search = q.toString();
      try {
        history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
      } catch (err) { /* some file:// contexts refuse; the filter still works */ }
    }
  }

  var start = new URLSearchParams(location.search);
  [[topic, "topic"], [entity, "entity"]].forEach(function (pair) {
    var v = start.get(pair[1]);
    if (v && pair[0].querySelector('option[value="' + v.replace(/[^a-z0-9-]/g, "") + '"]')) pair[0].value = v;
  });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.hidden = false;
  apply(false);
})();
