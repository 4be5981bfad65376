// The graph browser's entry point: wires the page to the modules. Talks only to this
// service's JSON API; no build step (ES modules, loaded by the browser as they are).
import { api, loadTypes } from "./api.js";
import { $, banner } from "./dom.js";
import { focusEntity, showEdge, showNode } from "./details.js";
import { expand, undo } from "./expand.js";
import { renderLegend, setupDateSlider, sliderFromDay } from "./filters.js";
import { applyTypes, cy, layout, tuneForSize } from "./graph.js";
import { findPaths, nextStep } from "./paths.js";
import { download, exportJson, restoreView, savePositions, saveView } from "./permalink.js";
import { attachSuggestions } from "./search.js";
import { state } from "./state.js";

// The stable hook for tests and the console, and the functions they may call.
const hooks = { expand, layout, tuneForSize, sliderFromDay };
window.graphBrowser = { cy, state, ...hooks };
Object.assign(window, hooks);

cy.on("tap", "node", (ev) => { showNode(ev.target.id()); saveView(); });
cy.on("tap", "edge", (ev) => { showEdge(ev.target); saveView(); });
cy.on("dbltap", "node", (ev) => expand(ev.target.id()));

function wireControls() {
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
}

async function openEntityPage(id) {
  try {
    const entity = await api(`/entities/${encodeURIComponent(id)}`);
    await focusEntity({ id: entity.id, name: entity.name, type: entity.type });
    await expand(entity.id);
    layout();
  } catch (err) {
    if (err.status === 404) banner(`No entity with id “${id}” in the graph.`, "error");
  }
}

async function start() {
  wireControls();
  try {
    applyTypes(await loadTypes());
  } catch (_) { /* the banner says why; the graph still draws, in grey */ }
  renderLegend();
  const params = new URLSearchParams(location.hash.slice(1));
  const match = location.pathname.match(/^\/id\/([^/]+)$/);
  if (params.get("n")) {
    await restoreView(params);
  } else if (match) {
    await openEntityPage(decodeURIComponent(match[1]));
  } else {
    try { await api("/health"); } catch (_) { /* banner already says so */ }
  }
}

start();
