// Search-as-you-type suggestions under an input; picking one calls `onPick`.
import { api, query } from "./api.js";
import { el } from "./dom.js";

export function attachSuggestions(input, onPick) {
  const list = input.parentElement.querySelector(".suggestions");
  let timer = null;
  let active = -1;
  let items = [];
  const close = () => { list.hidden = true; active = -1; };
  const show = (hits, q) => {
    items = hits;
    list.replaceChildren(...hits.map((hit, i) => el("li", { role: "option", "data-id": hit.id,
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } },
    hit.name, el("span", { class: "kind" }, hit.type))));
    if (!hits.length) {  // say so, rather than show nothing
      list.append(el("li", { class: "none", "data-testid": "no-match" },
        `No entity matches “${q}”. Try another spelling, or fewer words.`));
    }
    list.hidden = false;
  };
  const choose = (i) => {
    const hit = items[i];
    if (!hit) return;
    input.value = hit.name;
    input.dataset.id = hit.id;
    close();
    onPick(hit);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    delete input.dataset.id;
    const q = input.value.trim();
    if (!q) { close(); return; }
    timer = setTimeout(async () => {
      try {
        const page = await api("/entities?" + query({ q, limit: 8 }));
        if (input.value.trim() === q) show(page.results, q);
      } catch (err) { if (err.status === 422) show([], q); }
    }, 150);
  });
  input.addEventListener("keydown", (ev) => {
    if (list.hidden || !items.length) { if (ev.key === "Escape") close(); return; }
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      active = (active + (ev.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      [...list.children].forEach((li, i) => li.classList.toggle("active", i === active));
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      choose(active >= 0 ? active : 0);
      ev.preventDefault();
    } else if (ev.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}
