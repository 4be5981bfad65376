// "Cite this view": freeze what is drawn as a snapshot (POST /snapshots, an editor key),
// then copy its link and a ready citation line.
import { $, banner, el } from "./dom.js";
import { cy } from "./graph.js";
import { state } from "./state.js";

const KEY = "editor-key";

function editorKey() {
  let key = sessionStorage.getItem(KEY);
  if (!key) {
    key = window.prompt("Freezing a view needs an editor key (mgk_…). It stays in this tab only.");
    if (key) sessionStorage.setItem(KEY, key.trim());
  }
  return key ? key.trim() : null;
}

async function freeze(key) {
  const ids = cy.nodes().map((n) => n.id());
  const response = await fetch("/snapshots", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify({ ids, depth: 0, as_of: state.date, title: document.title.replace(/ · Migration news graph$/, "") }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 || response.status === 403) sessionStorage.removeItem(KEY);
  if (!response.ok) throw new Error(body.detail || response.statusText);
  return body;
}

export async function citeView() {
  if (!cy.nodes().length) { banner("Draw something first: there is nothing to cite.", "error"); return; }
  if (state.recorded) banner("A snapshot freezes the graph as it is now, not as it was on the picked date.");
  const key = editorKey();
  if (!key) return;
  let snapshot;
  try { snapshot = await freeze(key); } catch (err) {
    banner(`Could not freeze this view: ${err.message}`, "error");
    return;
  }
  try { await navigator.clipboard.writeText(`${snapshot.citation}`); } catch (_) { /* shown below */ }
  banner([el("span", { "data-testid": "citation-line" }, snapshot.citation), " ",
    el("a", { href: snapshot.links.self, target: "_blank" }, "Open the snapshot")]);
  $("#cite").dataset.snapshot = snapshot.id;
}
