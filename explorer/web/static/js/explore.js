// Explore: free text in, one chip per understood finding (present / absent / unknown), results at once.
import { api, errorBox, h, replace, state } from "./dom.js";
import { changes, notes, redFlags, suggestionList } from "./results.js";

const NEXT_STATE = { present: "absent", absent: "unknown", unknown: "present" };
const $ = (id) => document.getElementById(id);
let listeners = [];

export function onResult(listener) { listeners.push(listener); }

export function initExplore() {
  $("explore-form").addEventListener("submit", (event) => { event.preventDefault(); add(); });
  $("explore-clear").addEventListener("click", () => {
    state.findings = [];
    state.result = null;
    refresh(null);
  });
  suggestAsYouType($("explore-text"));
}

export function suggestAsYouType(input) {
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(",");
      const word = parts.pop().trim();
      const list = $("vocabulary");
      if (word.length < 2) return replace(list);
      const prefix = parts.length ? parts.join(",") + ", " : "";
      try {
        const data = await api(`/api/symptoms?search=${encodeURIComponent(word)}`);
        replace(list, data.symptoms.slice(0, 12).map((s) => h("option", { value: prefix + s.label })));
      } catch (error) { replace(list); }
    }, 150);
  });
}

async function add() {
  const input = $("explore-text");
  const text = input.value.trim();
  if (!text) return;
  try {
    const parsed = await api("/api/parse", { text });
    for (const r of parsed.recognized) {
      const known = state.findings.find((f) => f.id === r.symptom.id);
      if (known) known.state = "present";
      else state.findings.push({ id: r.symptom.id, label: r.symptom.label, state: "present" });
    }
    input.value = "";
    replace($("vocabulary"));
    await refresh(`adding ${parsed.recognized.map((r) => r.symptom.label).join(", ") || "nothing"}`,
      parsed.unrecognized);
  } catch (error) { replace($("explore-notes"), errorBox(error)); }
}

async function toggle(finding) {
  finding.state = NEXT_STATE[finding.state];
  await refresh(`${finding.label} set to ${finding.state}`);
}

async function refresh(cause, unrecognized = []) {
  drawChips();
  const present = state.findings.filter((f) => f.state === "present").map((f) => f.label);
  const absent = state.findings.filter((f) => f.state === "absent").map((f) => f.label);
  const before = state.result;
  let result = null;
  if (present.length || absent.length) {
    try { result = await api("/api/explore", { present, absent }); } catch (error) {
      replace($("explore-notes"), errorBox(error));
      return;
    }
  }
  state.result = result;
  replace($("explore-notes"), notes({ unrecognized, conflicting: result ? result.conflicting : [] }));
  const diff = result ? changes(before, result, cause) : { lines: [], moved: new Set() };
  replace($("explore-changes"), diff.lines.length
    ? [h("h3", {}, "What changed"), h("ul", {}, diff.lines.map((line) => h("li", {}, line)))] : []);
  replace($("explore-results"), result
    ? [redFlags(result), h("h3", {}, "Related conditions to read about"), suggestionList(result, diff.moved),
      h("p", {}, h("a", { href: "#reasoning" }, "See the reasoning, step by step"))]
    : []);
  listeners.forEach((listener) => listener(result));
}

function drawChips() {
  replace($("chips"), state.findings.map((f) => h("li", {},
    h("button", {
      type: "button", class: "chip", "data-state": f.state, "data-finding": f.id,
      "aria-label": `${f.label}: ${f.state}. Click to change.`, onclick: () => toggle(f),
    }, f.label, h("span", { class: "state" }, f.state)))));
}
