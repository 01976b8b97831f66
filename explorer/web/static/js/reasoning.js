// Reasoning: the knowledge network as a layered diagram (cytoscape, vendored) with the case's path lit,
// and a stepper through the engine's trace: working memory, the rule as IF/THEN, what it added.
import { api, cite, h, replace, state } from "./dom.js";

const $ = (id) => document.getElementById(id);
const KIND_NAMES = { infer: "infers pattern", suggest: "suggests", red_flag: "raises red flag" };
const CONCLUSION_NAMES = { infer: "pattern", suggest: "suggestion", red_flag: "red flag" };
const NODE_KIND = { infer: "pattern", suggest: "condition", red_flag: "red_flag" };
const view = { cy: null, rules: null, step: 0, timer: null };

export async function initReasoning() {
  $("step-first").addEventListener("click", () => go(0));
  $("step-back").addEventListener("click", () => go(view.step - 1));
  $("step-next").addEventListener("click", () => go(view.step + 1));
  $("step-play").addEventListener("click", play);
  document.addEventListener("keydown", (event) => {
    if ($("page-reasoning").hidden || ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName)) return;
    if (event.key === "ArrowRight") go(view.step + 1);
    else if (event.key === "ArrowLeft") go(view.step - 1);
    else if (event.key === "Home") go(0);
    else return;
    event.preventDefault();
  });
}

export async function showReasoning() {
  if (!view.rules) {
    const [network, rules] = await Promise.all([api("/api/network"), api("/api/rules")]);
    view.rules = new Map(rules.rules.map((r) => [r.id, r]));
    draw(network);
  }
  view.cy.resize();
  view.cy.fit(undefined, 20);
  go(trace().length);
}

function trace() { return state.result ? state.result.trace : []; }

function draw(network) {
  // Layers as columns; each column spread over the height of the tallest one.
  const sizes = new Map();
  network.nodes.forEach((n) => sizes.set(n.layer, (sizes.get(n.layer) || 0) + 1));
  const height = Math.max(...sizes.values()) * 30;
  const rows = new Map();
  const nodes = network.nodes.map((n) => {
    const row = rows.get(n.layer) || 0;
    rows.set(n.layer, row + 1);
    const y = (row + 0.5) * (height / sizes.get(n.layer));
    return { data: { id: n.id, ref: n.ref, label: n.label, kind: n.kind }, position: { x: n.layer * 260, y } };
  });
  const edges = network.edges.map((e) => ({ data: { ...e } }));
  view.cy = window.cytoscape({
    container: $("graph"),
    elements: { nodes, edges },
    layout: { name: "preset" },
    style: graphStyle(),
  });
  view.cy.on("tap", "node", (event) => nodeRules(event.target.data("ref"), event.target.data("label")));
}

function graphStyle() {
  return [
    { selector: "node", style: { label: "data(label)", "font-size": 11, width: 14, height: 14,
      "background-color": "#8c959f", "text-valign": "center", "text-halign": "right", "text-margin-x": 4 } },
    { selector: "node[kind = 'pattern']", style: { shape: "diamond", "background-color": "#6f42c1" } },
    { selector: "node[kind = 'condition']", style: { shape: "round-rectangle", "background-color": "#0b5cad" } },
    { selector: "node[kind = 'red_flag']", style: { shape: "triangle", "background-color": "#a40e26" } },
    { selector: "edge", style: { width: 1, "line-color": "#d0d7de", "curve-style": "bezier", opacity: 0.6 } },
    { selector: "edge[role = 'absent']", style: { "line-style": "dashed" } },
    { selector: ".known", style: { "border-width": 3, "border-color": "#1a7f37" } },
    { selector: ".known-absent", style: { "border-width": 3, "border-color": "#b42318" } },
    { selector: ".lit", style: { "background-color": "#e8590c", "line-color": "#e8590c", width: 3, opacity: 1,
      "font-weight": "bold" } },
    { selector: ".current", style: { "background-color": "#ffb000", "line-color": "#ffb000", width: 5,
      "border-width": 4, "border-color": "#000", opacity: 1, "z-index": 10 } },
  ];
}

function go(step) {
  const steps = trace();
  view.step = Math.max(0, Math.min(step, steps.length));
  if (view.step === steps.length) stop();
  light(steps);
  replace($("step-counter"), steps.length ? `step ${view.step} of ${steps.length}` : "no case yet");
  $("step-first").disabled = $("step-back").disabled = view.step === 0;
  $("step-next").disabled = view.step >= steps.length;
  replace($("step-panel"), panel(steps));
}

