// The graph browser's entry point: wires the page to the modules. Talks only to this
// service's JSON API; no build step (ES modules, loaded by the browser as they are).
import { api, loadTypes } from "./api.js";
import { $, banner } from "./dom.js";
import { TITLE, focusEntity, showEdge, showNode } from "./details.js";
import { expand } from "./expand.js";
import { renderLegend, setupDateSlider, sliderFromDay } from "./filters.js";
import { applyTypes, cy, fitView, layout, tuneForSize } from "./graph.js";
import { loadSources } from "./names.js";
import { findPaths, nextStep } from "./paths.js";
import { clearView, download, exportJson, restoreView, savePositions, saveView } from "./permalink.js";
import { captions, publishable } from "./picture.js";
import { attachSuggestions } from "./search.js";
import { landing, showStories } from "./stories.js";
import { state } from "./state.js";
import { setupRecordTime } from "./time.js";
import { undo } from "./undo.js";
import { citeView } from "./cite.js";

// Without this class the page hides the controls that need JavaScript (browser.css).
document.documentElement.classList.add("js");

// The stable hook for tests and the console, and the functions they may call.
const hooks = { expand, layout, tuneForSize, sliderFromDay, fitView, captions };
window.graphBrowser = { cy, state, ...hooks };
Object.assign(window, hooks);

cy.on("tap", "node", (ev) => { showNode(ev.target.id()); saveView(); });
cy.on("tap", "edge", (ev) => { showEdge(ev.target); saveView(); });
cy.on("dbltap", "node", (ev) => expand(ev.target.id()));

async function exportPng() {
  try { download("graph-view.png", await publishable()); } catch (err) {
    banner("The picture could not be made in this browser.", "error");
  }
}

// The same entities again, as recorded at the newly chosen moment.
async function redraw() {
  const params = new URLSearchParams(location.hash.slice(1));
  params.set("n", cy.nodes().map((n) => n.id()).join(","));
  params.delete("p");
  if (state.recorded) params.set("r", state.recorded); else params.delete("r");
  clearView();
  await restoreView(params);
  saveView();
}

function wireControls() {
  setupDateSlider();
  setupRecordTime(redraw);
  attachSuggestions($("#search"), (hit) => focusEntity(hit));
  attachSuggestions($("#path-from"), () => {});
  attachSuggestions($("#path-to"), () => {});
  $("#undo").addEventListener("click", undo);
  $("#relayout").addEventListener("click", () => layout());
  $("#save-positions").addEventListener("click", savePositions);
  $("#find-paths").addEventListener("click", findPaths);
  $("#path-step").addEventListener("click", nextStep);
  $("#export-png").addEventListener("click", exportPng);
  $("#export-json").addEventListener("click", exportJson);
  $("#cite").addEventListener("click", citeView);
  $("#copy-link").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(location.href); banner("Link copied."); } catch (_) { banner(location.href); }
  });
}

async function openEntityPage(id) {
  try {
    const entity = await api(`/entities/${encodeURIComponent(id)}`);
    await focusEntity({ id: entity.id, name: entity.name, type: entity.type });
    await expand(entity.id);
    await layout();
  } catch (err) {
    if (err.status === 404) banner(`No entity with id “${id}” in the graph.`, "error");
  }
}

// Draw what the address asks for: a saved view (#n=…; an empty one is a blank canvas
// beside the stories), an entity's page, or the stories and the newest one's hub.
async function show() {
  const params = new URLSearchParams(location.hash.slice(1));
  const match = location.pathname.match(/^\/id\/([^/]+)$/);
  if (params.get("n")) {
    await restoreView(params);
  } else if (params.has("n")) {
    await showStories();
  } else if (match) {
    await openEntityPage(decodeURIComponent(match[1]));
  } else {
    await landing();
  }
}

// A link pasted into this tab changes only the hash: draw its view afresh.
window.addEventListener("hashchange", async () => {
  banner(null);
  clearView();
  document.title = TITLE;
  await show();
});

async function start() {
  wireControls();
  try {
    applyTypes(await loadTypes());
  } catch (_) { /* the banner says why; the graph still draws, in grey */ }
  renderLegend();
  loadSources();
  await show();
}

start();
