// DOM helpers and the banner: the only module that builds elements by hand.

export const $ = (sel) => document.querySelector(sel);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// replaceChildren turns a null into the text "null": leave the gaps out instead.
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

export function banner(message, kind = "info") {
  const box = $("#banner");
  box.replaceChildren();
  if (!message) { box.hidden = true; return; }
  box.className = "banner" + (kind === "error" ? " error" : "");
  box.append(...(Array.isArray(message) ? message : [message]));
  box.hidden = false;
}

export function relLabel(type) { return type.toLowerCase().replaceAll("_", " "); }
