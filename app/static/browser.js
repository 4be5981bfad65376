/* Graph browser: talks only to this service's JSON API. No build step. */
"use strict";

const TYPES = {
  Person: { shape: "ellipse", color: "#d9534f", letter: "P" },
  Organization: { shape: "round-rectangle", color: "#1a5fb4", letter: "O" },
  Country: { shape: "hexagon", color: "#2e7d32", letter: "C" },
  Place: { shape: "triangle", color: "#8d6e63", letter: "L" },
  Agreement: { shape: "diamond", color: "#c9a227", letter: "A" },
  Policy: { shape: "round-diamond", color: "#8e44ad", letter: "§" },
  Event: { shape: "star", color: "#e67e22", letter: "E" },
  Post: { shape: "rectangle", color: "#00838f", letter: "J" },
  Statement: { shape: "round-tag", color: "#757575", letter: "“" },
  Statistic: { shape: "octagon", color: "#455a64", letter: "#" },
};
const EXPAND_LIMIT = 50;
const DATE_MIN = Date.UTC(1990, 0, 1);
const DAY = 86400000;

const state = {
  hiddenTypes: new Set(),
  hiddenRels: new Set(),
  relTypes: new Set(),
  date: null,            // YYYY-MM-DD or null for any date
  selected: null,
  history: [],           // undo stack: {added: [ids], removed: [element json]}
  paths: [],
  pathIndex: -1,
  step: -1,
  restoring: false,
};

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

// --- helpers -----------------------------------------------------------------

const $ = (sel) => document.querySelector(sel);
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function banner(message, kind = "info") {
  const box = $("#banner");
  box.replaceChildren();
  if (!message) { box.hidden = true; return; }
  box.className = "banner" + (kind === "error" ? " error" : "");
  box.append(...(Array.isArray(message) ? message : [message]));
  box.hidden = false;
}

