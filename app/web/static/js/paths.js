// Paths between two entities: found through the API, drawn, highlighted step by step.
import { api, query } from "./api.js";
import { $, banner, el } from "./dom.js";
import { showEdge } from "./details.js";
import { applyFilters } from "./filters.js";
import { addEdge, addNode, cy, edgeKey, fitView, layout } from "./graph.js";
import { record, state } from "./state.js";

function clearPathHighlight() { cy.elements().removeClass("path step faded"); }

export function highlightPath(index) {
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
  fitView();  // the path stands out by colour; the rest stays on screen, faded
}

export function renderPathList() {
  $("#path-list").replaceChildren(...state.paths.map((path, i) => el("li", { onclick: () => highlightPath(i) },
    path.nodes.map((n) => n.name).join(" → "))));
  $("#path-step").hidden = !state.paths.length;
}

export function nextStep() {
  const path = state.paths[state.pathIndex];
  if (!path || !path.relationships.length) return;
  state.step = (state.step + 1) % path.relationships.length;
  cy.elements().removeClass("step");
  const rel = path.relationships[state.step];
  cy.getElementById(edgeKey(rel)).addClass("step");
  cy.getElementById(path.nodes[state.step].id).addClass("step");
  cy.getElementById(path.nodes[state.step + 1].id).addClass("step");
  showEdge(cy.getElementById(edgeKey(rel)));
}

export async function findPaths() {
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
  renderPathList();
  if (!result.paths.length) { banner(result.message); return; }
  banner(null);
  if (added.length) await layout(false);
  applyFilters();
  highlightPath(0);
}
