// Explore: free text in, one chip per understood finding (present / absent / unknown), results at once.
import { api, errorBox, h, replace, state } from "./dom.js";
import { notes, redFlags, suggestionList, whatChanged } from "./results.js";

const NEXT_STATE = { present: "absent", absent: "unknown", unknown: "present" };
const $ = (id) => document.getElementById(id);

export function initExplore() {
  $("explore-form").addEventListener("submit", (event) => { event.preventDefault(); add(); });
  $("explore-clear").addEventListener("click", () => {
    state.findings = [];
    refresh({ present: [], absent: [] }, []);
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

const labels = (findings, wanted) => findings.filter((f) => f.state === wanted).map((f) => f.label);

async function add() {
  const input = $("explore-text");
  const text = input.value.trim();
  if (!text) return;
  try {
    const parsed = await api("/api/parse", { text });
    const before = snapshot();
    const changes = [];
    // a past episode is shown in the notes, not made an absent chip: it is never weighed against a condition
    const now = parsed.absent.filter((r) => !(r.parse && r.parse.past));
    const said = [...parsed.recognized.map((r) => [r, "present"]), ...now.map((r) => [r, "absent"])];
    for (const [r, wanted] of said) {
      const known = state.findings.find((f) => f.id === r.symptom.id);
      if (known && known.state === wanted) continue;
      if (known) known.state = wanted;
      else state.findings.push({ id: r.symptom.id, label: r.symptom.label, state: wanted, input: r.input });
      changes.push(`${CHANGE_SIGN[wanted]}${r.symptom.label}`);
    }
    input.value = "";
    replace($("vocabulary"));
    await refresh(before, changes, parsed.unrecognized, parsed.absent);
  } catch (error) { replace($("explore-notes"), errorBox(error)); }
}

const CHANGE_SIGN = { present: "+", absent: "!", unknown: "-" };

async function toggle(finding) {
  const before = snapshot();
  finding.state = NEXT_STATE[finding.state];
  await refresh(before, [`${CHANGE_SIGN[finding.state]}${finding.label}`]);
}

function snapshot() {
  return { present: labels(state.findings, "present"), absent: labels(state.findings, "absent") };
}

// With findings before the change, the core's what-if says what moved; otherwise a plain explore.
async function ask(before, changes) {
  const present = labels(state.findings, "present");
  const absent = labels(state.findings, "absent");
  if (!present.length && !absent.length) return { result: null, diff: null };
  if ((!before.present.length && !before.absent.length) || !changes.length) {
    return { result: await api("/api/explore", { present, absent }), diff: null };
  }
  const data = await api("/api/what-if", { ...before, changes });
  return { result: data.after, diff: whatChanged(data) };
}

async function refresh(before, changes, unrecognized = [], absent = []) {
  drawChips();
  let answer;
  try { answer = await ask(before, changes); } catch (error) {
    replace($("explore-notes"), errorBox(error));
    return;
  }
  const { result, diff } = answer;
  state.result = result;
  replace($("explore-notes"), notes({ unrecognized, absent, conflicting: result ? result.conflicting : [] }));
  replace($("explore-course"), result ? courseRead(result) : null);
  // Red flags first, above what a change moved: the warnings hold for the case as it is now.
  replace($("explore-flags"), result ? redFlags(result) : []);
  replace($("explore-changes"), diff && diff.lines.length
    ? [h("h3", {}, `What changed (${diff.cause})`), h("ul", {}, diff.lines.map((line) => h("li", {}, line)))] : []);
  replace($("explore-results"), result
    ? [h("h3", {}, "Related conditions to read about"),
      suggestionList(result, diff ? diff.moved : new Set()),
      h("p", {}, h("a", { href: "#reasoning" }, "See the reasoning, step by step"))]
    : []);
}

// What was read as time course and pattern (the result's time_course): one line a value, with the words it
// was read from (typed here, or in the result when a story was explored) and the findings it was said of.
function courseRead(result) {
  const course = result.time_course || [];
  if (!course.length) return null;
  const typed = (c) => {
    const chip = state.findings.find((f) => f.id === c.value.id);
    const words = chip && chip.input ? chip.input : c.input;
    return words && words.toLowerCase() !== c.value.label.toLowerCase() ? ` (from "${words}")` : "";
  };
  return [h("h3", { id: "explore-course-title" }, "Time course and pattern"),
    h("ul", { class: "course-read", "aria-labelledby": "explore-course-title" }, course.map((c) => h("li", {
      "data-value": c.value.id,
    }, c.value.label, typed(c), c.qualifies.length ? `, said of ${c.qualifies.map((q) => q.label).join(", ")}` : "")))];
}

function drawChips() {
  // A chip worked from the keyboard keeps the focus once the chips are drawn again.
  const focused = $("chips").contains(document.activeElement) ? document.activeElement.dataset.finding : null;
  replace($("chips"), state.findings.map((f) => h("li", {},
    h("button", {
      type: "button", class: "chip", "data-state": f.state, "data-finding": f.id,
      "aria-describedby": "chip-hint", onclick: () => toggle(f),
    }, f.label, " ", h("span", { class: "state" }, f.state)))));
  const again = focused && [...$("chips").querySelectorAll(".chip")].find((c) => c.dataset.finding === focused);
  if (again) again.focus();
}
