// The review page: an ingested article with its mentions highlighted by type, a decision
// for each mention and relation, and one "Add to graph" that posts them all (editor key).
import { banner } from "./dom.js";
import { loadTypes } from "./api.js";

const KEY = "mgraph-editor-key";
const $ = (id) => document.getElementById(id);
const el = (tag, text, attrs = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};

async function call(path, options = {}) {
  const key = sessionStorage.getItem(KEY);
  const headers = { Accept: "application/json", ...(key ? { Authorization: `Bearer ${key}` } : {}) };
  const response = await fetch(path, { ...options, headers: { ...headers, ...(options.headers || {}) } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const why = response.status === 401 ? "Enter an editor key above." : body.detail || response.statusText;
    throw new Error(`${response.status}: ${why}`);
  }
  return body;
}

function colourOf(types, type) { return (types[type] && types[type].color) || "#607d8b"; }

function renderText(ingest, types) {
  const box = $("text");
  box.replaceChildren();
  let at = 0;
  for (const m of ingest.mentions) {
    box.append(ingest.text.slice(at, m.start));
    const mark = el("mark", m.text, { id: `mark-${m.id}`, title: `${m.type}: ${m.name}`, "data-type": m.type });
    mark.style.setProperty("--c", colourOf(types, m.type));
    box.append(mark);
    at = m.end;
  }
  box.append(ingest.text.slice(at));
  const seen = [...new Set(ingest.mentions.map((m) => m.type))];
  $("legend").replaceChildren(...seen.map((t) => {
    const s = el("span", t, { class: "swatch" });
    s.style.background = colourOf(types, t);
    return s;
  }));
}

// A new entity's name and type, editable while "New" is chosen.
function newFields(m, types) {
  const box = el("div", undefined, { class: "new-fields", "data-new": m.id });
  const name = el("input", undefined, { type: "text", "aria-label": `Name for ${m.text}`, "data-name": m.id });
  name.value = m.name;
  const type = el("select", undefined, { "aria-label": `Type for ${m.text}`, "data-type-of": m.id });
  for (const t of Object.keys(types)) type.append(el("option", t, { value: t }));
  type.value = m.type;
  box.append(name, type);
  return box;
}

function mentionChoice(m, types) {
  const fields = newFields(m, types);
  const select = el("select", undefined, { "data-mention": m.id, "aria-label": `Decision for ${m.text}` });
  for (const c of m.candidates) {
    select.append(el("option", `${c.name} (${c.type}, ${Math.round(c.score)})`, { value: `link:${c.id}` }));
  }
  select.append(el("option", `New ${m.type}: ${m.name}`, { value: "new" }));
  select.append(el("option", "Reject", { value: "reject" }));
  select.value = m.proposal === "link" ? `link:${m.candidates[0].id}` : "new";
  fields.hidden = select.value !== "new";
  select.addEventListener("change", () => {
    const rejected = select.value === "reject";
    fields.hidden = select.value !== "new";
    $(`mark-${m.id}`).classList.toggle("rejected", rejected);
    // A relation needs both its ends (and its speaker): rejecting a mention unticks them.
    for (const box of document.querySelectorAll(`input[data-ends~="${m.id}"]`)) {
      box.checked = !rejected;
      box.disabled = rejected;
    }
  });
  return [select, fields];
}

function renderMentions(ingest, types) {
  const rows = ingest.mentions.map((m) => {
    const row = el("tr");
    row.append(el("td", m.text), el("td", m.type));
    const cell = el("td");
    cell.append(...mentionChoice(m, types));
    row.append(cell);
    return row;
  });
  $("mentions").tBodies[0].replaceChildren(...rows);
}

function renderRelations(ingest) {
  const byId = Object.fromEntries(ingest.mentions.map((m) => [m.id, m]));
  const items = ingest.relations.map((r) => {
    const li = el("li");
    const ends = [r.subject, r.object, r.attributed_to].filter(Boolean).join(" ");
    const box = el("input", undefined, { type: "checkbox", "data-relation": r.id, "data-ends": ends });
    box.checked = true;
    const when = r.valid_from || r.date_text;
    const label = el("label");
    label.append(box, ` ${byId[r.subject].name} ${r.type.replaceAll("_", " ").toLowerCase()} ${byId[r.object].name}`);
    if (when) label.append(el("em", ` (${when})`));
    if (r.mode === "attributed") label.append(el("em", ` — according to ${byId[r.attributed_to].name}`));
    li.append(label, el("q", r.evidence.quote));
    return li;
  });
  $("relations").replaceChildren(...(items.length ? items : [el("li", "No relations proposed.")]));
}

function decisions(ingest) {
  const mentions = {};
  for (const select of document.querySelectorAll("select[data-mention]")) {
    const mid = select.dataset.mention;
    const [action, id] = select.value.split(":");
    mentions[mid] = action === "link" ? { action: "link", id } : action === "reject" ? { action: "reject" } : {
      action: "accept",
      name: document.querySelector(`input[data-name="${mid}"]`).value.trim(),
      type: document.querySelector(`select[data-type-of="${mid}"]`).value,
    };
  }
  const relations = {};
  for (const box of document.querySelectorAll("input[data-relation]")) {
    relations[box.dataset.relation] = { action: box.checked && !box.disabled ? "accept" : "reject" };
  }
  return { mentions, relations };
}

function renderResult(out) {
  const result = $("result");
  result.hidden = false;
  result.replaceChildren(el("p", `Added: ${out.created.length} new entities, ${out.relationships.length} relationships, ` +
    `${out.linked.length} linked to existing entities; ${out.rejected} rejected.`));
  const list = el("ul");
  for (const id of [...out.created, ...out.linked]) {
    const li = el("li");
    li.append(el("a", id, { href: `/id/${encodeURIComponent(id)}` }));
    list.append(li);
  }
  result.append(list);
}

async function showIngest(id) {
  const [ingest, types] = await Promise.all([call(`/ingest/${encodeURIComponent(id)}`), loadTypes()]);
  $("title").textContent = ingest.source.title || ingest.source.id;
  $("meta").textContent = [ingest.source.publisher, ingest.source.published, `status: ${ingest.status}`]
    .filter(Boolean).join(" · ");
  renderText(ingest, types);
  renderMentions(ingest, types);
  renderRelations(ingest);
  $("article").hidden = $("proposals").hidden = false;
  $("add").disabled = ingest.status !== "pending";
  $("add").onclick = async () => {
    $("add").disabled = true;
    try {
      const out = await call(`/ingest/${encodeURIComponent(id)}/review`, {
        method: "POST", body: JSON.stringify(decisions(ingest)), headers: { "Content-Type": "application/json" } });
      renderResult(out);
      $("meta").textContent = $("meta").textContent.replace("status: pending", `status: ${out.status}`);
      banner("Added to the graph.", "info");
    } catch (err) {
      $("add").disabled = false;
      banner(err.message, "error");
    }
  };
}

async function showQueue() {
  const queue = await call("/ingest");
  $("queue").hidden = false;
  $("queue-list").replaceChildren(...(queue.length ? queue.map((q) => {
    const li = el("li");
    li.append(el("a", q.title || q.id, { href: `/review/${q.id}` }),
      ` — ${q.status}, ingested ${q.created_at.slice(0, 16).replace("T", " ")} UTC, ` +
      `${q.mentions} mentions, ${q.relations} relations`);
    return li;
  }) : [el("li", "Nothing to review. Ingest an article with POST /ingest or mgraph ingest.")]));
}

async function start() {
  $("key").value = sessionStorage.getItem(KEY) || "";
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $("key").value.trim());
    window.location.reload();
  });
  const id = decodeURIComponent(window.location.pathname.split("/")[2] || "");
  try {
    await (id ? showIngest(id) : showQueue());
  } catch (err) {
    banner(err.message, "error");
  }
}

start();
