// Lab: a learner's rule pack, written with a form (IF/THEN from the vocabulary) or as YAML, each kept in
// step with the other; checked as you type by the server (the messages of `check`); run on the current
// case (the Reasoning page and its stepper then show it, marked as the learner's); tried on every example
// case (the table of `rules try`); downloaded and uploaded. The pack lives in this page: every request
// carries it, and the server keeps nothing.
import { errorBox, h, replace, state } from "./dom.js";
import { redFlags, suggestionList } from "./results.js";

const $ = (id) => document.getElementById(id);
const PARTS = {
  all: "All of these findings (each reported, or inferred by a pattern rule)",
  any: "At least some of these findings",
  absent: "Only when these findings are reported absent",
};
const SHORT = { all: "all of these", any: "at least some of these", absent: "reported absent" };
const CHECK_DELAY = 400; // ms after the last keystroke
const lab = {
  vocab: null, labels: new Map(), rules: [], current: 0, header: "", extra: "",
  edited: "yaml", timer: null, ticket: 0, url: null,
};

export function initLab() {
  $("lab-form").addEventListener("submit", (event) => event.preventDefault());
  $("lab-form").addEventListener("input", formEdited);
  $("lab-yaml").addEventListener("input", () => { yamlEdited(); later(); });
  $("lab-name").addEventListener("input", () => { download(); later(); });
  $("lab-rule").addEventListener("change", () => { lab.current = Number($("lab-rule").value); fillForm(); });
  $("lab-add").addEventListener("click", addRule);
  $("lab-remove").addEventListener("click", removeRule);
  $("lab-run").addEventListener("click", run);
  $("lab-try").addEventListener("click", tryAll);
  $("lab-upload").addEventListener("change", upload);
}

export async function showLab() {
  showCase();
  if (lab.vocab) return;
  const response = await post("/api/lab/vocabulary");
  if (!response.ok) throw new Error(response.data.error);
  lab.vocab = response.data;
  [...lab.vocab.findings, ...lab.vocab.patterns, ...lab.vocab.conditions].forEach((v) => lab.labels.set(v.id, v.label));
  replace($("lab-strength"), lab.vocab.strengths.map((s) => h("option", { value: s }, s)));
  names();
  $("lab-yaml").value = lab.vocab.template;
  yamlEdited();
  await check();
}

