// Small helpers shared by every page. Every text goes in through textContent (never innerHTML), so
// whatever a person types is shown as text, not run as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else if (key === "class") el.className = value;
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || `request failed (${response.status})`);
  return data;
}

export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, error.message || String(error));
}

export function cite(source) {
  if (source.kind === "article") return `article: "${source.ref}"`;
  return source.ref + (source.frequency && source.frequency !== "not stated" ? ` (${source.frequency})` : "");
}

export function basis(item) {
  const parts = item.links.map((s) => (s.kind === "article" ? "article" : cite(s)));
  if (!parts.length && item.rules.length) parts.push("rule");
  return [...new Set(parts)].join("; ");
}

// The shared state of the Explore page, also read by the Reasoning page and the Lab. ``lab``: the rule
// pack last run in the Lab ({pack, name, run, key}); while set, the Reasoning page shows the case with it.
export const state = { findings: [], result: null, lab: null };

export const PACK_MARK = "(learner's rule)"; // after a rule of a learner's rule pack, as the command line writes it
