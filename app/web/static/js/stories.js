// The landing page: the stories (sources) the graph holds, newest first, each with how
// many facts it supports. Picking one draws its entities and the facts among them.
import { api, query } from "./api.js";
import { $, banner, el, fill } from "./dom.js";
import { TITLE } from "./details.js";
import { applyFilters } from "./filters.js";
import { addEdge, addNode, cy, layout, tuneForSize } from "./graph.js";
import { loadSources, sourceLabel } from "./names.js";
import { clearView } from "./permalink.js";
import { state, viewChanged } from "./state.js";

export const MOST_CONNECTED = 15;

function storyItem(source) {
  const meta = [source.publisher, source.published].filter(Boolean).join(" · ") || "publisher and date not known";
  return el("li", {}, el("button", { class: "story", "data-source": source.id, title: source.lede,
    onclick: () => drawStory(source.id) }, sourceLabel(source.id, 110)),
  el("div", { class: "muted small" }, `${meta} · ${source.relationships} facts`));
}

export async function showStories(note = null) {
  const list = await loadSources();
  fill($("#details"),
    el("h2", { "data-testid": "details-title" }, "Stories in the graph"),
    note ? el("p", { class: "note", "data-testid": "landing-note" }, note) : null,
    el("p", { class: "muted" }, "Pick a story to draw the people, agencies, agreements and places it " +
      "cites; search above for any of them; click a node to expand it, an edge to read its sources."),
    list.length ? el("ol", { class: "stories", "data-testid": "stories" }, list.map(storyItem))
      : el("p", {}, "The graph holds no stories yet."));
  return list;
}

// The entities a story cites, the most connected first (by the facts it supports).
function ranked(source) {
  const degree = new Map(source.entities.map((e) => [e.entity.id, 0]));
  for (const fact of source.relationships) {
    for (const end of [fact.from.id, fact.to.id]) degree.set(end, (degree.get(end) || 0) + 1);
  }
  return [...degree.keys()].sort((a, b) => degree.get(b) - degree.get(a) || a.localeCompare(b));
}

// Draw a story: all of its entities, or its `top` most connected. Replaces the view.
export async function drawStory(id, top = null) {
  let source, data;
  try {
    source = await api(`/sources/${encodeURIComponent(id)}`);
    const ids = ranked(source).slice(0, top || 1000);
    data = await api("/subgraph?" + query({ ids }));
  } catch (err) {
    banner(`Could not draw this story: ${err.message}`, "error");
    return;
  }
  clearView();
  state.story = id;
  cy.batch(() => {
    data.nodes.forEach((ref) => addNode(ref));
    data.edges.forEach((edge) => addEdge(edge));
  });
  await layout();
  tuneForSize();
  applyFilters();
  document.title = `${sourceLabel(id, 60).replace(/[“”]/g, "")} · ${TITLE}`;
  $("#cy").dataset.story = id;
  viewChanged();
}

// No view asked for: the stories, and the most connected entities of the newest one.
export async function landing() {
  const list = await showStories();
  if (!list.length) return;
  const newest = list[0];
  await drawStory(newest.id, MOST_CONNECTED);
  await showStories(`Drawn: the ${MOST_CONNECTED} most connected entities of the newest story, ` +
    `${sourceLabel(newest.id, 60)}. Pick it below to draw all of it.`);
}