async function api(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (err) {
    banner("The API cannot be reached. Is the service running? Try again in a moment.", "error");
    throw new ApiError(0, "unreachable");
  }
  if (response.status === 503) {
    banner("The database is unavailable right now (503). Try again in a moment.", "error");
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    } catch (_) { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

function letterIcon(type) {
  const spec = TYPES[type] || { letter: "?" };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">` +
    `<text x="20" y="27" font-family="sans-serif" font-size="20" font-weight="bold" fill="white" ` +
    `text-anchor="middle">${spec.letter.replace("&", "&amp;").replace("<", "&lt;")}</text></svg>`;
  return "data:image/svg+xml;utf8," + encodeURIComponent(svg);
}

// --- the graph -------------------------------------------------------------

const cy = cytoscape({
  container: $("#cy"),
  minZoom: 0.05,
  maxZoom: 4,
  style: [
    { selector: "node", style: {
      "label": "data(name)", "text-valign": "bottom", "text-margin-y": 4, "font-size": 10,
      "text-wrap": "ellipsis", "text-max-width": 120, "width": 30, "height": 30,
      "background-color": "#999", "background-image": "data(icon)", "background-fit": "contain",
      "border-width": 1, "border-color": "#fff", "text-background-color": "#fff",
      "text-background-opacity": 0.7, "text-background-padding": 1 } },
    ...Object.entries(TYPES).map(([type, spec]) => ({
      selector: `node[type = "${type}"]`, style: { "shape": spec.shape, "background-color": spec.color },
    })),
    { selector: "edge", style: {
      "label": "data(label)", "font-size": 8, "color": "#444", "curve-style": "bezier",
      "target-arrow-shape": "triangle", "width": 1.5, "line-color": "#aab", "target-arrow-color": "#aab",
      "text-rotation": "autorotate", "text-background-color": "#fbfbfb", "text-background-opacity": 1,
      "text-background-padding": 1 } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#222" } },
    { selector: "edge:selected", style: { "width": 4, "line-color": "#222", "target-arrow-color": "#222" } },
    { selector: ".path", style: { "border-width": 4, "border-color": "#f39c12", "line-color": "#f39c12",
      "target-arrow-color": "#f39c12", "width": 4, "z-index": 10 } },
    { selector: ".step", style: { "border-width": 6, "border-color": "#c0392b", "line-color": "#c0392b",
      "target-arrow-color": "#c0392b", "width": 6 } },
    { selector: ".hidden", style: { "display": "none" } },
    { selector: ".faded", style: { "opacity": 0.25 } },
  ],
});
window.graphBrowser = { cy, state };

function addNode(ref, near) {
  if (cy.getElementById(ref.id).nonempty()) return null;
  const position = near ? { x: near.x + (Math.random() - 0.5) * 160, y: near.y + (Math.random() - 0.5) * 160 }
    : { x: (Math.random() - 0.5) * 300, y: (Math.random() - 0.5) * 300 };
  const node = cy.add({ group: "nodes", data: { id: ref.id, name: ref.name, type: ref.type,
    icon: letterIcon(ref.type) }, position });
  return node;
}

function edgeKey(edge) { return "e:" + edge.id; }

function addEdge(edge) {
  const key = edgeKey(edge);
  if (cy.getElementById(key).nonempty()) return null;
  if (cy.getElementById(edge.from).empty() || cy.getElementById(edge.to).empty()) return null;
  state.relTypes.add(edge.type);
  return cy.add({ group: "edges", data: { id: key, source: edge.from, target: edge.to,
    label: edge.type.toLowerCase().replaceAll("_", " "), type: edge.type, fact: edge } });
}

function placeAround(center, nodes) {
  const c = center.position();
  const radius = 90 + nodes.length * 6;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1);
    node.position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

function record(added) {
  if (!added.length) return;
  state.history.push({ added });
  $("#undo").disabled = false;
}

function layout(fit = true) {
  const big = cy.nodes().length > 400;
  cy.layout(big ? { name: "concentric", animate: false, fit }
    : { name: "cose", animate: false, fit, randomize: true, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: 400000, idealEdgeLength: 100, nodeOverlap: 20, numIter: 1500, gravity: 60 }).run();
  if (fit && cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }  // a few nodes should not fill the screen
}

function tuneForSize() {
  const big = cy.nodes().length > 300;
  cy.userPanningEnabled(true);
  cy.style().selector("edge").style("label", big ? "" : "data(label)").update();
  cy.renderer().hideEdgesOnViewport = big;
  cy.renderer().textureOnViewport = big;
}

// --- filters -----------------------------------------------------------------

function validOn(fact, day) {
  if (!day) return true;
  if (fact.valid_from && fact.valid_from > day) return false;
  if (fact.valid_to && fact.valid_to < day) return false;
  return true;
}

function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenTypes.has(n.data("type"))));
    cy.edges().forEach((e) => {
      const hide = state.hiddenRels.has(e.data("type")) || !validOn(e.data("fact"), state.date) ||
        e.source().hasClass("hidden") || e.target().hasClass("hidden");
      e.toggleClass("hidden", hide);
    });
  });
  renderRelFilters();
  saveView();
}

function renderLegend() {
  const list = $("#legend");
  list.replaceChildren(...Object.entries(TYPES).map(([type, spec]) => {
    const box = el("input", { type: "checkbox", "data-type": type, onchange: (ev) => {
      if (ev.target.checked) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type);
      applyFilters();
    } });
    box.checked = !state.hiddenTypes.has(type);
    return el("li", {}, box, el("span", { class: "swatch", style: `background:${spec.color}` }, spec.letter),
      el("label", {}, type));
  }));
}

function renderRelFilters() {
  const list = $("#rel-filters");
  const types = [...new Set([...state.relTypes, ...state.hiddenRels])].sort();
  if (!types.length) return;
  list.replaceChildren(...types.map((type) => {
    const box = el("input", { type: "checkbox", "data-rel": type, onchange: (ev) => {
      if (ev.target.checked) state.hiddenRels.delete(type); else state.hiddenRels.add(type);
      applyFilters();
    } });
    box.checked = !state.hiddenRels.has(type);
    const count = cy.edges(`[type = "${type}"]`).length;
    return el("li", {}, box, el("label", {}, `${type.toLowerCase().replaceAll("_", " ")} (${count})`));
  }));
}

