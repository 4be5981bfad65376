// What the view holds besides the graph itself: filters, selection, undo, paths, time.
import { $ } from "./dom.js";

export const state = {
  types: {},             // entity type -> {color, shape, letter}, from GET /schema
  hiddenTypes: new Set(),
  hiddenRels: new Set(),
  relTypes: new Set(),
  date: null,            // YYYY-MM-DD or null for any date
  recorded: null,        // ISO instant (as_recorded) or null for the graph as it is now
  story: null,           // the source id whose story is drawn, if one is
  selected: null,
  history: [],           // undo stack: {added: [ids]} or {removed: [element json]}, each with `ui`
  paths: [],
  pathIndex: -1,
  step: -1,
  restoring: false,
  laying: false,         // a layout is running (graph.js)
};

// The parts of the page an undo must put back besides the elements (undo.js).
function snapshot() {
  return { paths: state.paths, pathIndex: state.pathIndex, step: state.step, selected: state.selected };
}

export function record(added) {
  if (!added.length) return;
  state.history.push({ added, ui: snapshot() });
  $("#undo").disabled = false;
}

export function recordRemoval(removed) {
  state.history.push({ removed, ui: snapshot() });
  $("#undo").disabled = false;
}

// The permalink listens for changes to the view (permalink.js); others only announce them.
const listeners = [];
export function onViewChange(listener) { listeners.push(listener); }
export function viewChanged() { for (const listener of listeners) listener(); }
