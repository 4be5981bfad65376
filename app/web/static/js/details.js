// The details panel: an entity (counts, timeline, sources) or a fact with its citations.
import { api } from "./api.js";
import { $, el, fill, relLabel } from "./dom.js";
import { collapse, expand } from "./expand.js";
import { addNode, cy } from "./graph.js";
import { record, state, viewChanged } from "./state.js";

function citationsBlock(citations) {
  return citations.map((c) => el("div", { class: "citation", "data-testid": "citation" },
    el("blockquote", {}, `“${c.quote}”`),
    el("div", { class: "cite-meta" },
      el("a", { href: `/id/${encodeURIComponent(c.source)}`, target: "_blank" }, c.source),
      ` · ${c.mode}` + (c.attributed_to ? ` (claim by ${c.attributed_to})` : "") +
      ` · confidence ${c.confidence}`)));
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
  panel.replaceChildren(el("p", { class: "muted" }, "Loading…"));
  let entity, counts, timeline;
  try {
    [entity, counts, timeline] = await Promise.all([
      // The panel shows the entity, not its relationships: one of each type is enough.
      api(`/entities/${encodeURIComponent(id)}?per_type=1`),
      api(`/entities/${encodeURIComponent(id)}/neighbors?limit=1`),
      api(`/entities/${encodeURIComponent(id)}/timeline`),
    ]);
  } catch (err) {
    panel.replaceChildren(el("p", { class: "muted" }, `Could not load ${id}: ${err.message}`));
    return;
  }
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

export function showEdge(edge) {
  const fact = edge.data("fact");
  state.selected = edge.id();
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
  cy.animate({ center: { eles: target }, zoom: Math.max(cy.zoom(), 1) }, { duration: 250 });
  await showNode(ref.id);
  viewChanged();
}
