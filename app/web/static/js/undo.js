// Undo: the elements an action added or removed, and the rest of the page as it was
// before it: the path list, the step controls, the fading, the filter counts, the details.
import { $ } from "./dom.js";
import { showEdge, showNode, showPlaceholder } from "./details.js";
import { applyFilters } from "./filters.js";
import { cy, fitView } from "./graph.js";
import { highlightPath, renderPathList } from "./paths.js";
import { state } from "./state.js";

function restoreSelection(selected) {
  const element = selected ? cy.getElementById(selected) : cy.collection();
  cy.elements().unselect();
  if (element.nonempty()) {
    element.select();
    if (element.isEdge()) showEdge(element); else showNode(selected);
  } else {
    state.selected = null;
    showPlaceholder();
  }
}

function restoreUI(ui) {
  state.paths = ui.paths;
  renderPathList();
  if (ui.pathIndex >= 0 && state.paths[ui.pathIndex]) highlightPath(ui.pathIndex);
  else { cy.elements().removeClass("path step faded"); state.pathIndex = -1; $("#path-step").hidden = true; }
  state.step = -1;
  state.relTypes = new Set(cy.edges().map((e) => e.data("type")));
  applyFilters();
  fitView();
  restoreSelection(ui.selected);
}

export function undo() {
  const action = state.history.pop();
  if (!action) return;
  if (action.added) cy.remove(cy.collection(action.added.map((id) => cy.getElementById(id))));
  if (action.removed) cy.add(action.removed);
  restoreUI(action.ui);
  $("#undo").disabled = state.history.length === 0;
}
