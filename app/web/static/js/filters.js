// Filters: entity types (the legend), relationship types, and the valid-on date.
import { $, el, relLabel } from "./dom.js";
import { cy } from "./graph.js";
import { state, viewChanged } from "./state.js";

const DATE_MIN = Date.UTC(1990, 0, 1);
const DAY = 86400000;

function validOn(fact, day) {
  if (!day) return true;
  if (fact.valid_from && fact.valid_from > day) return false;
  if (fact.valid_to && fact.valid_to < day) return false;
  return true;
}

export function applyFilters() {
  cy.batch(() => {
    cy.nodes().forEach((n) => n.toggleClass("hidden", state.hiddenTypes.has(n.data("type"))));
    cy.edges().forEach((e) => {
      const hide = state.hiddenRels.has(e.data("type")) || !validOn(e.data("fact"), state.date) ||
        e.source().hasClass("hidden") || e.target().hasClass("hidden");
      e.toggleClass("hidden", hide);
    });
  });
  renderRelFilters();
  viewChanged();
}

export function renderLegend() {
  const list = $("#legend");
  list.replaceChildren(...Object.entries(state.types).map(([type, spec]) => {
    const box = el("input", { type: "checkbox", "data-type": type, onchange: (ev) => {
      if (ev.target.checked) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type);
      applyFilters();
    } });
    box.checked = !state.hiddenTypes.has(type);
    return el("li", {}, box, el("span", { class: "swatch", style: `background:${spec.color}` }, spec.letter),
      el("label", {}, type));
  }));
}

function renderRelFilters() {
  const list = $("#rel-filters");
  // Only types the view holds (or that a filter hides): an undo can take the last one away.
  const shown = [...state.relTypes].filter((type) => cy.edges(`[type = "${type}"]`).length);
  const types = [...new Set([...shown, ...state.hiddenRels])].sort();
  if (!types.length) {
    list.replaceChildren(el("li", { class: "muted" }, "Expand a node to list them."));
    return;
  }
  list.replaceChildren(...types.map((type) => {
    const box = el("input", { type: "checkbox", "data-rel": type, onchange: (ev) => {
      if (ev.target.checked) state.hiddenRels.delete(type); else state.hiddenRels.add(type);
      applyFilters();
    } });
    box.checked = !state.hiddenRels.has(type);
    const count = cy.edges(`[type = "${type}"]`).length;
    return el("li", {}, box, el("label", {}, `${relLabel(type)} (${count})`));
  }));
}

function dayFromSlider(value) { return new Date(DATE_MIN + Number(value) * DAY).toISOString().slice(0, 10); }
export function sliderFromDay(day) { return Math.round((Date.parse(day + "T00:00:00Z") - DATE_MIN) / DAY); }

export function showDate(day) {
  state.date = day;
  $("#any-date").checked = false;
  $("#date-slider").disabled = false;
  $("#date-slider").value = String(sliderFromDay(day));
  $("#date-label").textContent = `valid on ${day}`;
}

export function setupDateSlider() {
  const slider = $("#date-slider");
  const any = $("#any-date");
  slider.max = String(Math.floor((Date.now() - DATE_MIN) / DAY));
  slider.value = slider.max;
  const update = (ev) => {
    if (ev && ev.target === any && any.checked) slider.value = slider.max;  // back to today
    state.date = any.checked ? null : dayFromSlider(slider.value);
    slider.disabled = any.checked;
    $("#date-label").textContent = state.date ? `valid on ${state.date}` : "all facts";
    applyFilters();
  };
  slider.addEventListener("input", update);
  any.addEventListener("change", update);
}
