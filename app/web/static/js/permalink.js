// The view in the link: nodes, filters, date, selection and saved positions; and exports.
import { api, query } from "./api.js";
import { $, banner, el } from "./dom.js";
import { showNode } from "./details.js";
import { applyFilters, renderLegend, showDate } from "./filters.js";
import { addEdge, addNode, cy, fitView, layout, tuneForSize } from "./graph.js";
import { onViewChange, state } from "./state.js";
import { showRecorded } from "./time.js";

function viewParams() {
  const params = new URLSearchParams();
  const ids = cy.nodes().map((n) => n.id());
  if (ids.length) params.set("n", ids.join(","));
  if (state.hiddenTypes.size) params.set("ht", [...state.hiddenTypes].join(","));
  if (state.hiddenRels.size) params.set("hr", [...state.hiddenRels].join(","));
  if (state.date) params.set("d", state.date);
  if (state.recorded) params.set("r", state.recorded);
  if (state.story) params.set("st", state.story);
  if (state.selected && !state.selected.startsWith("e:")) params.set("s", state.selected);
  return params;
}

export function saveView() {
  if (state.restoring) return;
  const params = viewParams();
  const current = new URLSearchParams(location.hash.slice(1));
  if (current.get("p")) params.set("p", current.get("p"));
  history.replaceState(null, "", location.pathname + "#" + params.toString());
}
onViewChange(saveView);

export function savePositions() {
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

async function drawSubgraph(ids, params) {
  const data = await api("/subgraph?" + query({ ids }));
  const positions = parsePositions(params.get("p") || localStorage.getItem("positions:" + params.get("n")));
  cy.batch(() => {
    data.nodes.forEach((ref) => addNode(ref));
    data.edges.forEach((edge) => addEdge(edge));
  });
  if (Object.keys(positions).length) {
    cy.nodes().forEach((n) => { if (positions[n.id()]) n.position(positions[n.id()]); });
    fitView();
  } else {
    await layout();
  }
  if (data.missing.length) {
    banner(`This link names ${data.missing.length === 1 ? "an entity" : "entities"} the graph does not hold: ` +
      data.missing.join(", ") + ". The rest of the view is shown.", "error");
  }
  tuneForSize();
}

// What a link's parameter is, for a person reading why it cannot be restored.
const PARTS = { ids: "an entity id in it", as_of: "its date", as_recorded: "its “as published” time" };

function malformed(err) {
  const field = (err.errors[0] || {}).loc?.[1];
  return `This link is malformed: ${PARTS[field] || "part of it"} is not valid, so its view cannot be shown.`;
}

// Empty the view: the graph, the paths, the selection and the undo history.
export function clearView() {
  cy.elements().remove();
  Object.assign(state, { history: [], paths: [], pathIndex: -1, step: -1, selected: null, story: null });
  state.relTypes = new Set();
  $("#path-list").replaceChildren();
  $("#path-step").hidden = true;
  $("#undo").disabled = true;
}

export async function restoreView(params) {
  const ids = (params.get("n") || "").split(",").filter(Boolean);
  const recorded = params.get("r");
  if (recorded && !Number.isNaN(Date.parse(recorded))) showRecorded(recorded);
  state.story = params.get("st");
  state.hiddenTypes = new Set((params.get("ht") || "").split(",").filter((t) => state.types[t]));
  state.hiddenRels = new Set((params.get("hr") || "").split(",").filter(Boolean));
  const day = params.get("d");
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) showDate(day);
  renderLegend();
  if (!ids.length) return;
  state.restoring = true;
  try {
    await drawSubgraph(ids, params);
  } catch (err) {
    if (err.status === 422) banner(malformed(err), "error");
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

export function download(name, href) {
  const link = el("a", { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

export function exportJson() {
  const data = {
    view: location.href,
    nodes: cy.nodes().map((n) => ({ id: n.id(), name: n.data("name"), type: n.data("type"), position: n.position() })),
    edges: cy.edges().map((e) => e.data("fact")),
  };
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: "application/json" });
  download("graph-view.json", URL.createObjectURL(blob));
}
