// Chronicle's page: hash routes (#/, #/entity/NAME, #/search/QUERY, #/doc/ID),
// plain DOM, no dependencies.
"use strict";

const main = document.getElementById("main");
const SVG = "http://www.w3.org/2000/svg";

function esc(s) {
  return String(s == null ? "" : s).replace(/[&<>"']/g, c =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path) {
  const r = await fetch(path);
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) { const e = new Error(body.error || r.statusText); e.body = body; e.status = r.status; throw e; }
  return body;
}

function entityLink(name) {
  return `<a href="#/entity/${encodeURIComponent(name)}">${esc(name)}</a>`;
}

function docLink(p, label) {
  const q = p.start != null ? `?start=${p.start}&end=${p.end}` : "";
  return `<a href="#/doc/${encodeURIComponent(p.doc)}${q}" title="${esc(p.title || p.doc)}">${esc(label || p.doc)}</a>`;
}

function sourcesHtml(prov) {
  return (prov || []).map(p => docLink(p, p.date ? `${p.doc} (${p.date})` : p.doc)).join(", ");
}

function kindClass(kind) {
  if (kind === "mention" || kind === "quote" || kind === "denial") return "kind-" + kind;
  return "kind-event";
}

// A TIMEX3 calendar value (YYYY, YYYY-MM, YYYY-MM-DD) as a time in ms.
function dateValue(d) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d || "");
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
}

const LANES = [["event", "events"], ["quote", "statements"], ["mention", "mentions"]];
function laneOf(kind) { return kind === "mention" ? 2 : kind === "quote" ? 1 : 0; }