// Requests that keep a refusal's whole answer (an invalid pack's problems), instead of throwing it.
async function post(path, body) {
  const options = body === undefined ? {} : {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  let data;
  try { data = await response.json(); } catch (error) { data = { error: `request failed (${response.status})` }; }
  return { ok: response.ok, data };
}

const pack = () => ({ pack: $("lab-yaml").value, name: $("lab-name").value.trim() || "rules.yaml" });

// A YAML edit: the form waits (its fields disabled) until the pack is valid again, then follows it, so
// that it never writes its older rules over what was typed.
const formControls = () => [...$("lab-form").querySelectorAll("input, select, textarea, button"),
  $("lab-rule"), $("lab-add"), $("lab-remove")];

function yamlEdited() {
  lab.edited = "yaml";
  download();
  formControls().forEach((el) => { el.disabled = true; });
  replace($("lab-form-note"), "The form follows the YAML once the pack is valid.");
}

function formFollows() {
  formControls().forEach((el) => { el.disabled = false; });
  replace($("lab-form-note"));
}

// --- the form: one rule at a time, each field written into the YAML as it changes

function names() {
  const usable = [...lab.vocab.findings, ...lab.vocab.patterns, ...extraPatterns()];
  replace($("lab-names"), usable.map((v) => h("option", { value: v.label })));
}

function extraPatterns() {
  const known = new Set([...lab.vocab.findings, ...lab.vocab.patterns, ...lab.vocab.conditions].map((v) => v.id));
  return lab.rules.filter((r) => r.kind === "infer" && r.target && !known.has(r.target))
    .map((r) => ({ id: r.target, label: lab.labels.get(r.target) || r.target }));
}

function fillForm() {
  const rule = lab.rules[lab.current];
  replace($("lab-rule"), lab.rules.map((r, i) => h("option", { value: i }, r.id || `(rule ${i + 1}, no id yet)`)));
  $("lab-rule").value = String(lab.current);
  $("lab-remove").disabled = lab.rules.length < 2;
  if (!rule) return;
  $("lab-id").value = rule.id;
  $("lab-at-least").value = rule.at_least;
  $("lab-kind").value = rule.kind;
  targets();
  $("lab-strength").value = rule.strength;
  $("lab-explanation").value = rule.explanation;
  const reference = rule.sources.find((s) => s.kind === "reference");
  $("lab-source").value = reference ? reference.ref : "";
  Object.keys(PARTS).forEach((part) => pickList(part));
}

// The THEN choices: conditions to suggest or patterns to infer (a pack's own among them once it has any).
function targets() {
  const rule = lab.rules[lab.current];
  const kind = $("lab-kind").value;
  const pool = kind === "suggest" ? lab.vocab.conditions : [...lab.vocab.patterns, ...extraPatterns()];
  const options = pool.map((v) => h("option", { value: v.id }, v.label));
  if (rule && rule.kind === kind && rule.target && !pool.some((v) => v.id === rule.target)) {
    options.push(h("option", { value: rule.target }, lab.labels.get(rule.target) || rule.target));
  }
  replace($("lab-target"), options);
  if (rule && rule.kind === kind && rule.target) $("lab-target").value = rule.target;
  $("lab-strength").disabled = kind !== "suggest";
}

function formEdited(event) {
  if (event.target.classList && event.target.classList.contains("pick-input")) return; // added on Add or Enter
  const rule = lab.rules[lab.current];
  if (!rule) return;
  if (event.target.id === "lab-kind" && rule.kind !== $("lab-kind").value) { // new choices for THEN
    rule.kind = $("lab-kind").value;
    rule.target = "";
    targets();
  }
  rule.id = $("lab-id").value.trim();
  rule.at_least = Number($("lab-at-least").value) || 1;
  rule.kind = $("lab-kind").value;
  rule.target = $("lab-target").value;
  rule.strength = $("lab-strength").value;
  rule.explanation = $("lab-explanation").value;
  const others = rule.sources.filter((s) => s.kind !== "reference");
  rule.sources = [{ kind: "reference", ref: $("lab-source").value.trim() }, ...others];
  if (event.target.id === "lab-id") {
    $("lab-rule").options[lab.current].textContent = rule.id || `(rule ${lab.current + 1}, no id yet)`;
  }
  changed();
}

function changed() {
  lab.edited = "form";
  $("lab-yaml").value = packYaml();
  download();
  later();
}

// One list of findings for a part of IF: type a name (the vocabulary suggests), Add or Enter; Remove each.
function pickList(part) {
  const rule = lab.rules[lab.current];
  const box = document.querySelector(`.pick[data-part="${part}"]`);
  const input = h("input", { id: `lab-${part}-input`, list: "lab-names", class: "pick-input" });
  const problem = h("p", { class: "error", id: `lab-${part}-problem` });
  const add = () => {
    const id = resolve(input.value);
    if (!id) {
      replace(problem, input.value.trim() ? `"${input.value.trim()}" is not a finding or pattern the explorer knows`
        : "Type a finding first");
      return;
    }
    if (!rule[part].includes(id)) rule[part].push(id);
    changed();
    pickList(part);
    $(`lab-${part}-input`).focus();
  };
  input.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); add(); } });
  const remove = (id) => {
    rule[part] = rule[part].filter((x) => x !== id);
    changed();
    pickList(part);
    $(`lab-${part}-input`).focus();
  };
  replace(box, h("label", { for: input.id }, PARTS[part]),
    h("div", { class: "row" }, input, h("button", { type: "button", class: "quiet", onclick: add,
      "aria-label": `Add to ${SHORT[part]}` }, "Add")),
    problem,
    h("ul", { class: "chosen", "aria-label": `Chosen: ${SHORT[part]}` }, rule[part].map((id) => h("li", {},
      lab.labels.get(id) || id, " ", h("button", { type: "button", class: "quiet", onclick: () => remove(id),
        "aria-label": `Remove ${lab.labels.get(id) || id} from ${SHORT[part]}` }, "Remove")))));
}

function resolve(text) {
  const wanted = text.trim().toLowerCase();
  const pool = [...lab.vocab.findings, ...lab.vocab.patterns, ...extraPatterns()];
  const found = pool.find((v) => v.label.toLowerCase() === wanted || v.id === wanted);
  return found ? found.id : null;
}

function addRule() {
  const number = lab.rules.length + 1;
  lab.rules.push({
    id: `my.rule-${number}`, all: [], any: [], at_least: 1, absent: [], kind: "suggest",
    target: lab.vocab.conditions[0].id, strength: lab.vocab.strengths[0], explanation: "",
    sources: [{ kind: "reference", ref: "" }],
  });
  lab.current = lab.rules.length - 1;
  fillForm();
  changed();
  $("lab-id").focus();
}

function removeRule() {
  if (lab.rules.length < 2) return;
  lab.rules.splice(lab.current, 1);
  lab.current = Math.max(0, lab.current - 1);
  fillForm();
  changed();
  $("lab-rule").focus();
}

