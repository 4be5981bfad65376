// What the view holds besides the graph itself: filters, selection, undo, paths.
import { $ } from "./dom.js";

export const state = {
  types: {},             // entity type -> {color, shape, letter}, from GET /schema
  hiddenTypes: new Set(),
  hiddenRels: new Set(),
  relTypes: new Set(),
  date: null,            // YYYY-MM-DD or null for any date
  selected: null,
  history: [],           // undo stack: {added: [ids]} or {removed: [element json]}
  paths: [],
  pathIndex: -1,
  step: -1,
  restoring: false,
};

export function record(added) {
  if (!added.length) return;
  state.history.push({ added });
  $("#undo").disabled = false;
}

// The permalink listens for changes to the view (permalink.js); others only announce them.
const listeners = [];
export function onViewChange(listener) { listeners.push(listener); }
export function viewChanged() { for (const listener of listeners) listener(); }
