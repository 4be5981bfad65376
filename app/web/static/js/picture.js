// The PNG a newsroom can publish: the graph with a title, a legend of the types shown,
// the sources cited, the date of the view, and a credit line.
import { cy } from "./graph.js";
import { sourceLabel, sourceMeta } from "./names.js";
import { state } from "./state.js";

const SCALE = 2;
const LINE = 18 * SCALE;

function image(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = src;
  });
}

// What the picture says besides the graph, line by line.
export function captions() {
  const visible = cy.elements(":visible");
  const types = [...new Set(visible.nodes().map((n) => n.data("type")))].sort();
  const cited = new Set();
  visible.edges().forEach((e) => (e.data("fact").citations || []).forEach((c) => cited.add(c.source)));
  const sources = [...cited].map((id) => [sourceLabel(id, 80), sourceMeta(id)].filter(Boolean).join(", "));
  const day = state.date ? `Facts valid on ${state.date}` : "Facts of any date";
  const as = state.recorded ? `as recorded on ${state.recorded.slice(0, 16).replace("T", " ")} UTC`
    : `as recorded on ${new Date().toISOString().slice(0, 10)}`;
  return { title: document.title.replace(/ · Migration news graph$/, ""), types,
    sources: sources.length ? sources : ["no relationships shown"], when: `${day}, ${as}.`,
    credit: `Migration news graph · ${location.origin}` };
}

function text(ctx, words, x, y, size, color = "#222", weight = "") {
  ctx.font = `${weight} ${size * SCALE}px system-ui, sans-serif`;
  ctx.fillStyle = color;
  ctx.fillText(words, x, y);
}

export async function publishable() {
  const graph = await image(cy.png({ full: true, bg: "#ffffff", scale: SCALE }));
  const info = captions();
  const pad = 16 * SCALE;
  const width = Math.max(graph.width, 900 * SCALE);
  const footer = (info.sources.length + 4) * LINE;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = 56 * SCALE + graph.height + footer;
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  text(ctx, info.title, pad, 34 * SCALE, 22, "#111", "bold");
  ctx.drawImage(graph, (width - graph.width) / 2, 56 * SCALE);
  let y = 56 * SCALE + graph.height + LINE;
  let x = pad;
  for (const type of info.types) {  // the legend: a swatch and the type's name
    ctx.fillStyle = (state.types[type] || {}).color || "#999";
    ctx.fillRect(x, y - 12 * SCALE, 12 * SCALE, 12 * SCALE);
    text(ctx, type, x + 16 * SCALE, y, 13);
    x += (type.length * 8 + 40) * SCALE;
  }
  y += LINE;
  text(ctx, "Sources:", pad, y, 13, "#222", "bold");
  for (const source of info.sources) { y += LINE; text(ctx, source, pad, y, 13, "#333"); }
  text(ctx, info.when, pad, y + LINE, 13, "#555");
  text(ctx, info.credit, pad, y + 2 * LINE, 12, "#777");
  return canvas.toDataURL("image/png");
}
