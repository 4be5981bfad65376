// Readable names where the API gives ids: sources by title (or their first words),
// publisher and date; speakers by name. Cached for the page's life.
import { api, query } from "./api.js";
import { cy } from "./graph.js";

const sources = new Map();   // id -> a GET /sources item
const names = new Map();     // entity id -> Promise of its name
let loading = null;

export function loadSources() {
  loading ??= api("/sources?" + query({ limit: 500 }))
    .then((list) => { list.forEach((s) => sources.set(s.id, s)); return list; })
    .catch(() => { loading = null; return []; });
  return loading;
}

function shorten(text, length) { return text.length <= length ? text : text.slice(0, length).replace(/\s+\S*$/, "") + " …"; }

// What a person reads for a source: its title, else its opening words, else its id.
export function sourceLabel(id, length = 70) {
  const source = sources.get(id);
  if (!source) return id;
  return source.title || (source.lede ? `“${shorten(source.lede, length)}”` : id);
}

export function sourceMeta(id) {
  const source = sources.get(id);
  return source ? [source.publisher, source.published].filter(Boolean).join(", ") : "";
}

export function entityName(id) {
  const node = cy.getElementById(id);
  if (node.nonempty()) return Promise.resolve(node.data("name"));
  if (!names.has(id)) {
    names.set(id, api(`/entities/${encodeURIComponent(id)}?per_type=1`).then((e) => e.name).catch(() => id));
  }
  return names.get(id);
}
