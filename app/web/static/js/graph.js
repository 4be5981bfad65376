// The Cytoscape graph: its style, adding nodes and edges, layout.
import { $ } from "./dom.js";
import { state } from "./state.js";

const BASE_STYLE = [
  { selector: "node", style: {
    "label": "data(name)", "text-valign": "bottom", "text-margin-y": 4, "font-size": 10,
    "text-wrap": "ellipsis", "text-max-width": 120, "width": 30, "height": 30,
    "background-color": "#999", "background-image": "data(icon)", "background-fit": "contain",
    "border-width": 1, "border-color": "#fff", "text-background-color": "#fff",
    "text-background-opacity": 0.7, "text-background-padding": 1 } },
  { selector: "edge", style: {
    "label": "data(label)", "font-size": 8, "color": "#444", "curve-style": "bezier",
    "target-arrow-shape": "triangle", "width": 1.5, "line-color": "#aab", "target-arrow-color": "#aab",
    "text-rotation": "autorotate", "text-background-color": "#fbfbfb", "text-background-opacity": 1,
    "text-background-padding": 1 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#222" } },
  { selector: "edge:selected", style: { "width": 4, "line-color": "#222", "target-arrow-color": "#222" } },
  { selector: ".path", style: { "border-width": 4, "border-color": "#f39c12", "line-color": "#f39c12",
    "target-arrow-color": "#f39c12", "width": 4, "z-index": 10 } },
  { selector: ".step", style: { "border-width": 6, "border-color": "#c0392b", "line-color": "#c0392b",
    "target-arrow-color": "#c0392b", "width": 6 } },
  { selector: ".hidden", style: { "display": "none" } },
  { selector: ".faded", style: { "opacity": 0.25 } },
];

// Created when the module loads, so the page's test hook (window.graphBrowser) is there
// at once; the type styles follow when GET /schema answers (applyTypes).
export const cy = cytoscape({ container: $("#cy"), minZoom: 0.05, maxZoom: 4, style: BASE_STYLE });

export function applyTypes(types) {
  state.types = types;
  const typed = Object.entries(types).map(([type, spec]) => ({
    selector: `node[type = "${type}"]`, style: { "shape": spec.shape, "background-color": spec.color },
  }));
  // Type rules go before the selection, path and filter rules, as they did in one list.
  cy.style([BASE_STYLE[0], ...typed, ...BASE_STYLE.slice(1)]);
  cy.nodes().forEach((n) => n.data("icon", letterIcon(n.data("type"))));
}

function letterIcon(type) {
  const spec = state.types[type] || { letter: "?" };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">` +
    `<text x="20" y="27" font-family="sans-serif" font-size="20" font-weight="bold" fill="white" ` +
    `text-anchor="middle">${spec.letter.replace("&", "&amp;").replace("<", "&lt;")}</text></svg>`;
  return "data:image/svg+xml;utf8," + encodeURIComponent(svg);
}

export function addNode(ref, near) {
  if (cy.getElementById(ref.id).nonempty()) return null;
  const position = near ? { x: near.x + (Math.random() - 0.5) * 160, y: near.y + (Math.random() - 0.5) * 160 }
    : { x: (Math.random() - 0.5) * 300, y: (Math.random() - 0.5) * 300 };
  return cy.add({ group: "nodes", data: { id: ref.id, name: ref.name, type: ref.type,
    icon: letterIcon(ref.type) }, position });
}

export function edgeKey(edge) { return "e:" + edge.id; }

export function addEdge(edge) {
  const key = edgeKey(edge);
  if (cy.getElementById(key).nonempty()) return null;
  if (cy.getElementById(edge.from).empty() || cy.getElementById(edge.to).empty()) return null;
  state.relTypes.add(edge.type);
  return cy.add({ group: "edges", data: { id: key, source: edge.from, target: edge.to,
    label: edge.type.toLowerCase().replaceAll("_", " "), type: edge.type, fact: edge } });
}

export function placeAround(center, nodes) {
  const c = center.position();
  const radius = 90 + nodes.length * 6;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1);
    node.position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

export function layout(fit = true) {
  const big = cy.nodes().length > 400;
  cy.layout(big ? { name: "concentric", animate: false, fit }
    : { name: "cose", animate: false, fit, randomize: true, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: 400000, idealEdgeLength: 100, nodeOverlap: 20, numIter: 1500, gravity: 60 }).run();
  if (fit && cy.zoom() > 1.4) { cy.zoom(1.4); cy.center(); }  // a few nodes should not fill the screen
}

export function tuneForSize() {
  const big = cy.nodes().length > 300;
  cy.userPanningEnabled(true);
  cy.style().selector("edge").style("label", big ? "" : "data(label)").update();
  cy.renderer().hideEdgesOnViewport = big;
  cy.renderer().textureOnViewport = big;
}
