// Growing and shrinking the view: expand a node's neighbors, collapse its leaves.
import { api, query } from "./api.js";
import { banner, el } from "./dom.js";
import { applyFilters } from "./filters.js";
import { addEdge, addNode, cy, fitView, placeAround, separate, tuneForSize } from "./graph.js";
import { record, recordRemoval, state } from "./state.js";

const EXPAND_LIMIT = 50;

export async function expand(id, relType = null, limit = EXPAND_LIMIT) {
  const center = cy.getElementById(id);
  const data = await api(`/entities/${encodeURIComponent(id)}/neighbors?` +
    query({ rel_type: relType, limit, as_of: state.date }));
  const added = [];
  const fresh = [];
  cy.batch(() => {
    for (const ref of data.nodes) {
      const node = addNode(ref, center.position());
      if (node) { added.push(ref.id); fresh.push(node); }
    }
    for (const edge of data.edges) {
      const created = addEdge(edge);
      if (created) added.push(created.id());
    }
  });
  placeAround(center, fresh);
  record(added);
  if (data.truncated) {
    const more = el("button", { onclick: () => expand(id, relType, limit + EXPAND_LIMIT) },
      `Load ${Math.min(EXPAND_LIMIT, data.more)} more`);
    banner([`Showing ${data.nodes.length} of ${data.total} neighbors of ${data.center.name}` +
      (relType ? ` (${relType})` : "") + ` — ${data.more} more not shown. `, more]);
  } else {
    banner(null);
  }
  tuneForSize();
  applyFilters();
  if (fresh.length) { separate(); fitView(); }
  return data;
}

export function collapse(id) {
  const center = cy.getElementById(id);
  const leaves = center.neighborhood("node").filter((n) => n.degree(false) === 1);
  if (!leaves.length) return;
  const removed = leaves.union(leaves.connectedEdges()).jsons();
  recordRemoval(removed);
  leaves.remove();
  applyFilters();
}
