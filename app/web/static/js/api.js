// The service's JSON API: one fetch wrapper that turns failures into readable banners.
import { banner } from "./dom.js";

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path) {
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
