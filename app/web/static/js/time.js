// The record-time axis: "as published on…" shows the graph as it was recorded at a moment
// (as_recorded on every read), so a story's view can be reproduced after later edits.
import { $, banner } from "./dom.js";
import { state } from "./state.js";

function label(instant) { return instant.replace("T", " ").replace(/:00(\.0+)?Z$/, "").replace(/Z$/, "") + " UTC"; }

// An ISO instant from the picker's value (read as UTC), or null for "now".
function fromPicker(value) { return value ? `${value.length === 16 ? value + ":00" : value}Z` : null; }

export function showRecorded(instant) {
  state.recorded = instant;
  $("#as-recorded").value = instant ? instant.slice(0, 16) : "";
  $("#recorded-now").disabled = !instant;
  if (instant) {
    banner(`Showing the graph as recorded on ${label(instant)}, as it was published then. ` +
      "Pick “now” for today’s graph.");
  }
}

// `redraw` draws the same entities again once the moment has changed.
export function setupRecordTime(redraw) {
  const picker = $("#as-recorded");
  picker.max = new Date().toISOString().slice(0, 16);
  picker.addEventListener("change", () => { showRecorded(fromPicker(picker.value)); redraw(); });
  $("#recorded-now").addEventListener("click", () => { showRecorded(null); banner(null); redraw(); });
}
