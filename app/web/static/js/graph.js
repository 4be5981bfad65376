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
  // Nodes on a path get a border; only edges get a wider line (a node's width is its size).
  { selector: "node.path", style: { "border-width": 4, "border-color": "#f39c12", "z-index": 10 } },
  { selector: "edge.path", style: { "line-color": "#f39c12", "target-arrow-color": "#f39c12", "width": 4,
    "z-index": 10 } },
  { selector: "node.step", style: { "border-width": 6, "border-color": "#c0392b" } },
  { selector: "edge.step", style: { "line-color": "#c0392b", "target-arrow-color": "#c0392b", "width": 6 } },
  { selector: ".hidden", style: { "display": "none" } },
  { selector: ".faded", style: { "opacity": 0.25 } },
];

// Created when the module loads, so the page's test hook (window.graphBrowser) is there
// at once; the type styles follow when GET /schema answers (applyTypes).
export const cy = cytoscape({ container: $("#cy"), minZoom: 0.05, maxZoom: 4, style: BASE_STYLE });

// A label cut to fit says the whole name on hover.
cy.on("mouseover", "node", (ev) => { cy.container().title = ev.target.data("name"); });
cy.on("mouseout", "node", () => { cy.container().removeAttribute("title"); });

const FIT_PADDING = 50;
const MAX_FIT_ZOOM = 1.6;  // two nodes should not fill the screen

// Show every node: fit the view to them (or to `eles`), no closer than MAX_FIT_ZOOM.
// Any running animation is finished first, so it cannot move the view afterwards.
let fitted = false;   // the view is the fitted one, not one the reader zoomed or panned
let fitting = false;
export function fitView(eles = cy.elements(":visible")) {
  cy.stop(true, true);
  if (!eles.length) return;
  fitting = true;
  cy.fit(eles, FIT_PADDING);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center(eles);
  }
  fitting = false;
  fitted = true;
}
cy.on("viewport", () => { if (!fitting) fitted = false; });

// A banner coming or going, or a narrower window, resizes the canvas: keep a fitted view fitted.
new ResizeObserver(() => {
  const keep = fitted;
  cy.resize();
  if (keep) fitView();
}).observe(cy.container());

function box(node) {
  const b = node.boundingBox({ includeLabels: true, includeOverlays: false });
  return { x1: b.x1 - 6, x2: b.x2 + 6, y1: b.y1 - 6, y2: b.y2 + 6 };
}

// Push apart nodes whose boxes (label included) overlap, a few rounds, moving only as far
// as needed: new neighbors keep their place around the node they came from.
export function separate(nodes = cy.nodes(":visible"), rounds = 40) {
  if (nodes.length > 300) return;
  const list = nodes.toArray();
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    const boxes = list.map(box);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = boxes[i], b = boxes[j];
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (dx <= 0 || dy <= 0) continue;
        moved = true;
        const pi = list[i].position(), pj = list[j].position();
        const horizontal = dx < dy;  // part along the axis that needs the smaller move
        const sign = (horizontal ? pj.x - pi.x : pj.y - pi.y) >= 0 ? 1 : -1;
        const shift = (horizontal ? dx : dy) / 2 + 1;
        list[i].position(horizontal ? { x: pi.x - sign * shift, y: pi.y } : { x: pi.x, y: pi.y - sign * shift });
        list[j].position(horizontal ? { x: pj.x + sign * shift, y: pj.y } : { x: pj.x, y: pj.y + sign * shift });
      }
    }
    if (!moved) return;
  }
}

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
  const radius = 110 + nodes.length * 8;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(nodes.length, 1);
    node.position({ x: c.x + radius * Math.cos(angle), y: c.y + radius * Math.sin(angle) });
  });
}

// Lay the graph out; resolves once the nodes have their places (cose may finish after
// run() returns), overlaps removed and, with `fit`, the view fitted to them.
export function layout(fit = true) {
  const big = cy.nodes().length > 400;
  const running = cy.layout(big ? { name: "concentric", animate: false, fit: false }
    : { name: "cose", animate: false, fit: false, randomize: true, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: 400000, idealEdgeLength: 100, nodeOverlap: 20, numIter: 1500, gravity: 60 });
  state.laying = true;  // tests wait for the page to settle on this
  const done = running.promiseOn("layoutstop").then(() => {
    separate();
    if (fit) fitView();
    state.laying = false;
  });
  running.run();
  return done;
}

export function tuneForSize() {
  const big = cy.nodes().length > 300;
  cy.userPanningEnabled(true);
  cy.style().selector("edge").style("label", big ? "" : "data(label)").update();
  cy.renderer().hideEdgesOnViewport = big;
  cy.renderer().textureOnViewport = big;
}