// The visual timeline: one circle per item on a time axis, one lane per
// kind; circles in the same spot stack upwards. Each links to its source.
function drawTimeline(items) {
  const dated = items.map(it => ({ it, t: dateValue(it.date) })).filter(x => x.t != null);
  const W = 1000, left = 90, right = 20, laneH = 70, top = 20;
  const H = top + LANES.length * laneH + 40;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  svg.setAttribute("class", "timeline");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Timeline of ${dated.length} items`);
  svg.dataset.items = String(dated.length);
  if (!dated.length) return svg;
  let t0 = Math.min(...dated.map(x => x.t)), t1 = Math.max(...dated.map(x => x.t));
  const pad = Math.max((t1 - t0) * 0.03, 15 * 864e5);
  t0 -= pad; t1 += pad;
  const x = t => left + (t - t0) / (t1 - t0) * (W - left - right);
  const axisY = top + LANES.length * laneH;
  const add = (tag, attrs, parent) => {
    const el = document.createElementNS(SVG, tag);
    for (const k in attrs) el.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(el);
    return el;
  };
  // Ticks: years, or months when the span is short.
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  const monthly = y1 - y0 < 2;
  const ticks = [];
  for (let y = y0; y <= y1 + 1; y++) {
    for (let m = 0; m < 12; m += monthly ? (y1 - y0 < 1 ? 1 : 3) : 12) {
      const t = Date.UTC(y, m, 1);
      if (t >= t0 && t <= t1) ticks.push([t, monthly ? `${y}-${String(m + 1).padStart(2, "0")}` : String(y)]);
    }
  }
  const step = Math.ceil(ticks.length / 14);
  ticks.forEach(([t, label], i) => {
    if (i % step) return;
    const g = add("g", { class: "tick" });
    add("line", { x1: x(t), x2: x(t), y1: top - 10, y2: axisY }, g);
    const tx = add("text", { x: x(t), y: axisY + 16, "text-anchor": "middle" }, g);
    tx.textContent = label;
  });
  add("line", { class: "axis", x1: left, x2: W - right, y1: axisY, y2: axisY });
  LANES.forEach(([, label], i) => {
    const tx = add("text", { class: "lane-label", x: 8, y: top + i * laneH + laneH / 2 + 4 });
    tx.textContent = label;
  });
  const stacks = new Map();
  for (const { it, t } of dated) {
    const lane = laneOf(it.kind);
    const cx = x(t);
    const key = lane + ":" + Math.round(cx / 9);
    const n = stacks.get(key) || 0;
    stacks.set(key, n + 1);
    const cy = top + lane * laneH + laneH - 12 - (n % 5) * 11;
    const p = (it.provenance || [])[0] || { doc: it.sources[0] };
    const a = add("a", { href: `#/doc/${encodeURIComponent(p.doc)}?start=${p.start || 0}&end=${p.end || 0}` });
    const r = Math.min(4 + it.sources.length, 9);
    const c = add("circle", { class: `item ${kindClass(it.kind)}`, cx, cy, r, "data-date": it.date, "data-kind": it.kind }, a);
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${it.date} · ${it.kind} · ${it.sources.length} source(s)\n${it.text.slice(0, 200)}`;
    c.appendChild(title);
  }
  return svg;
}

async function home() {
  main.innerHTML = `<h1>Chronicle</h1><p class="muted">A time-anchored knowledge base of news articles.</p>
    <div class="grid"><section><h2>Most mentioned people</h2><ul class="plain" id="people"></ul></section>
    <section><h2>Most mentioned organisations and places</h2><ul class="plain" id="others"></ul></section></div>
    <section><h2>Conflicts</h2><div id="conflicts"></div></section>`;
  const [stats, people, orgs, conflicts] = await Promise.all([
    api("/api/stats"), api("/api/entities?type=PER&limit=15"), api("/api/entities?limit=30"), api("/api/conflicts"),
  ]);
  main.querySelector("p.muted").textContent = `${stats.docs} articles, ${stats.entities} entity mentions, ${stats.quotes} quotes, ${stats.events} events` +
    (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
  document.getElementById("people").innerHTML = people.map(e =>
    `<li>${entityLink(e.name)} <span class="muted">${e.mentions} mentions</span></li>`).join("") || "<li class=muted>none yet</li>";
  document.getElementById("others").innerHTML = orgs.filter(e => e.type !== "PER").slice(0, 15).map(e =>
    `<li><span class="badge">${esc(e.type)}</span>${entityLink(e.name)} <span class="muted">${e.mentions}</span></li>`).join("") || "<li class=muted>none yet</li>";
  document.getElementById("conflicts").innerHTML = conflictsHtml(conflicts);
}

function conflictsHtml(list) {
  if (!list.length) return `<p class="muted">No contradicted statements found.</p>`;
  return list.map(c => `<div class="card conflict">
    <div>${entityLink(c.speaker)} denied contact with <b>${esc(c.statement.denied)}</b>
      <span class="muted">(${esc(c.statement.date || "undated")}, ${sourcesHtml(c.statement.provenance)})</span></div>
    <blockquote>${esc(c.statement.text)}</blockquote>
    <div>but reports say:</div><ul>${c.evidence.map(e =>
      `<li><span class="date">${esc(e.date || "undated")}</span>${esc(e.kind)}: ${e.participants.map(entityLink).join(" — ")}
       <span class="src">(${docLink(e.provenance)})</span><br><span class="muted">${esc(e.text)}</span></li>`).join("")}</ul></div>`).join("");
}

async function entityPage(name) {
  main.innerHTML = `<p class="muted">Loading ${esc(name)}…</p>`;
  let info;
  try { info = await api(`/api/entities/${encodeURIComponent(name)}`); }
  catch (e) {
    const sugg = (e.body && e.body.suggestions) || [];
    main.innerHTML = `<h1>${esc(name)}</h1><p class="error">${esc(e.message)}</p>` +
      (sugg.length ? `<p>Did you mean ${sugg.map(entityLink).join(", ")}?</p>` : "");
    return;
  }
  const [tl, quotes, conflicts] = await Promise.all([
    api(`/api/timeline/${encodeURIComponent(info.name)}`),
    info.type === "PER" ? api(`/api/quotes?speaker=${encodeURIComponent(info.name)}&limit=50`) : Promise.resolve([]),
    api(`/api/conflicts?entity=${encodeURIComponent(info.name)}`),
  ]);
  const aliases = info.aliases.filter(a => a.name !== info.name).slice(0, 8)
    .map(a => `${esc(a.name)} <span class="muted">(${a.mentions})</span>`).join(", ");
  main.innerHTML = `<h1>${esc(info.name)}</h1>
    <p><span class="badge">${esc(info.type)}</span>${info.mentions} mentions, ${esc(info.first_seen || "?")} to ${esc(info.last_seen || "?")}
    ${aliases ? `<br><span class="muted">also:</span> ${aliases}` : ""}</p>
    <h2>Timeline <span class="muted">(${tl.items.length} items)</span></h2>
    <div class="legend"><span><i style="background:var(--event)"></i>events</span><span><i style="background:var(--denial)"></i>denials</span>
      <span><i style="background:var(--quote)"></i>statements</span><span><i style="background:var(--mention)"></i>mentions</span></div>
    <div class="timeline-wrap" id="timeline"></div>
    <div class="grid"><section><h2>Items</h2><ul class="plain items" id="items"></ul></section>
    <section><h2>Quotes</h2><div id="quotes"></div><h2>Conflicts</h2><div id="conflicts"></div></section></div>`;
  document.getElementById("timeline").appendChild(drawTimeline(tl.items));
  document.getElementById("items").innerHTML = tl.items.slice().reverse().map(it =>
    `<li><span class="date">${esc(it.date)}</span><span class="badge">${esc(it.kind)}</span>${esc(it.text)}
      ${it.participants ? `<br>${it.participants.map(entityLink).join(" — ")}` : ""}
      <br><span class="src">${sourcesHtml(it.provenance)}</span></li>`).join("");
  document.getElementById("quotes").innerHTML = quotes.map(q =>
    `<blockquote>${esc(q.text)}<br><span class="muted">${esc(q.date)}, ${sourcesHtml(q.provenance)}</span></blockquote>`).join("")
    || `<p class="muted">No attributed quotes.</p>`;
  document.getElementById("conflicts").innerHTML = conflictsHtml(conflicts);
}

async function searchPage(q) {
  document.getElementById("q").value = q;
  main.innerHTML = `<p class="muted">Searching…</p>`;
  const [hits, entity] = await Promise.all([
    api(`/api/search?q=${encodeURIComponent(q)}&limit=30`).catch(e => ({ error: e.message })),
    api(`/api/entities/${encodeURIComponent(q)}`).catch(() => null),
  ]);
  let html = entity ? `<div class="card">Entity: ${entityLink(entity.name)} <span class="badge">${esc(entity.type)}</span> ${entity.mentions} mentions</div>` : "";
  if (hits.error) html += `<p class="error">${esc(hits.error)}</p>`;
  else html += `<h2>${hits.length} articles</h2>` + hits.map(h =>
    `<div class="card"><a href="#/doc/${encodeURIComponent(h.id)}">${esc(h.title || h.id)}</a> <span class="muted">${esc(h.date || "")}</span>
     <div class="muted">${esc(h.snippet)}</div></div>`).join("");
  main.innerHTML = html;
}

async function docPage(id, params) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const start = +params.get("start") || 0, end = +params.get("end") || 0;
  const chars = Array.from(d.text);
  const text = end > start
    ? esc(chars.slice(0, start).join("")) + `<mark id="hl">${esc(chars.slice(start, end).join(""))}</mark>` + esc(chars.slice(end).join(""))
    : esc(d.text);
  const ents = [...new Set(d.entities.map(e => e.canonical))].slice(0, 40);
  main.innerHTML = `<h1>${esc(d.title || d.id)}</h1>
    <p class="muted">${esc(d.date || "undated")} · ${esc(d.source || "")} ${d.url ? `· <a href="${esc(d.url)}" rel="noopener">original</a>` : ""} · ${esc(d.id)}</p>
    <div class="doc-text">${text}</div>
    <h2>Entities</h2><p>${ents.map(entityLink).join(", ") || "<span class=muted>none</span>"}</p>`;
  const hl = document.getElementById("hl");
  if (hl) hl.scrollIntoView({ block: "center" });
}

async function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "entity" && parts[1]) await entityPage(parts[1]);
    else if (parts[0] === "search" && parts[1]) await searchPage(parts[1]);
    else if (parts[0] === "doc" && parts[1]) await docPage(parts[1], params);
    else await home();
  } catch (e) {
    main.innerHTML = `<p class="error">${esc(e.message)}</p>`;
  }
}

document.getElementById("search-form").addEventListener("submit", ev => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
window.addEventListener("hashchange", route);
route();
