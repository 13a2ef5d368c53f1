// cardfile: search across every record. The index is a set of script files under search/,
// loaded with <script> tags the first time the search box is used: no fetch, so it works
// from file:// as from any web server. A query is folded and split as cardfile's tokeniser
// does (src/render/search/tokens.rs): Chinese by characters and pairs, Latin words and numbers
// as prefixes.
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  var script = document.currentScript;
  if (!box || !script) return;
  var input = box.querySelector("input");
  var list = box.querySelector("[role=listbox]");
  var status = box.querySelector("[role=status]");
  var root = script.src.replace(/assets\/search\.js([?#].*)?$/, "");
  var KINDS = ["customer", "contact", "order", "complaint", "interaction", "note", "history"];
  var SHOWN = 20, LOOKUPS = 8;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var loaded = {}, waiting = {}, decoded = {}, matches = {};
  var asked = 0, active = -1;

  window.cardfileSearch = {
    put: function (name, data) {
      loaded[name] = data;
    }
  };

  function load(name, done) {
    if (loaded[name]) return done();
    if (waiting[name]) return waiting[name].push(done);
    waiting[name] = [done];
    var s = document.createElement("script");
    s.src = root + "search/" + name + ".js";
    function arrived() {
      var calls = waiting[name];
      delete waiting[name];
      loaded[name] = loaded[name] || {};
      calls.forEach(function (f) { f(); });
    }
    s.addEventListener("load", arrived);
    s.addEventListener("error", arrived);
    document.head.appendChild(s);
  }

  function loadAll(names, done) {
    var left = names.length;
    if (!left) return done();
    names.forEach(function (n) { load(n, function () { if (--left === 0) done(); }); });
  }

  function fold(s) {
    return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function isDigit(c) {
    return c >= "0" && c <= "9";
  }

  function isJoiner(c) {
    return c === " " || c === "-" || c === ".";
  }

  // The terms to look up (exact for Chinese, prefixes for Latin words and numbers) and the
  // strings to highlight.
  function parse(query) {
    var c = Array.from(fold(query)), lookups = [], marks = [], i = 0;
    function lookup(t, exact) {
      if (!lookups.some(function (l) { return l.t === t && l.exact === exact; })) lookups.push({ t: t, exact: exact });
    }
    while (i < c.length) {
      var start = i;
      if (CJK.test(c[i])) {
        while (i < c.length && CJK.test(c[i])) i++;
        var run = c.slice(start, i);
        marks.push(run.join(""));
        if (run.length === 1) lookup(run[0], true);
        for (var j = 0; j + 1 < run.length; j++) lookup(run[j] + run[j + 1], true);
      } else if (WORD.test(c[i])) {
        while (i < c.length && WORD.test(c[i]) && !CJK.test(c[i])) i++;
        var word = c.slice(start, i).join("");
        if (/^[0-9]+$/.test(word)) {
          while (i + 1 < c.length && isJoiner(c[i]) && isDigit(c[i + 1])) {
            var next = i + 1;
            while (next < c.length && WORD.test(c[next]) && !CJK.test(c[next])) next++;
            var group = c.slice(i + 1, next).join("");
            if (!/^[0-9]+$/.test(group)) break;
            word += group;
            i = next;
          }
        }
        marks.push(word);
        // One letter or digit alone is the start of too many words: wait for the next key.
        if (Array.from(word).length > 1) lookup(word, false);
      } else {
        i++;
      }
    }
    return { lookups: lookups.slice(0, LOOKUPS), marks: marks };
  }

  function bucketOf(term, buckets) {
    var h = 0x811c9dc5, cs = Array.from(term).slice(0, 2);
    for (var i = 0; i < cs.length; i++) h = Math.imul(h ^ cs[i].codePointAt(0), 0x01000193) >>> 0;
    return "b" + (h & (buckets - 1));
  }

  function ids(bucket, term) {
    var key = bucket + " " + term;
    if (!decoded[key]) {
      var deltas = loaded[bucket][term] || [], out = new Array(deltas.length), last = 0;
      for (var i = 0; i < deltas.length; i++) out[i] = last += deltas[i];
      decoded[key] = out;
    }
    return decoded[key];
  }

  // The ascending ids of the documents that hold a term (or a term it begins).
  function matching(l, buckets) {
    var key = (l.exact ? "=" : "^") + l.t;
    if (matches[key]) return matches[key];
    var bucket = bucketOf(l.t, buckets), found;
    if (l.exact) {
      found = ids(bucket, l.t);
    } else {
      var seen = {};
      found = [];
      Object.keys(loaded[bucket]).forEach(function (term) {
        if (term.lastIndexOf(l.t, 0) !== 0) return;
        ids(bucket, term).forEach(function (id) {
          if (!seen[id]) { seen[id] = true; found.push(id); }
        });
      });
      found.sort(function (a, b) { return a - b; });
    }
    return (matches[key] = found);
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  function chunkOf(id, firsts) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= id) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // `text` with the first places that match `marks` in <mark>, around the first match.
  function highlighted(text, marks, window) {
    var chars = Array.from(text), folded = "", map = [];
    chars.forEach(function (c, i) {
      if (isJoiner(c) && isDigit(chars[i - 1] || "") && isDigit(chars[i + 1] || "")) return;
      var f = fold(c);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
    });
    var ranges = [];
    marks.forEach(function (m) {
      var at = folded.indexOf(m);
      if (m && at >= 0) ranges.push([map[at], map[at + m.length - 1] + 1]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var from = 0, to = chars.length;
    if (window && chars.length > window) {
      from = ranges.length ? Math.max(0, ranges[0][0] - 20) : 0;
      to = Math.min(chars.length, from + window);
    }
    var out = document.createDocumentFragment(), at = from;
    if (from > 0) out.appendChild(document.createTextNode("…"));
    ranges.forEach(function (r) {
      var start = Math.max(r[0], at), end = Math.min(r[1], to);
      if (start >= end) return;
      out.appendChild(document.createTextNode(chars.slice(at, start).join("")));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(start, end).join("");
      out.appendChild(mark);
      at = end;
    });
    out.appendChild(document.createTextNode(chars.slice(at, to).join("")));
    if (to < chars.length) out.appendChild(document.createTextNode("…"));
    return out;
  }

  function show(docs, marks, query) {
    list.textContent = "";
    active = -1;
    docs.forEach(function (d, n) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.setAttribute("role", "option");
      li.id = "search-hit-" + n;
      a.href = root + "customers/" + d[3] + ".html" + (d[4] ? "#" + d[4] : "");
      a.tabIndex = -1;
      var kind = document.createElement("span");
      kind.className = "hit-kind";
      kind.textContent = box.getAttribute("data-kind-" + KINDS[d[0]]) || "";
      var title = document.createElement("b");
      title.className = "hit-title";
      title.appendChild(highlighted(d[1], d[0] === 0 ? marks : [], 0));
      var text = document.createElement("span");
      text.className = "hit-text";
      text.appendChild(highlighted(d[2], marks, 90));
      a.appendChild(kind);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = docs.length === 0;
    input.setAttribute("aria-expanded", docs.length ? "true" : "false");
    input.removeAttribute("aria-activedescendant");
    status.textContent = query && !docs.length ? box.getAttribute("data-none") : "";
    box.setAttribute("data-shown", query);
  }

  function search() {
    var query = input.value.trim(), mine = ++asked;
    var parsed = parse(query);
    if (!parsed.lookups.length) {
      show([], [], "");
      box.setAttribute("data-shown", query);
      return box.setAttribute("data-state", "done");
    }
    box.setAttribute("data-state", "loading");
    load("index", function () {
      var manifest = loaded.index, buckets = manifest.buckets;
      if (!buckets) return box.setAttribute("data-state", "failed");
      var names = parsed.lookups.map(function (l) { return bucketOf(l.t, buckets); });
      loadAll(names.filter(function (n, i) { return names.indexOf(n) === i; }), function () {
        if (mine !== asked) return;
        var found = null;
        parsed.lookups
          .map(function (l) { return matching(l, buckets); })
          .sort(function (a, b) { return a.length - b.length; })
          .forEach(function (m) { found = found === null ? m : intersect(found, m); });
        var hits = found.slice(0, SHOWN);
        var chunks = hits.map(function (id) { return chunkOf(id, manifest.chunks); });
        var wanted = chunks.filter(function (c, i) { return chunks.indexOf(c) === i; });
        loadAll(wanted.map(function (c) { return "d" + c; }), function () {
          if (mine !== asked) return;
          show(hits.map(function (id, i) { return loaded["d" + chunks[i]][id - manifest.chunks[chunks[i]]]; }), parsed.marks, query);
          box.setAttribute("data-state", "done");
        });
      });
    });
  }

  function close() {
    list.hidden = true;
    status.textContent = "";
    input.setAttribute("aria-expanded", "false");
  }

  function move(by) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    if (active >= 0) options[active].classList.remove("active");
    active = (active + by + options.length) % options.length;
    options[active].classList.add("active");
    options[active].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  box.hidden = false;
  input.addEventListener("focus", function () { load("index", function () {}); });
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(e.key === "ArrowDown" ? 1 : -1);
    } else if (e.key === "Enter") {
      var options = list.querySelectorAll("[role=option] a");
      if (options.length) {
        e.preventDefault();
        window.location.href = options[Math.max(active, 0)].href;
      }
    } else if (e.key === "Escape") {
      if (!list.hidden || status.textContent) close(); else { input.value = ""; search(); }
    }
  });
  document.addEventListener("click", function (e) {
    if (!box.contains(e.target)) close();
  });
  input.addEventListener("focus", function () { if (list.children.length) list.hidden = false; });
})();
