/* archive-site search: runs the query of search.html?q=...&kind=... with Pagefind's
   JavaScript API and the index in pagefind/, and keeps the query in the address so a
   search can be shared. Without JavaScript, or opened from a file (where a browser
   cannot load the index), the page keeps its plain message and links instead.
   Pagefind's code and index are loaded only once there is something to search. */
(function () {
  "use strict";
  var MARK = /[\u202a-\u202e\u2066-\u2069]/g, ISOLATES = "\u2066\u2067\u2068";

  // Words cut out of a page's text (Pagefind's: its paragraphs run together), closing the
  // writing directions they open and without the marks closing one they did not: else a
  // paragraph's override, open to its end as in its source, reversed the next paragraph's.
  function balanced(words) {
    var open = [];
    var out = words.map(function (w) {
      return w.replace(MARK, function (c) {
        var iso = -1;
        open.forEach(function (o, i) { if (ISOLATES.indexOf(o) >= 0) iso = i; });
        if (c === "\u202c") {
          if (!open.length || iso === open.length - 1) return "";
          open.pop();
        } else if (c === "\u2069") {
          if (iso < 0) return "";
          open.length = iso;
        } else open.push(c);
        return c;
      });
    });
    if (out.length) out[out.length - 1] += open.reverse().map(function (o) { return ISOLATES.indexOf(o) >= 0 ? "\u2069" : "\u202c"; }).join("");
    return out;
  }
  if (typeof document === "undefined") return void (module.exports = { balanced: balanced }); // (a test's, in Node)

  var form = document.getElementById("search");
  if (!form || location.protocol === "file:" || !window.URLSearchParams) return;
  var off = document.getElementById("search-off");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  // A filter: a menu, or (of many values) a box to type one in, suggesting the index's values.
  var selects = [].slice.call(form.querySelectorAll("[data-filter]"));
  var sort = form.elements.sort;
  var PAGE = 10; // results whose text is fetched at a time
  var AROUND = 12; // words of context on each side of a match
  var PARAGRAPH = /^p(\d+)$/; // paragraph anchors of article pages: articles/ID.html#p7

  form.hidden = false;
  off.hidden = true;
  selects.forEach(function (s) {
    if (s.options) [].forEach.call(s.options, function (o) { o.label0 = o.textContent; });
  });

  // A large archive's index is in shards (see searchindex.py): the first, at data-index,
  // lists the others in its entry, merged in with mergeIndex (one WebAssembly), each
  // tagged with a filter "shard" (the first has none) for sortedSearch.
  var engine = null;
  function pagefind() {
    if (!engine) {
      var url = new URL(form.getAttribute("data-index"), document.baseURI).href;
      var folder = new URL("./", url).href;
      engine = import(url).then(function (pf) {
        // Result paths from the site's root (see link); searching on the page itself
        // saves loading Pagefind's web worker, which a small index does not need.
        return pf.options({ baseUrl: "/", noWorker: true }).then(function () {
          return json(folder + "pagefind-entry.json");
        }).then(function (entry) {
          var more = entry.archive_site_shards || [];
          return Promise.all(more.map(function (shard, i) {
            return pf.mergeIndex(folder + shard, { baseUrl: "/", mergeFilter: { shard: "" + (i + 1) } });
          })).then(function () {
            // Pagefind counts a filter's values only once its filters are loaded: else
            // every option would say "(0)" whatever the results hold.
            return pf.filters();
          }).then(function () {
            return { pf: pf, folder: folder, shards: [""].concat(more) };
          });
        });
      });
    }
    return engine;
  }

  function json(url) {
    return fetch(url, { cache: "no-cache" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // Pagefind's merge orders by score, and a sorted search scores a result by its place in
  // its shard's order: shards would interleave. So each shard is searched apart, each
  // result's value read at its place in its shard's sorts.json, and all put in order by
  // value (then shard, then place), as one index would.
  function sortedSearch(index, q, options, key) {
    var down = options.sort[key] === "desc";
    var others = index.shards.slice(1).map(function (_, i) { return "" + (i + 1); });
    index.sorts = index.sorts || Promise.all(index.shards.map(function (shard) {
      return json(index.folder + shard + "sorts.json");
    }));
    return Promise.all([index.sorts].concat(index.shards.map(function (_, n) {
      var filters = Object.assign({}, options.filters, { shard: n ? "" + n : { none: others } });
      return index.pf.search(q, { filters: filters, sort: options.sort });
    }))).then(function (all) {
      var ranked = [];
      var counts = {};
      all.slice(1).forEach(function (f, n) {
        var table = all[0][n][key]; // none: no page of the shard has the key (left out)
        if (table) f.results.forEach(function (r, place) {
          var value = table[Math.abs(r.score)];
          if (value === undefined) throw new Error("a result outside its shard's order");
          ranked.push({ r: r, value: value, shard: n, place: place });
        });
        Object.keys(f.filters).forEach(function (name) {
          var into = counts[name] = counts[name] || {};
          Object.keys(f.filters[name]).forEach(function (v) {
            into[v] = (into[v] || 0) + f.filters[name][v];
          });
        });
      });
      ranked.sort(function (a, b) {
        if (a.value !== b.value) return (a.value < b.value) === down ? 1 : -1;
        return a.shard - b.shard || a.place - b.place;
      });
      return { results: ranked.map(function (x) { return x.r; }), filters: counts };
    });
  }

  function query(q, options) {
    return pagefind().then(function (index) {
      if (!options.sort || index.shards.length < 2) return index.pf.search(q, options);
      return sortedSearch(index, q, options, Object.keys(options.sort)[0]);
    });
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    selects.concat([sort]).forEach(function (s) {
      var v = params.get(s.name) || "";
      s.value = !s.options || [].some.call(s.options, function (o) { return o.value === v; }) ? v : "";
    });
  }

  function value(s) { return s.value.trim(); }

  function toAddress() {
    var params = new URLSearchParams();
    var q = form.elements.q.value.trim();
    if (q) params.set("q", q);
    selects.concat([sort]).forEach(function (s) { if (value(s)) params.set(s.name, value(s)); });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // A stretch of the page's words around its first match, the matches marked.
  function excerpt(words, hits, from, to) {
    var inside = hits.filter(function (h) { return h >= from && h < to; });
    var first = inside.length ? inside[0] : from;
    var start = Math.max(from, first - AROUND);
    var end = Math.min(to, first + AROUND + 1);
    var p = el("p");
    var marked = {};
    var shown = balanced(words.slice(start, end));
    inside.forEach(function (h) { marked[h] = true; });
    if (start > from) p.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i += 1) {
      if (i > start) p.appendChild(document.createTextNode(" "));
      if (marked[i]) p.appendChild(el("mark", shown[i - start]));
      else p.appendChild(document.createTextNode(shown[i - start]));
    }
    if (end < to) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  // Paragraphs of an article that hold matches: up to three, those with most first.
  function paragraphs(data, hits) {
    var anchors = (data.anchors || []).slice().sort(function (a, b) { return a.location - b.location; });
    var found = [];
    anchors.forEach(function (a, n) {
      var m = PARAGRAPH.exec(a.id || "");
      if (!m) return;
      var end = n + 1 < anchors.length ? anchors[n + 1].location : Infinity;
      var count = hits.filter(function (h) { return h >= a.location && h < end; }).length;
      if (count) found.push({ id: a.id, number: m[1], from: a.location, to: end, count: count });
    });
    found.sort(function (a, b) { return b.count - a.count || a.from - b.from; });
    return found.slice(0, 3).sort(function (a, b) { return a.from - b.from; });
  }

  function link(url) {
    // Pagefind gives paths from the site's root ("/articles/x.html"); this page is at
    // the root, so the same path without its slash works at any address, sub-path or not.
    return url.replace(/^\/+/, "");
  }

  function item(data) {
    var li = el("li");
    var meta = data.meta || {};
    // an article in another language than the site's: its words are marked as its page marks them
    function own(e) { if (meta.lang) { e.lang = meta.lang; if (meta.dir) e.dir = meta.dir; } return e; }
    var words = (data.content || "").split(/\s+/);
    var hits = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    li.appendChild(el("p", [meta.kind, meta.date].filter(Boolean).join(" · "), "kind"));
    var h = el("h2");
    var a = own(el("a", meta.title || data.url));
    a.href = link(data.url);
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(own(excerpt(words, hits, 0, words.length)));
    var paras = paragraphs(data, hits);
    if (paras.length) {
      var ul = el("ul");
      paras.forEach(function (p) {
        var sub = el("li");
        var pa = el("a", "¶" + p.number);
        pa.href = link(data.url) + "#" + p.id;
        pa.setAttribute("aria-label", "Paragraph " + p.number + " of " + (meta.title || ""));
        if (meta.lang) pa.lang = document.documentElement.lang;
        var text = own(excerpt(words, hits, p.from, Math.min(p.to, words.length)));
        text.insertBefore(pa, text.firstChild);
        sub.appendChild(text);
        ul.appendChild(sub);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function counts(filters) {
    selects.forEach(function (s) {
      var values = (filters && filters[s.getAttribute("data-filter")]) || {};
      if (!s.options) return suggest(s, values);
      [].forEach.call(s.options, function (o) {
        if (o.value) o.textContent = o.label0 + " (" + (values[o.value] || 0) + ")";
      });
    });
  }

  // A box offers every value of the index, as a menu does (filled when first needed), with
  // the results' counts, else the index's.
  function suggest(box, counts) {
    var list = box.list;
    return (list.options.length ? Promise.resolve() : pagefind().then(function (i) {
      return i.pf.filters();
    }).then(function (all) {
      var values = all[box.getAttribute("data-filter")] || {};
      var numeric = { numeric: true }; // years in order: 9, 10, 1990
      if (!list.options.length) Object.keys(values).sort(function (a, b) {
        return a.localeCompare(b, "en", numeric);
      }).forEach(function (v) { list.appendChild(new Option(v + " (" + values[v] + ")", v)); });
    })).then(function () {
      if (counts) [].forEach.call(list.options, function (o) {
        o.textContent = o.value + " (" + (counts[o.value] || 0) + ")";
      });
    }, function () {});
  }

  var shown = [];
  var run = 0;
  // focus: the first added result's link (the button may hide)
  function showMore(mine, focus) {
    var start = list.children.length;
    var next = shown.slice(start, start + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (all) {
      if (mine !== run) return;
      all.forEach(function (d) { list.appendChild(item(d)); });
      if (focus && all.length) list.children[start].querySelector("h2 a").focus();
      more.hidden = list.children.length >= shown.length;
    });
  }

  function search() {
    var mine = (run += 1);
    var q = form.elements.q.value.trim();
    var filters = {};
    selects.forEach(function (s) { if (value(s)) filters[s.getAttribute("data-filter")] = value(s); });
    list.textContent = "";
    more.hidden = true;
    if (!q && !Object.keys(filters).length) {
      status.textContent = "Type a word or two, or choose a filter.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    var options = { filters: filters };
    if (sort.value) options.sort = { date: sort.value === "date-asc" ? "asc" : "desc" };
    return query(q || null, options).then(function (found) {
      if (mine !== run) return;
      shown = found.results;
      counts(found.filters);
      var n = shown.length;
      var what = q ? " for “" + q + "”" : "";
      var narrowed = Object.keys(filters).length ? ", filtered" : "";
      var dated = sort.value ? "; in date order, dated results only (articles, milestones, years)" : "";
      status.textContent = (n ? n + (n === 1 ? " result" : " results") : "No results") + what + narrowed + dated + ".";
      return showMore(mine);
    }).catch(function (err) {
      if (mine !== run) return;
      status.textContent = "The search index could not be loaded (" + err.message + ").";
      off.hidden = false;
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    toAddress();
    search();
  });
  selects.concat([sort]).forEach(function (s) {
    s.addEventListener("change", function () { toAddress(); search(); });
    if (!s.options) s.addEventListener("focus", function () { suggest(s); });
  });
  more.addEventListener("click", function () { showMore(run, true); });
  fromAddress();
  search();
}());