// --- the YAML: written from the form (the pack's leading comments, patterns and conditions kept as typed)

const PLAIN = /^[A-Za-z_][\w.-]*$/;
const RESERVED = /^(y|n|yes|no|on|off|true|false|null)$/i;
const scalar = (text) => (PLAIN.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text));

function ruleYaml(r) {
  const when = [];
  if (r.all.length) when.push(`    all: [${r.all.map(scalar).join(", ")}]`);
  if (r.any.length) when.push(`    any: [${r.any.map(scalar).join(", ")}]`);
  if (r.any.length && r.at_least !== 1) when.push(`    at_least: ${r.at_least}`);
  if (r.absent.length) when.push(`    absent: [${r.absent.map(scalar).join(", ")}]`);
  const lines = [`- id: ${scalar(r.id)}`, when.length ? "  when:" : "  when: {}", ...when,
    `  ${r.kind}: ${scalar(r.target)}`];
  if (r.kind === "suggest") lines.push(`  strength: ${r.strength}`);
  lines.push(`  explanation: ${JSON.stringify(r.explanation)}`);
  lines.push(r.sources.length ? "  sources:" : "  sources: []");
  r.sources.forEach((s) => {
    lines.push(`    - ${s.kind}: ${JSON.stringify(s.ref)}`);
    if (s.frequency) lines.push(`      frequency: ${JSON.stringify(s.frequency)}`);
  });
  return lines.join("\n");
}

function packYaml() {
  const rules = lab.rules.map(ruleYaml).join("\n");
  const header = lab.header ? `${lab.header.replace(/\n+$/, "")}\n\n` : "";
  if (!lab.extra) return `${header}${rules}\n`;
  return `${header}rules:\n${rules.replace(/^/gm, "  ")}\n${lab.extra}\n`;
}