function dayFromSlider(value) { return new Date(DATE_MIN + Number(value) * DAY).toISOString().slice(0, 10); }
function sliderFromDay(day) { return Math.round((Date.parse(day + "T00:00:00Z") - DATE_MIN) / DAY); }

function setupDateSlider() {
  const slider = $("#date-slider");
  const any = $("#any-date");
  slider.max = String(Math.floor((Date.now() - DATE_MIN) / DAY));
  slider.value = slider.max;
  const update = () => {
    state.date = any.checked ? null : dayFromSlider(slider.value);
    slider.disabled = any.checked;
    $("#date-label").textContent = state.date ? `valid on ${state.date}` : "all facts";
    applyFilters();
  };
  slider.addEventListener("input", update);
  any.addEventListener("change", update);
}

// --- search ------------------------------------------------------------------

function attachSuggestions(input, onPick) {
  const list = input.parentElement.querySelector(".suggestions");
  let timer = null;
  let active = -1;
  let items = [];
  const close = () => { list.hidden = true; active = -1; };
  const show = (hits) => {
    items = hits;
    list.replaceChildren(...hits.map((hit, i) => el("li", { role: "option", "data-id": hit.id,
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
    hit.name, el("span", { class: "kind" }, hit.type))));
    list.hidden = hits.length === 0;
  };
  const choose = (i) => {
    const hit = items[i];
    if (!hit) return;
    input.value = hit.name;
    input.dataset.id = hit.id;
    close();
    onPick(hit);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    delete input.dataset.id;
    const q = input.value.trim();
    if (!q) { close(); return; }
    timer = setTimeout(async () => {
      try {
        const page = await api("/entities?" + query({ q, limit: 8 }));
        if (input.value.trim() === q) show(page.results);
      } catch (err) { if (err.status === 422) show([]); }
    }, 150);
  });
  input.addEventListener("keydown", (ev) => {
    if (list.hidden) return;
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      [...list.children].forEach((li, i) => li.classList.toggle("active", i === active));
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      choose(active >= 0 ? active : 0);
      ev.preventDefault();
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}

async function focusEntity(ref) {
  const node = addNode(ref);
  if (node) record([ref.id]);
  const target = cy.getElementById(ref.id);
  cy.elements().unselect();
  target.select();
  cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  await showNode(ref.id);
  saveView();
}

// --- expand, collapse, undo ----------------------------------------------------

async function expand(id, relType = null, limit = EXPAND_LIMIT) {
  const center = cy.getElementById(id);
  const data = await api(`/entities/${encodeURIComponent(id)}/neighbors?` +
    query({ rel_type: relType, limit, as_of: state.date }));
  const added = [];
  const fresh = [];
  cy.batch(() => {
    for (const ref of data.nodes) {
      const node = addNode(ref, center.position());
      if (node) { added.push(ref.id); fresh.push(node); }
    }
    for (const edge of data.edges) {
      const created = addEdge(edge);
      if (created) added.push(created.id());
    }
  });
  placeAround(center, fresh);
  record(added);
  if (data.truncated) {
    const more = el("button", { onclick: () => expand(id, relType, limit + EXPAND_LIMIT) },
      `Load ${Math.min(EXPAND_LIMIT, data.more)} more`);
    banner([`Showing ${data.nodes.length} of ${data.total} neighbors of ${data.center.name}` +
      (relType ? ` (${relType})` : "") + ` — ${data.more} more not shown. `, more]);
  } else {
    banner(null);
  }
  tuneForSize();
  applyFilters();
  return data;
}

function collapse(id) {
  const center = cy.getElementById(id);
  const leaves = center.neighborhood("node").filter((n) => n.degree(false) === 1);
  if (!leaves.length) return;
  const removed = leaves.union(leaves.connectedEdges()).jsons();
  leaves.remove();
  state.history.push({ removed });
  $("#undo").disabled = false;
  applyFilters();
}

function undo() {
  const action = state.history.pop();
  if (!action) return;
  if (action.added) cy.remove(cy.collection(action.added.map((id) => cy.getElementById(id))));
  if (action.removed) cy.add(action.removed);
  $("#undo").disabled = state.history.length === 0;
  applyFilters();
}

// --- details panel ---------------------------------------------------------------

function citationsBlock(citations) {
  return citations.map((c) => el("div", { class: "citation", "data-testid": "citation" },
    el("blockquote", {}, `“${c.quote}”`),
    el("div", { class: "cite-meta" },
      el("a", { href: `/id/${encodeURIComponent(c.source)}`, target: "_blank" }, c.source),
      ` · ${c.mode}` + (c.attributed_to ? ` (claim by ${c.attributed_to})` : "") +
      ` · confidence ${c.confidence}`)));
}

function dl(pairs) {
  return el("dl", {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "" &&
    !(Array.isArray(v) && !v.length)).flatMap(([k, v]) => [el("dt", {}, k),
    el("dd", {}, Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v))]));
}

async function showNode(id) {
  state.selected = id;
  const panel = $("#details");
  panel.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  let entity, counts, timeline;
  try {
    [entity, counts, timeline] = await Promise.all([
      // The panel shows the entity, not its relationships: one of each type is enough.
      api(`/entities/${encodeURIComponent(id)}?per_type=1`),
      api(`/entities/${encodeURIComponent(id)}/neighbors?limit=1`),
      api(`/entities/${encodeURIComponent(id)}/timeline`),
    ]);
  } catch (err) {
    panel.replaceChildren(el("p", { class: "muted" }, `Could not load ${id}: ${err.message}`));
    return;
  }
  const countButtons = counts.counts.map((c) => el("button", {
    "data-rel": c.type, title: `${c.direction === "out" ? "outgoing" : "incoming"} ${c.type}`,
    onclick: () => expand(id, c.type) }, `${c.type.toLowerCase().replaceAll("_", " ")} ${c.direction === "out" ? "→" : "←"} ${c.count}`));
  const dated = timeline.dated.map((e) => el("li", {}, `${e.date}${e.date_end ? "–" + e.date_end : ""}: ` +
    `${e.relationship.type.toLowerCase()} ${e.relationship.other.name}`));
  const undated = timeline.undated.map((e) => el("li", {}, (e.date_text ? `${e.date_text}: ` : "") +
    `${e.relationship.type.toLowerCase().replaceAll("_", " ")} ${e.relationship.other.name}`));
  panel.replaceChildren(
    el("h2", { "data-testid": "details-title" }, entity.name),
    el("p", { class: "muted" }, `${entity.type} · `, el("a", { href: `/id/${encodeURIComponent(id)}` }, id)),
    entity.description ? el("p", {}, entity.description) : null,
    dl([["aliases", entity.aliases], ...Object.entries(entity.names).map(([k, v]) => [`name (${k})`, v]),
      ...Object.entries(entity.identifiers), ...Object.entries(entity.properties)]),
    el("h3", {}, "Neighbors"),
    el("div", { class: "counts", "data-testid": "counts" },
      el("button", { "data-testid": "expand-all", onclick: () => expand(id) }, "Expand all"),
      el("button", { "data-testid": "collapse", onclick: () => collapse(id) }, "Collapse"),
      ...countButtons),
    el("h3", {}, "Timeline"),
    dated.length ? el("ul", {}, dated) : el("p", { class: "muted" }, "No dated facts."),
    undated.length ? el("details", {}, el("summary", {}, `${undated.length} undated`), el("ul", {}, undated)) : null,
    timeline.more ? el("p", { class: "muted", "data-testid": "timeline-more" },
      `The first ${dated.length + undated.length} of ${timeline.total_dated + timeline.total_undated} entries.`) : null,
    el("h3", {}, "Sources"),
    ...citationsBlock(entity.citations),
  );
}

function showEdge(edge) {
  const fact = edge.data("fact");
  state.selected = edge.id();
  $("#details").replaceChildren(
    el("h2", { "data-testid": "details-title" }, fact.type.toLowerCase().replaceAll("_", " ")),
    el("p", {}, `${edge.source().data("name")} → ${edge.target().data("name")}`),
    dl([["valid from", fact.valid_from], ["valid to", fact.valid_to], ["when", fact.date_text],
      ...Object.entries(fact.properties), ["fact id", fact.id]]),
    el("h3", {}, "Sources"),
    ...citationsBlock(fact.citations),
  );
}

cy.on("tap", "node", (ev) => { showNode(ev.target.id()); saveView(); });
cy.on("tap", "edge", (ev) => { showEdge(ev.target); saveView(); });
cy.on("dbltap", "node", (ev) => expand(ev.target.id()));

// --- paths -------------------------------------------------------------------------

function clearPathHighlight() { cy.elements().removeClass("path step faded"); }

function highlightPath(index) {
  clearPathHighlight();
  state.pathIndex = index;
  state.step = -1;
  const path = state.paths[index];
  if (!path) return;
  const ids = [...path.nodes.map((n) => n.id), ...path.relationships.map(edgeKey)];
  const eles = cy.collection(ids.map((id) => cy.getElementById(id)));
  cy.elements().not(eles).addClass("faded");
  eles.addClass("path");
  [...$("#path-list").children].forEach((li, i) => li.classList.toggle("active", i === index));
  $("#path-step").hidden = false;
  cy.animate({ fit: { eles, padding: 60 } }, { duration: 250 });
}

function nextStep() {
  const path = state.paths[state.pathIndex];
  if (!path) return;
  state.step = (state.step + 1) % path.relationships.length;
  cy.elements().removeClass("step");
  const rel = path.relationships[state.step];
  cy.getElementById(edgeKey(rel)).addClass("step");
  cy.getElementById(path.nodes[state.step].id).addClass("step");
  cy.getElementById(path.nodes[state.step + 1].id).addClass("step");
  showEdge(cy.getElementById(edgeKey(rel)));
}

async function findPaths() {
  const from = $("#path-from").dataset.id;
  const to = $("#path-to").dataset.id;
  if (!from || !to) { banner("Pick both ends of the path from the suggestions."); return; }
  let result;
  try {
    result = await api("/paths?" + query({ from, to, k: 3, as_of: state.date }));
  } catch (err) { banner(`No paths: ${err.message}`, "error"); return; }
  const added = [];
  cy.batch(() => {
    for (const path of result.paths) {
      path.nodes.forEach((ref) => { if (addNode(ref)) added.push(ref.id); });
      path.relationships.forEach((rel) => { const e = addEdge(rel); if (e) added.push(e.id()); });
    }
  });
  record(added);
  state.paths = result.paths;
  $("#path-list").replaceChildren(...result.paths.map((path, i) => el("li", { onclick: () => highlightPath(i) },
    path.nodes.map((n) => n.name).join(" → "))));
  if (!result.paths.length) { banner(result.message); $("#path-step").hidden = true; return; }
  banner(null);
  if (added.length) layout(false);
  applyFilters();
  highlightPath(0);
}

// --- permalinks, positions, export -------------------------------------------------

function viewParams() {
  const params = new URLSearchParams();
  const ids = cy.nodes().map((n) => n.id());
  if (ids.length) params.set("n", ids.join(","));
  if (state.hiddenTypes.size) params.set("ht", [...state.hiddenTypes].join(","));
  if (state.hiddenRels.size) params.set("hr", [...state.hiddenRels].join(","));
  if (state.date) params.set("d", state.date);
  if (state.selected && !state.selected.startsWith("e:")) params.set("s", state.selected);
  return params;
}

function saveView() {
  if (state.restoring) return;
  const params = viewParams();
  const current = new URLSearchParams(location.hash.slice(1));
  if (current.get("p")) params.set("p", current.get("p"));
  history.replaceState(null, "", location.pathname + "#" + params.toString());
}

function savePositions() {
  const positions = cy.nodes().map((n) => `${n.id()}:${Math.round(n.position("x"))}:${Math.round(n.position("y"))}`);
  const params = viewParams();
  params.set("p", positions.join(";"));
  history.replaceState(null, "", location.pathname + "#" + params.toString());
  localStorage.setItem("positions:" + params.get("n"), params.get("p"));
  banner("Positions saved in this link and in this browser.");
}

function parsePositions(text) {
  const out = {};
  for (const item of (text || "").split(";")) {
    const [id, x, y] = item.split(":");
    if (id && !Number.isNaN(Number(x)) && !Number.isNaN(Number(y))) out[id] = { x: Number(x), y: Number(y) };
  }
  return out;
}

async function restoreView(params) {
  const ids = (params.get("n") || "").split(",").filter(Boolean);
  state.hiddenTypes = new Set((params.get("ht") || "").split(",").filter((t) => TYPES[t]));
  state.hiddenRels = new Set((params.get("hr") || "").split(",").filter(Boolean));
  const day = params.get("d");
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) {
    state.date = day;
    $("#any-date").checked = false;
    $("#date-slider").disabled = false;
    $("#date-slider").value = String(sliderFromDay(day));
    $("#date-label").textContent = `valid on ${day}`;
  }
  renderLegend();
  if (!ids.length) return;
  state.restoring = true;
  try {
    const data = await api("/subgraph?" + query({ ids }));
    const positions = parsePositions(params.get("p") || localStorage.getItem("positions:" + params.get("n")));
    cy.batch(() => {
      data.nodes.forEach((ref) => addNode(ref));
      data.edges.forEach((edge) => addEdge(edge));
    });
    if (Object.keys(positions).length) {
      cy.nodes().forEach((n) => { if (positions[n.id()]) n.position(positions[n.id()]); });
      cy.fit(undefined, 40);
    } else {
      layout();
    }
    if (data.missing.length) {
      banner(`This link names ${data.missing.length === 1 ? "an entity" : "entities"} the graph does not hold: ` +
        data.missing.join(", ") + ". The rest of the view is shown.", "error");
    }
    tuneForSize();
  } catch (err) {
    if (err.status === 422) banner(`This link is malformed: ${err.message}`, "error");
    else if (err.status) banner(`Could not restore this view: ${err.message}`, "error");
  } finally {
    state.restoring = false;
  }
  applyFilters();
  const selected = params.get("s");
  if (selected && cy.getElementById(selected).nonempty()) {
    cy.getElementById(selected).select();
    await showNode(selected);
  }
}

