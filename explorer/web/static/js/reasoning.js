// Reasoning: the knowledge network as a layered diagram (cytoscape, vendored) with the case's path lit,
// and a stepper through the engine's step records: the agenda before each firing and why the first won,
// working memory, the rule as IF/THEN, and the fact it added. All data comes from the core.
import { api, cite, h, replace, state } from "./dom.js";

const $ = (id) => document.getElementById(id);
const NODE_KIND = { infer: "pattern", suggest: "condition", red_flag: "red_flag" };
const view = { cy: null, rules: null, labels: new Map(), result: null, step: 0, timer: null, key: null };

export function initReasoning() {
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
    const [network, rules] = await Promise.all([api("/api/network"), api("/api/rules?all=1")]);
    view.rules = new Map(rules.groups.flatMap((g) => g.rules).map((r) => [r.id, r]));
    draw(network);
  }
  const present = state.findings.filter((f) => f.state === "present").map((f) => f.label);
  const absent = state.findings.filter((f) => f.state === "absent").map((f) => f.label);
  const key = JSON.stringify([present, absent]);
  if (key !== view.key) {
    view.key = key;
    view.result = present.length || absent.length ? await api("/api/explore", { present, absent }) : null;
    view.step = steps().length; // a new case opens with its whole path lit; First goes back to the start
  }
  view.cy.resize();
  view.cy.fit(undefined, 20);
  go(view.step);
}

function steps() { return view.result ? view.result.steps : []; }

// Layers: findings, then patterns by how many patterns they rest on, then conditions and red flags.
function layers(network) {
  const from = new Map();
  network.edges.forEach((e) => from.set(e.to, [...(from.get(e.to) || []), e.from]));
  const depth = new Map();
  const layerOf = (id, seen = new Set()) => {
    if (depth.has(id)) return depth.get(id);
    if (!id.startsWith("pattern:") || seen.has(id)) return 0;
    seen.add(id);
    const below = (from.get(id) || []).map((p) => layerOf(p, seen));
    const value = 1 + Math.max(0, ...below);
    depth.set(id, value);
    return value;
  };
  const last = 1 + Math.max(0, ...network.nodes.map((n) => layerOf(n.id)));
  return (node) => (node.kind === "finding" ? 0 : node.kind === "pattern" ? layerOf(node.id) : last);
}

function draw(network) {
  const layerOf = layers(network);
  const sizes = new Map();
  network.nodes.forEach((n) => sizes.set(layerOf(n), (sizes.get(layerOf(n)) || 0) + 1));
  const height = Math.max(...sizes.values()) * 30;
  const rows = new Map();
  const nodes = network.nodes.map((n) => {
    const layer = layerOf(n);
    const row = rows.get(layer) || 0;
    rows.set(layer, row + 1);
    view.labels.set(n.id, n.label);
    const y = (row + 0.5) * (height / sizes.get(layer));
    return { data: { id: n.id, label: n.label, kind: n.kind }, position: { x: layer * 260, y } };
  });
  const edges = network.edges.map((e, i) => ({
    data: { id: `e${i}`, source: e.from, target: e.to, rule: e.rule, negated: e.negated ? "yes" : "no" },
  }));
  view.cy = window.cytoscape({
    container: $("graph"), elements: { nodes, edges }, layout: { name: "preset" }, style: graphStyle(),
  });
  view.cy.on("tap", "node", (event) => nodeRules(event.target.id(), event.target.data("label")));
}

function graphStyle() {
  return [
    { selector: "node", style: { label: "data(label)", "font-size": 11, width: 14, height: 14,
      "background-color": "#8c959f", "text-valign": "center", "text-halign": "right", "text-margin-x": 4 } },
    { selector: "node[kind = 'pattern']", style: { shape: "diamond", "background-color": "#6f42c1" } },
    { selector: "node[kind = 'condition']", style: { shape: "round-rectangle", "background-color": "#0b5cad" } },
    { selector: "node[kind = 'red_flag']", style: { shape: "triangle", "background-color": "#a40e26" } },
    { selector: "edge", style: { width: 1, "line-color": "#d0d7de", "curve-style": "bezier", opacity: 0.6 } },
    { selector: "edge[negated = 'yes']", style: { "line-style": "dashed" } },
    { selector: ".known", style: { "border-width": 3, "border-color": "#1a7f37" } },
    { selector: ".known-absent", style: { "border-width": 3, "border-color": "#b42318" } },
    { selector: ".lit", style: { "background-color": "#e8590c", "line-color": "#e8590c", width: 3, opacity: 1,
      "font-weight": "bold" } },
    { selector: ".current", style: { "background-color": "#ffb000", "line-color": "#ffb000", width: 5,
      "border-width": 4, "border-color": "#000", opacity: 1, "z-index": 10 } },
  ];
}

function go(step) {
  const all = steps();
  view.step = Math.max(0, Math.min(step, all.length));
  if (view.step === all.length) stop();
  light();
  replace($("step-counter"), all.length ? `step ${view.step} of ${all.length}` : "no case yet");
  $("step-first").disabled = $("step-back").disabled = view.step === 0;
  $("step-next").disabled = view.step >= all.length;
  $("step-play").disabled = !all.length;
  replace($("step-panel"), panel(all));
}