function light(steps) {
  const cy = view.cy;
  cy.elements().removeClass("lit current known known-absent");
  if (state.result) {
    state.result.recognized.forEach((r) => cy.getElementById(`finding:${r.symptom.id}`).addClass("known"));
    state.result.absent.forEach((r) => cy.getElementById(`finding:${r.symptom.id}`).addClass("known-absent"));
  }
  // Only the premises a firing actually used: matched findings, and patterns concluded before it.
  const known = new Set();
  steps.slice(0, view.step).forEach((s, i) => {
    const cls = i === view.step - 1 ? "current" : "lit";
    s.matched.concat(s.matched_absent).forEach((m) => known.add(premise(m.id)));
    const target = `${NODE_KIND[s.concluded.kind]}:${s.concluded.id}`;
    cy.getElementById(target).addClass(cls);
    cy.edges().filter((e) => e.data("rule") === s.rule && known.has(e.data("source"))).addClass(cls);
    known.add(target);
  });
}

// A matched id names a pattern when the network has one by that id, a finding otherwise.
function premise(id) {
  return view.cy.getElementById(`pattern:${id}`).nonempty() ? `pattern:${id}` : `finding:${id}`;
}

function panel(steps) {
  if (!steps.length) {
    return h("p", {}, "Explore some findings first (Explore page); their rule firings appear here.");
  }
  const memory = [
    ...state.result.recognized.map((r) => `${r.symptom.label} (present)`),
    ...state.result.absent.map((r) => `${r.symptom.label} (absent)`),
  ].map((text) => h("li", {}, text));
  steps.slice(0, view.step).forEach((s, i) => memory.push(h("li", { class: i === view.step - 1 ? "new" : "" },
    `${s.concluded.label} (${CONCLUSION_NAMES[s.concluded.kind]}, step ${s.step})`)));
  const current = steps[view.step - 1];
  const upcoming = steps.slice(view.step).map((s) => h("li", {}, s.rule));
  return [
    current ? firing(current) : h("p", {}, "Before the first rule: only the findings entered are known."),
    h("h4", {}, "Working memory"), h("ul", { class: "memory" }, memory),
    h("h4", {}, "Still to fire, in order"), upcoming.length ? h("ol", {}, upcoming) : h("p", {}, "nothing: done"),
  ];
}

function firing(step) {
  const rule = view.rules.get(step.rule);
  const names = (items) => items.map((i) => i.label).join(", ");
  const lines = [];
  if (rule.if.all.length) lines.push(`IF all of: ${names(rule.if.all)}`);
  if (rule.if.any.length) lines.push(`${lines.length ? "AND" : "IF"} at least ${rule.if.at_least} of: ${names(rule.if.any)}`);
  if (rule.if.absent.length) lines.push(`AND reported absent: ${names(rule.if.absent)}`);
  lines.push(`THEN ${KIND_NAMES[rule.then.kind]}: ${rule.then.label}${rule.then.strength ? ` (${rule.then.strength})` : ""}`);
  return [
    h("h4", {}, `Step ${step.step}: ${step.rule}`),
    h("pre", { class: "ifthen" }, lines.join("\n")),
    h("p", {}, "Matched: ", step.matched.map((m) => m.label).join(", ") || "nothing",
      step.matched_absent.length ? `; reported absent: ${step.matched_absent.map((m) => m.label).join(", ")}` : ""),
    h("p", {}, h("strong", {}, "Added: "), step.concluded.label),
    h("p", { class: "hint" }, rule.explanation, " Sources: ", rule.sources.map(cite).join("; ")),
  ];
}

function play() {
  if (view.timer) return stop();
  if (view.step >= trace().length) go(0);
  $("step-play").textContent = "Pause";
  view.timer = setInterval(() => go(view.step + 1), Number($("step-speed").value));
}

function stop() {
  clearInterval(view.timer);
  view.timer = null;
  $("step-play").textContent = "Play";
}

function nodeRules(id, label) {
  const rules = [...view.rules.values()].filter((r) => r.then.id === id
    || [...r.if.all, ...r.if.any, ...r.if.absent].some((p) => p.id === id));
  replace($("node-rules"), h("h3", {}, `Rules about ${label}`), h("ul", {}, rules.map((r) => h("li", {},
    h("strong", {}, r.id), `: ${r.explanation}`))));
}
