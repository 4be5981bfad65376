// The service's JSON API: one fetch wrapper that turns failures into readable banners.
import { banner } from "./dom.js";
import { state } from "./state.js";

export class ApiError extends Error {
  constructor(status, message, errors = []) { super(message); this.status = status; this.errors = errors; }
}

// Reads of the graph take the record-time axis; the schema and health do not.
const TIMED = /^\/(entities|subgraph|paths|connections|sources|facts)\b/;

function timed(path) {
  if (!state.recorded || !TIMED.test(path)) return path;
  return path + (path.includes("?") ? "&" : "?") + "as_recorded=" + encodeURIComponent(state.recorded);
}

export async function api(path) {
  let response;
  try {
    response = await fetch(timed(path), { headers: { Accept: "application/json" } });
  } catch (err) {
    banner("The API cannot be reached. Is the service running? Try again in a moment.", "error");
    throw new ApiError(0, "unreachable");
  }
  if (response.status === 503) {
    banner("The database is unavailable right now (503). Try again in a moment.", "error");
  }
  if (!response.ok) {
    let detail = response.statusText;
    let errors = [];
    try {
      const body = await response.json();
      detail = typeof body.detail === "string" ? body.detail : response.statusText;
      errors = Array.isArray(body.errors) ? body.errors : [];
    } catch (_) { /* not JSON */ }
    throw new ApiError(response.status, detail, errors);
  }
  return response.json();
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

// The entity types and how to draw them, from graph/schema/ (GET /schema).
export async function loadTypes() {
  const schema = await api("/schema");
  return Object.fromEntries(schema.entity_types.map((t) => [t.label, t.display]));
}
