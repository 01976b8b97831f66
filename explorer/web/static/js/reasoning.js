// Reasoning: the case's path through the knowledge network (the whole network on request) drawn by
// graph.js with a table twin (twin.js), both from the nodes and edges the API gives; and a stepper
// through the engine's step records: the agenda before each firing and why the first won, working
// memory, the rule as IF/THEN, and the fact it added. All data comes from the core. After a Run in the
// Lab, the case is shown with the learner's rule pack (POST /api/lab/run), each of its rules marked.
import { PACK_MARK, api, cite, h, replace, state } from "./dom.js";
import { drawGraph, showNode, toggleFit, zoomGraph } from "./graph.js";
import { twinStates, twinTable } from "./twin.js";

const $ = (id) => document.getElementById(id);
const NODE_KIND = { infer: "pattern", suggest: "condition", red_flag: "red_flag" };
const view = {
  cy: null, rules: null, labels: new Map(), result: null, step: 0, timer: null, key: null,
  full: null, path: null, whole: false, drawn: null, width: 0, lab: null, packRules: new Map(),
};

export function initReasoning() {
  $("step-first").addEventListener("click", () => go(0));
  $("step-back").addEventListener("click", () => go(view.step - 1));
  $("step-next").addEventListener("click", () => go(view.step + 1));
  $("step-play").addEventListener("click", play);
  $("graph-whole").addEventListener("click", () => {
    view.whole = !view.whole;
    render();
  });
  $("graph-fit").addEventListener("click", () => $("graph-fit").setAttribute("aria-pressed", String(toggleFit())));
  $("graph-zoom-in").addEventListener("click", () => zoomGraph(1.25));
  $("graph-zoom-out").addEventListener("click", () => zoomGraph(0.8));
  document.addEventListener("keydown", (event) => {
    if ($("page-reasoning").hidden || ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName)) return;
    if (event.key === "ArrowRight") go(view.step + 1);
    else if (event.key === "ArrowLeft") go(view.step - 1);
    else if (event.key === "Home") go(0);
    else return;
    event.preventDefault();
  });
  // A new width or projector mode's larger type: the graph is laid out again for it.
  new ResizeObserver(() => {
    const now = $("graph").clientWidth;
    if (view.cy && now && Math.abs(now - view.width) > 1) render();
  }).observe($("page-reasoning"));
  document.addEventListener("projector", () => { if (view.cy && !$("page-reasoning").hidden) render(); });
}

export async function showReasoning() {
  if (!view.rules) {
    const [network, rules] = await Promise.all([api("/api/network"), api("/api/rules?all=1")]);
    view.rules = new Map(rules.groups.flatMap((g) => g.rules).map((r) => [r.id, r]));
    view.full = network;
    network.nodes.forEach((n) => view.labels.set(n.id, n.label));
  }
  const present = state.findings.filter((f) => f.state === "present").map((f) => f.label);
  const absent = state.findings.filter((f) => f.state === "absent").map((f) => f.label);
  const lab = state.lab;
  const key = JSON.stringify([present, absent, lab && [lab.pack, lab.name]]);
  if (key !== view.key) {
    view.key = key;
    const known = present.length || absent.length;
    view.lab = known && lab ? await labRun(lab, present, absent) : null;
    view.packRules = new Map(view.lab ? view.lab.rules.map((r) => [r.id, r]) : []);
    if (view.lab) {
      view.lab.network.nodes.forEach((n) => view.labels.set(n.id, n.label));
      [view.result, view.path] = [view.lab.result, view.lab.path];
    } else {
      [view.result, view.path] = known ? await Promise.all([api("/api/explore", { present, absent }),
        api("/api/network/path", { present, absent })]) : [null, null];
    }
    view.step = steps().length; // a new case opens with its whole path lit; First goes back to the start
    view.drawn = null;
  }
  labBanner();
  render();
}

// The Lab's run for this case: the one the Lab made, or a new one when the findings changed since.
async function labRun(lab, present, absent) {
  const caseKey = JSON.stringify([present, absent]);
  if (lab.key !== caseKey) {
    lab.run = await api("/api/lab/run", { pack: lab.pack, name: lab.name, present, absent });
    lab.key = caseKey;
  }
  return lab.run;
}