function download(name, href) {
  const link = el("a", { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function exportJson() {
  const data = {
    view: location.href,
    nodes: cy.nodes().map((n) => ({ id: n.id(), name: n.data("name"), type: n.data("type"), position: n.position() })),
    edges: cy.edges().map((e) => e.data("fact")),
  };
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  download("graph-view.json", URL.createObjectURL(blob));
}

async function start() {
  renderLegend();
  setupDateSlider();
  attachSuggestions($("#search"), (hit) => focusEntity(hit));
  attachSuggestions($("#path-from"), () => {});
  attachSuggestions($("#path-to"), () => {});
  $("#undo").addEventListener("click", undo);
  $("#relayout").addEventListener("click", () => layout());
  $("#save-positions").addEventListener("click", savePositions);
  $("#find-paths").addEventListener("click", findPaths);
  $("#path-step").addEventListener("click", nextStep);
  $("#export-png").addEventListener("click", () => download("graph-view.png", cy.png({ full: true, bg: "#ffffff", scale: 2 })));
  $("#export-json").addEventListener("click", exportJson);
  $("#copy-link").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(location.href); banner("Link copied."); } catch (_) { banner(location.href); }
  });
  const params = new URLSearchParams(location.hash.slice(1));
  const match = location.pathname.match(/^\/id\/([^/]+)$/);
  if (params.get("n")) {
    await restoreView(params);
  } else if (match) {
    const id = decodeURIComponent(match[1]);
    try {
      const entity = await api(`/entities/${encodeURIComponent(id)}`);
      await focusEntity({ id: entity.id, name: entity.name, type: entity.type });
      await expand(entity.id);
      layout();
    } catch (err) {
      if (err.status === 404) banner(`No entity with id “${id}” in the graph.`, "error");
    }
  } else {
    try { await api("/health"); } catch (_) { /* banner already says so */ }
  }
}

start();
