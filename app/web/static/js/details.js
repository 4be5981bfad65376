// The details panel: an entity (counts, timeline, sources) or a fact with its citations.
import { api } from "./api.js";
import { $, el, fill, relLabel } from "./dom.js";
import { collapse, expand } from "./expand.js";
import { addNode, cy, fitView } from "./graph.js";
import { entityName, loadSources, sourceLabel, sourceMeta } from "./names.js";
import { record, state, viewChanged } from "./state.js";

export const TITLE = "Migration news graph";
const PLACEHOLDER = "Search for an entity, or pick a story, then click nodes to expand them and " +
  "edges to read their sources.";

export function showPlaceholder() {
  fill($("#details"), el("p", { class: "muted" }, PLACEHOLDER));
}

// The speaker by name, linked to their page; the id until the name arrives.
function speaker(id) {
  const link = el("a", { href: `/id/${encodeURIComponent(id)}`, "data-testid": "speaker" }, id);
  entityName(id).then((name) => { link.textContent = name; });
  return link;
}

// Each citation: the quote, then its source by title (publisher and date when known, the
// source's page one click away), who said it, and how sure the curator is.
function citationsBlock(citations) {
  return citations.map((c) => el("div", { class: "citation", "data-testid": "citation" },
    el("blockquote", {}, `“${c.quote}”`),
    el("div", { class: "cite-meta" },
      el("a", { href: `/id/${encodeURIComponent(c.source)}`, target: "_blank", title: c.source,
        "data-testid": "source" }, sourceLabel(c.source)),
      sourceMeta(c.source) ? ` (${sourceMeta(c.source)})` : null,
      c.mode === "attributed" && c.attributed_to ? [" · claim by ", speaker(c.attributed_to)]
        : " · stated by the source",
      ` · confidence ${Math.round(c.confidence * 100)}%`)));
}

function dl(pairs) {
  return el("dl", {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== "" &&
    !(Array.isArray(v) && !v.length)).flatMap(([k, v]) => [el("dt", {}, k),
    el("dd", {}, Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v))]));
}

// A timeline entry in words: a relationship and its other end, or the entity's own stage.
function entryText(e) {
  return e.stage ? relLabel(e.stage.stage) : `${relLabel(e.relationship.type)} ${e.relationship.other.name}`;
}

function lifecycleBlock(entity) {
  if (!entity.lifecycle.length) return [];
  return [el("h3", {}, "Lifecycle"), el("ol", { class: "lifecycle", "data-testid": "lifecycle" },
    entity.lifecycle.map((s) => el("li", {}, el("strong", {}, relLabel(s.stage)),
      ` · ${s.date || s.date_text || "undated"}`, ...citationsBlock([s.citation]))))];
}

function timelineBlock(timeline) {
  const dated = timeline.dated.map((e) => el("li", {}, `${e.date}${e.date_end ? "–" + e.date_end : ""}: ` +
    entryText(e)));
  const undated = timeline.undated.map((e) => el("li", {}, (e.date_text ? `${e.date_text}: ` : "") + entryText(e)));
  return [
    dated.length ? el("ul", {}, dated) : el("p", { class: "muted" }, "No dated facts."),
    undated.length ? el("details", {}, el("summary", {}, `${undated.length} undated`), el("ul", {}, undated)) : null,
    timeline.more ? el("p", { class: "muted", "data-testid": "timeline-more" },
      `The first ${dated.length + undated.length} of ${timeline.total_dated + timeline.total_undated} entries.`) : null,
  ];
}

export async function showNode(id) {
  state.selected = id;
  const panel = $("#details");
  fill(panel, el("p", { class: "muted" }, "Loading…"));
  let entity, counts, timeline;
  try {
    [, entity, counts, timeline] = await Promise.all([
      loadSources(),
      // The panel shows the entity, not its relationships: one of each type is enough.
      api(`/entities/${encodeURIComponent(id)}?per_type=1`),
      api(`/entities/${encodeURIComponent(id)}/neighbors?limit=1`),
      api(`/entities/${encodeURIComponent(id)}/timeline`),
    ]);
  } catch (err) {
    if (state.selected === id) fill(panel, el("p", { class: "muted" }, `Could not load ${id}: ${err.message}`));
    return;
  }
  if (state.selected !== id) return;  // another click came first
  document.title = `${entity.name} · ${TITLE}`;
  const countButtons = counts.counts.map((c) => el("button", {
    "data-rel": c.type, title: `${c.direction === "out" ? "outgoing" : "incoming"} ${c.type}`,
    onclick: () => expand(id, c.type) }, `${relLabel(c.type)} ${c.direction === "out" ? "→" : "←"} ${c.count}`));
  fill(panel,
    el("h2", { "data-testid": "details-title" }, entity.name),
    el("p", { class: "muted" }, `${entity.type} · `, el("a", { href: `/id/${encodeURIComponent(id)}` }, id),
      entity.status ? el("span", { "data-testid": "status" }, ` · ${relLabel(entity.status)}`) : null),
    entity.description ? el("p", {}, entity.description) : null,
    dl([["aliases", entity.aliases], ...Object.entries(entity.names).map(([k, v]) => [`name (${k})`, v]),
      ...Object.entries(entity.identifiers), ...Object.entries(entity.properties)]),
    el("h3", {}, "Neighbors"),
    el("div", { class: "counts", "data-testid": "counts" },
      el("button", { "data-testid": "expand-all", onclick: () => expand(id) }, "Expand all"),
      el("button", { "data-testid": "collapse", onclick: () => collapse(id) }, "Collapse"),
      ...countButtons),
    ...lifecycleBlock(entity),
    el("h3", {}, "Timeline"),
    ...timelineBlock(timeline),
    el("h3", {}, "Sources"),
    ...citationsBlock(entity.citations),
  );
}

export async function showEdge(edge) {
  const fact = edge.data("fact");
  state.selected = edge.id();
  await loadSources();
  if (state.selected !== edge.id()) return;  // another click came first
  fill($("#details"),
    el("h2", { "data-testid": "details-title" }, relLabel(fact.type)),
    el("p", {}, `${edge.source().data("name")} → ${edge.target().data("name")}`),
    dl([["valid from", fact.valid_from], ["valid to", fact.valid_to], ["when", fact.date_text],
      ...Object.entries(fact.properties), ["fact id", fact.id]]),
    el("h3", {}, "Sources"),
    ...citationsBlock(fact.citations),
  );
}

export async function focusEntity(ref) {
  const node = addNode(ref);
  if (node) record([ref.id]);
  const target = cy.getElementById(ref.id);
  cy.elements().unselect();
  target.select();
  fitView();  // the new node and everything already drawn, all on screen
  await showNode(ref.id);
  viewChanged();
}