function labBanner() {
  if (!view.lab) return replace($("reasoning-lab"));
  replace($("reasoning-lab"), h("div", { class: "lab-banner" },
    h("p", {}, h("strong", {}, view.lab.result.rule_pack.note)),
    view.lab.steps_left_out ? h("p", {}, view.lab.steps_left_out) : null,
    h("button", { type: "button", class: "quiet", id: "reasoning-own", onclick: () => {
      state.lab = null;
      showReasoning();
    } }, "Show the explorer's own rules only")));
}

const mine = (rule) => view.packRules.has(rule);
const ruleOf = (id) => view.rules.get(id) || view.packRules.get(id);

function steps() { return view.result && view.result.steps ? view.result.steps : []; }

// The case's path by default, the whole network on request (or when there is no path to show).
function render() {
  const whole = view.whole || !view.path || !view.path.nodes.length;
  const network = whole ? (view.lab ? view.lab.network : view.full) : view.path;
  $("graph-whole").setAttribute("aria-pressed", String(view.whole));
  const why = view.whole ? "" : view.path ? " (no rule fired for these findings)"
    : " (no case yet: enter findings on the Explore page to see their path)";
  replace($("graph-shown"), whole ? `The whole knowledge network: ${network.nodes.length} nodes${why}.`
    : `This case's path: the ${network.nodes.length} findings, patterns, conditions and red flags its rules used.`);
  view.width = $("graph").clientWidth;
  view.cy = drawGraph($("graph"), network, (id) => nodeRules(id, view.labels.get(id) || id));
  if (view.drawn !== network) {
    replace($("graph-twin"), twinTable(network, showInGraph, (rule) => (mine(rule) ? ` ${PACK_MARK}` : "")));
  }
  view.drawn = network;
  go(view.step);
}

function showInGraph(id, label) {
  showNode(id);
  nodeRules(id, label);
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
  return view.labels.has(`pattern:${id}`) ? `pattern:${id}` : `finding:${id}`;
}

function light() {
  const cy = view.cy;
  cy.elements().removeClass("lit current known known-absent");
  if (view.result) lightPath(cy);
  const table = $("graph-twin").querySelector("table");
  if (table) twinStates(table, (id) => caseState(cy.getElementById(id)));
}

// In words, for the table: what the case and the current step say of a node.
function caseState(node) {
  if (node.empty()) return "";
  if (node.hasClass("current")) return "added at this step";
  if (node.hasClass("lit")) return "reached";
  if (node.hasClass("known")) return "entered as present";
  if (node.hasClass("known-absent")) return "reported absent";
  return "";
}

function lightPath(cy) {
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
  return [h("h3", {}, "Agenda before this firing (best first)"),
    h("ol", { class: "agenda" }, step.agenda.map((a, i) => h("li", {
      class: [i === 0 ? "new" : "", mine(a.rule) ? "learner" : ""].join(" ").trim(),
    }, `${a.rule}${mine(a.rule) ? ` ${PACK_MARK}` : ""} (salience ${a.salience}, facts ${a.facts.join(", ")})`))),
    h("p", { class: "hint" }, `Why ${step.agenda[0].rule} goes first: ${step.reason}.`)];
}

function memory(step, added) {
  const facts = added ? [...step.memory, added] : step.memory;
  return [h("h3", {}, "Working memory"), h("ul", { class: "memory" }, facts.map((f) => h("li", {
    class: added && f.id === added.id ? "new" : "",
  }, `f-${f.id} ${f.kind}: ${view.labels.get(factNode(f.value)) || f.value}${f.origin ? ` (${f.origin})` : ""}`)))];
}

function firing(step) {
  const rule = ruleOf(step.rule);
  const trace = view.result.trace[view.step - 1];
  return [
    h("h3", { class: mine(step.rule) ? "learner" : "" }, `Step ${step.step}: ${step.rule}`,
      mine(step.rule) ? ` ${PACK_MARK}` : ""),
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
  if (!view.rules) return;
  const ref = nodeId.slice(nodeId.indexOf(":") + 1);
  const rules = [...view.rules.values(), ...view.packRules.values()].filter((r) => `${NODE_KIND[r.then.kind]}:${r.then.id}` === nodeId
    || [...r.if.all, ...r.if.any, ...r.unless].some((p) => p.id === ref));
  replace($("node-rules"), h("h3", {}, `Rules about ${label}`), h("ul", {}, rules.map((r) => h("li", {},
    h("strong", {}, r.id), mine(r.id) ? ` ${PACK_MARK}` : "", `: ${r.explanation}`))));
}
