// dossier search: queries the sharded index in search/ from the browser.
// A query fetches meta.json once, the index shards of its terms, and the
// document files of the results it shows; nothing else. The format is
// described in src/publish/search.rs.
(function () {
  "use strict";
  const app = document.getElementById("search");
  if (!app) return;
  const indexUrl = app.dataset.index; // ".../search/"
  const home = app.dataset.home; // the site's base path, "/" or "/sub/"
  const form = app.querySelector("form");
  const input = app.querySelector("input[name=q]");
  const status = app.querySelector(".search-status");
  const list = app.querySelector(".search-results");
  const more = app.querySelector(".search-more");
  const PAGE = 20;

  const cache = new Map();
  function get(path) {
    if (!cache.has(path)) {
      cache.set(
        path,
        fetch(indexUrl + path).then((r) => {
          if (!r.ok) throw new Error(r.status + " " + path);
          return r.json();
        })
      );
    }
    return cache.get(path);
  }

  let meta = null;
  let keys = null;
  let stop = new Set();
  async function load() {
    if (!meta) {
      meta = await get("meta.json");
      keys = new Set(meta.shards);
      stop = new Set(meta.stop);
    }
  }

  // The same terms as the index: NFKD without marks, lowercase, letters and
  // digits, two characters or more.
  function terms(text) {
    return text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => [...t].length >= 2 && !stop.has(t));
  }

  function fileName(key) {
    return [...key]
      .map((c) => (/[a-z0-9]/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_"))
      .join("");
  }

  // The shard a term lives in: the longest listed key that is a prefix of it.
  function shardOf(term) {
    const chars = [...term];
    for (let n = Math.min(chars.length, meta.maxkey); n >= 2; n--) {
      const key = chars.slice(0, n).join("");
      if (keys.has(key)) return key;
    }
    return null;
  }

  // doc -> score for one query term; `prefix` also matches longer terms.
  async function match(term, prefix) {
    const wanted = new Set();
    const own = shardOf(term);
    if (own) wanted.add(own);
    if (prefix) {
      for (const key of meta.shards) {
        if (key.length > term.length && key.startsWith(term)) wanted.add(key);
      }
    }
    const shards = await Promise.all(
      [...wanted].map((key) => get("index/" + fileName(key) + ".json"))
    );
    const scores = new Map();
    for (const shard of shards) {
      for (const t of Object.keys(shard)) {
        const exact = t === term;
        if (!exact && !(prefix && t.startsWith(term))) continue;
        const postings = shard[t];
        const df = postings.length / 2;
        const idf = Math.log(1 + meta.docs / df) * (exact ? 1 : 0.5);
        let doc = 0;
        for (let i = 0; i < postings.length; i += 2) {
          doc += postings[i];
          scores.set(doc, (scores.get(doc) || 0) + postings[i + 1] * idf);
        }
      }
    }
    return scores;
  }

  async function doc(id) {
    const chunk = await get("docs/" + Math.floor(id / meta.chunk) + ".json");
    const [kind, title, url, date, source, snippet] = chunk[id % meta.chunk];
    return { id, kind: meta.kinds[kind], title, url: home + url, date, source: source >= 0 ? meta.sources[source] : null, snippet };
  }

  // As the pages write dates: 21 February 2016.
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  function humanDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "";
    return Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
  }

  const KIND_LABEL = { article: "Article", quotation: "Quotation", actor: "Actor", topic: "Topic" };

  function item(d) {
    const li = document.createElement("li");
    li.className = "search-result search-result-" + d.kind;
    const a = document.createElement("a");
    a.className = "search-title";
    a.href = d.url;
    a.textContent = d.title;
    li.append(a);
    const info = document.createElement("p");
    info.className = "search-meta";
    const kind = document.createElement("span");
    kind.className = "search-kind";
    kind.textContent = KIND_LABEL[d.kind] || d.kind;
    info.append(kind);
    if (d.date) {
      const time = document.createElement("time");
      time.dateTime = d.date;
      time.textContent = humanDate(d.date);
      info.append(" · ", time);
    }
    if (d.source) {
      const source = document.createElement("span");
      source.className = "search-source";
      source.textContent = d.source;
      info.append(" · ", source);
    }
    li.append(info);
    if (d.snippet) {
      const p = document.createElement("p");
      p.className = "search-snippet";
      p.textContent = d.snippet;
      li.append(p);
    }
    return li;
  }

  let ranked = [];
  let shown = 0;
  let generation = 0;

  async function showMore(gen) {
    const page = ranked.slice(shown, shown + PAGE);
    const docs = await Promise.all(page.map(([id]) => doc(id)));
    if (gen !== generation) return;
    list.append(...docs.map(item));
    shown += page.length;
    more.hidden = shown >= ranked.length;
  }

  async function run(query) {
    const gen = ++generation;
    query = query.trim();
    try {
      await load();
      const words = [...new Set(terms(query))];
      if (gen !== generation) return;
      if (!words.length) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = query ? "Type a longer word to search." : "";
        app.dataset.state = "idle";
        return;
      }
      app.dataset.state = "searching";
      const last = words.length - 1;
      const matches = await Promise.all(words.map((w, i) => match(w, i === last && [...w].length >= 3)));
      if (gen !== generation) return;
      // Every word must match.
      let scores = matches[0];
      for (const m of matches.slice(1)) {
        const both = new Map();
        for (const [id, s] of scores) if (m.has(id)) both.set(id, s + m.get(id));
        scores = both;
      }
      ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      shown = 0;
      list.replaceChildren();
      status.textContent =
        ranked.length === 0
          ? "No results for “" + query + "”."
          : ranked.length + (ranked.length === 1 ? " result" : " results") + " for “" + query + "”.";
      await showMore(gen);
      if (gen === generation) app.dataset.state = "done";
    } catch (e) {
      if (gen !== generation) return;
      status.textContent = "The search index could not be loaded (" + e.message + ").";
      app.dataset.state = "error";
    }
  }

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = input.value;
      const url = new URL(location.href);
      if (q.trim()) url.searchParams.set("q", q);
      else url.searchParams.delete("q");
      history.replaceState(null, "", url);
      run(q);
    }, 150);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", () => showMore(generation));

  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