// What a form never writes: the comments before the first entry, and every top-level section but rules.
function sections(text) {
  const lines = text.split("\n");
  let start = 0;
  while (start < lines.length && /^\s*(#.*)?$/.test(lines[start])) start += 1;
  const extra = [];
  let keep = false;
  for (const line of lines.slice(start)) {
    const key = /^([A-Za-z_]\w*):/.exec(line);
    if (key) keep = key[1] !== "rules";
    if (keep) extra.push(line);
  }
  return { header: lines.slice(0, start).join("\n").trim(), extra: extra.join("\n").trim() };
}

function fromView(view) {
  (view.if.all.concat(view.if.any, view.unless)).forEach((f) => lab.labels.set(f.id, f.label));
  lab.labels.set(view.then.id, view.then.label);
  return {
    id: view.id, all: view.if.all.map((f) => f.id), any: view.if.any.map((f) => f.id),
    at_least: view.if.at_least || 1, absent: view.unless.map((f) => f.id), kind: view.then.kind,
    target: view.then.id, strength: view.strength || lab.vocab.strengths[0], explanation: view.explanation,
    sources: view.sources.map((s) => ({ kind: s.kind, ref: s.ref, frequency: s.frequency })),
  };
}

// --- checking as you type: the server reads the pack as `check` does; the last edit's answer wins

function later() {
  clearTimeout(lab.timer);
  lab.timer = setTimeout(check, CHECK_DELAY);
}

async function check() {
  clearTimeout(lab.timer);
  const ticket = ++lab.ticket;
  const sent = pack();
  let response;
  try { response = await post("/api/lab/validate", sent); } catch (error) {
    replace($("lab-check"), errorBox(error));
    return false;
  }
  if (ticket !== lab.ticket) return response.ok;
  if (!response.ok) {
    showProblems(response.data);
    return false;
  }
  if (lab.edited === "yaml") { // the YAML was edited: the form follows it
    lab.rules = response.data.rules.map(fromView);
    Object.assign(lab, sections(sent.pack));
    lab.current = Math.min(lab.current, lab.rules.length - 1);
    formFollows();
    names();
    fillForm();
  }
  replace($("lab-check"), h("p", { class: "valid", "data-valid": "true" }, h("strong", {}, "Valid. "),
    response.data.rule_pack.note));
  return true;
}

function showProblems(data) {
  const problems = data.problems || [{ line: null, message: data.error }];
  replace($("lab-check"), h("div", { class: "problems", "data-valid": "false" },
    h("p", { class: "error" }, data.problems
      ? `The rule pack is not valid yet: ${problems.length} problem${problems.length === 1 ? "" : "s"}, as check says them.`
      : "The rule pack could not be checked."),
    h("ul", {}, problems.map((p) => h("li", {}, h("code", {}, p.message), p.line ? [" ", h("button", {
      type: "button", class: "quiet", onclick: () => showLine(p.line),
    }, `Show line ${p.line}`)] : null)))));
}

function showLine(line) {
  const box = $("lab-yaml");
  const lines = box.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  box.focus();
  box.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

// --- running: the current case (the Explore page's findings), then every example case

function currentCase() {
  const of = (wanted) => state.findings.filter((f) => f.state === wanted).map((f) => f.label);
  return { present: of("present"), absent: of("absent") };
}

function showCase() {
  const { present, absent } = currentCase();
  replace($("lab-case"), present.length || absent.length
    ? `The current case (from the Explore page): ${present.join(", ") || "nothing present"}`
      + `${absent.length ? `; reported absent: ${absent.join(", ")}` : ""}.`
    : "No current case yet: enter findings on the Explore page, then run your rules on them here.");
}

async function ready() {
  if (!(await check())) {
    replace($("lab-output"), h("p", { class: "error" }, "Fix the rule pack's problems above first."));
    return false;
  }
  return true;
}

async function run() {
  const { present, absent } = currentCase();
  if (!present.length && !absent.length) {
    replace($("lab-output"), h("p", { class: "error" }, "No current case: enter findings on the Explore page first."));
    return;
  }
  if (!(await ready())) return;
  const sent = pack();
  const response = await post("/api/lab/run", { ...sent, present, absent });
  if (!response.ok) return failed(response.data);
  const data = response.data;
  const result = data.result;
  state.lab = { ...sent, run: data, key: JSON.stringify([present, absent]) };
  const fired = [...new Set(result.trace.filter((t) => t.from_pack).map((t) => t.rule))];
  replace($("lab-output"), h("h3", {}, "Your rules on the current case"),
    h("p", { class: "pack-note" }, h("strong", {}, result.rule_pack.note)),
    redFlags(result), suggestionList(result),
    h("p", { id: "lab-fired" }, fired.length ? `Your rules that fired: ${fired.join(", ")}.`
      : "None of your rules fired for this case."),
    h("p", {}, h("a", { href: "#reasoning" }, "Step through it on the Reasoning page, your rules marked as yours")));
}

async function tryAll() {
  if (!(await ready())) return;
  replace($("lab-output"), h("p", {}, "Running every example case with and without your rules..."));
  const response = await post("/api/lab/try", pack());
  if (!response.ok) return failed(response.data);
  const t = response.data;
  const fired = t.changed.filter((c) => c.fired.length).length;
  const outcome = t.changed.filter((c) => c.changes.length).length;
  const row = (c) => h("tr", { "data-case": c.case }, h("th", { scope: "row" }, c.case),
    h("td", {}, h("ul", {}, (c.changes.length ? c.changes : ["nothing in the ranking or the red flags"])
      .map((line) => h("li", {}, line)))),
    h("td", {}, c.fired.join(", ") || "none of the pack's rules"));
  replace($("lab-output"), h("h3", {}, "Your rules on every example case"),
    h("p", { class: "pack-note" }, h("strong", {}, t.rule_pack.note)),
    h("table", { class: "twin lab-try" },
      h("caption", {}, `Tried on ${t.cases} cases: the pack's rules fired in ${fired} and changed the outcome of `
        + `${outcome}.`),
      h("thead", {}, h("tr", {}, ["Case", "What changed", "The pack's rules that fired"]
        .map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, t.changed.map(row))),
    t.never_fired.length ? h("p", { id: "lab-never" }, "Fired in no case (check its findings, or run it on a case "
      + `and step through it): ${t.never_fired.join(", ")}`) : null,
    h("p", { class: "notice" }, t.disclaimer));
}

function failed(data) {
  if (data.problems) showProblems(data);
  replace($("lab-output"), errorBox(new Error(data.error)));
}

// --- download (a link to a Blob of the YAML, renewed as it changes) and upload (a file input)

function download() {
  const link = $("lab-download");
  if (lab.url) URL.revokeObjectURL(lab.url);
  lab.url = URL.createObjectURL(new Blob([$("lab-yaml").value], { type: "text/yaml" }));
  link.href = lab.url;
  link.download = pack().name;
}

async function upload(event) {
  const file = event.target.files[0];
  if (!file) return;
  event.target.value = "";
  if (file.size > lab.vocab.limits.bytes) {
    const limit = lab.vocab.limits.bytes.toLocaleString("en");
    replace($("lab-check"), h("p", { class: "error" }, `${file.name} is larger than ${limit} bytes, the limit for a rule pack.`));
    return;
  }
  $("lab-yaml").value = await file.text();
  $("lab-name").value = file.name.slice(0, 100);
  lab.current = 0;
  yamlEdited();
  await check();
}