// A fact id names a pattern when the network has one by that id, a finding otherwise.
function factNode(id) {
  return view.cy.getElementById(`pattern:${id}`).nonempty() ? `pattern:${id}` : `finding:${id}`;
}

function light() {
  const cy = view.cy;
  cy.elements().removeClass("lit current known known-absent");
  if (!view.result) return;
  view.result.recognized.forEach((r) => cy.getElementById(`finding:${r.symptom.id}`).addClass("known"));
  view.result.absent.forEach((r) => cy.getElementById(`finding:${r.symptom.id}`).addClass("known-absent"));
  // Only the premises a firing used: the findings it matched, and patterns concluded before it.
  const known = new Set();
  view.result.trace.slice(0, view.step).forEach((s, i) => {
    const cls = i === view.step - 1 ? "current" : "lit";
    s.matched.concat(s.matched_absent).forEach((m) => known.add(factNode(m.id)));
    const target = `${NODE_KIND[s.concluded.kind]}:${s.concluded.id}`;
    cy.getElementById(target).addClass(cls);
    cy.edges().filter((e) => e.data("rule") === s.rule && known.has(e.data("source"))).addClass(cls);
    known.add(target);
  });
}

function panel(all) {
  if (!all.length) {
    return h("p", {}, view.result ? "No rule fired for these findings."
      : "Enter some findings on the Explore page first; their rule firings appear here.");
  }
  if (view.step === 0) {
    return [h("p", {}, "Before the first rule: only the findings entered are known. Press Next (or the right arrow)."),
      agenda(all[0]), memory(all[0], null)];
  }
  const step = all[view.step - 1];
  return [firing(step), agenda(step), memory(step, step.added)];
}

function agenda(step) {
  return [h("h4", {}, "Agenda before this firing (best first)"),
    h("ol", { class: "agenda" }, step.agenda.map((a, i) => h("li", { class: i === 0 ? "new" : "" },
      `${a.rule} (salience ${a.salience}, facts ${a.facts.join(", ")})`))),
    h("p", { class: "hint" }, `Why ${step.agenda[0].rule} goes first: ${step.reason}.`)];
}

function memory(step, added) {
  const facts = added ? [...step.memory, added] : step.memory;
  return [h("h4", {}, "Working memory"), h("ul", { class: "memory" }, facts.map((f) => h("li", {
    class: added && f.id === added.id ? "new" : "",
  }, `f-${f.id} ${f.kind}: ${view.labels.get(factNode(f.value)) || f.value}${f.origin ? ` (${f.origin})` : ""}`)))];
}

function firing(step) {
  const rule = view.rules.get(step.rule);
  const trace = view.result.trace[view.step - 1];
  return [
    h("h4", {}, `Step ${step.step}: ${step.rule}`),
    h("pre", { class: "ifthen" }, ifThen(rule)),
    h("p", {}, "Matched: ", trace.matched.map((m) => m.label).join(", ") || "nothing",
      trace.matched_absent.length ? `; reported absent: ${trace.matched_absent.map((m) => m.label).join(", ")}` : ""),
    h("p", {}, h("strong", {}, "Added: "), trace.concluded.label),
    h("p", { class: "hint" }, rule.explanation, " Sources: ", rule.sources.map(cite).join("; ")),
  ];
}

export function ifThen(rule) {
  const names = (items) => items.map((i) => i.label).join(", ");
  const lines = [];
  if (rule.if.all.length) lines.push(`IF all of: ${names(rule.if.all)}`);
  if (rule.if.any.length) lines.push(`${lines.length ? "AND" : "IF"} at least ${rule.if.at_least} of: ${names(rule.if.any)}`);
  if (rule.unless.length) lines.push(`AND reported absent: ${names(rule.unless)}`);
  lines.push(`THEN ${rule.then.kind.replace("_", " ")}: ${rule.then.label}${rule.strength ? ` (${rule.strength})` : ""}`);
  return lines.join("\n");
}

function play() {
  if (view.timer) return stop();
  if (view.step >= steps().length) go(0);
  $("step-play").textContent = "Pause";
  view.timer = setInterval(() => go(view.step + 1), Number($("step-speed").value));
}

function stop() {
  clearInterval(view.timer);
  view.timer = null;
  $("step-play").textContent = "Play";
}

function nodeRules(nodeId, label) {
  const ref = nodeId.slice(nodeId.indexOf(":") + 1);
  const rules = [...view.rules.values()].filter((r) => `${NODE_KIND[r.then.kind]}:${r.then.id}` === nodeId
    || [...r.if.all, ...r.if.any, ...r.unless].some((p) => p.id === ref));
  replace($("node-rules"), h("h3", {}, `Rules about ${label}`), h("ul", {}, rules.map((r) => h("li", {},
    h("strong", {}, r.id), `: ${r.explanation}`))));
}
