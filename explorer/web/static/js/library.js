// Rules and conditions (every rule as IF/THEN with sources, condition cards, two side by side) and
// Cases (the case library and a quiz: findings shown, the class chooses, reveal with the trace).
import { api, cite, errorBox, h, replace } from "./dom.js";
import { redFlags, suggestionList } from "./results.js";

const $ = (id) => document.getElementById(id);
let loaded = false;
let conditions = [];

export async function showLibrary() {
  if (loaded) return;
  loaded = true;
  const [cards, rules] = await Promise.all([api("/api/conditions"), api("/api/rules")]);
  conditions = cards.conditions;
  const options = () => conditions.map((c) => h("option", { value: c.id }, c.name));
  replace($("compare-a"), options());
  replace($("compare-b"), options());
  if (conditions.length > 1) $("compare-b").value = conditions[1].id;
  $("compare-form").addEventListener("submit", (event) => { event.preventDefault(); compare(); });
  const full = await Promise.all(conditions.map((c) => api(`/api/conditions/${encodeURIComponent(c.id)}`)));
  replace($("condition-cards"), full.map((card) => conditionCard(card)));
  replace($("rule-list"), rules.rules.map(ruleBlock));
}

function conditionCard(card, shared = new Set()) {
  const links = ["hallmark", "typical", "possible"].map((role) => {
    const items = card.links.filter((l) => l.role === role);
    return items.length ? h("p", {}, h("strong", {}, `${role}: `),
      [...new Map(items.map((l) => [l.symptom.id, l])).values()].map((l) => h("span", {
        class: "tag" + (shared.has(l.symptom.id) ? " shared" : ""),
      }, l.symptom.label))) : null;
  });
  return h("article", { class: "card", "data-condition": card.id },
    h("h4", {}, card.name, card.codes.length ? ` (${card.codes.join(", ")})` : ""),
    card.aliases.length ? h("p", { class: "hint" }, `Also called: ${card.aliases.join(", ")}`) : null,
    h("p", {}, card.summary),
    h("details", {}, h("summary", {}, "More"),
      h("p", {}, h("strong", {}, "Nerves: "), card.nerves),
      h("p", {}, h("strong", {}, "When to seek care: "), card.seek_care)),
    links,
    h("p", { class: "hint" }, "Rules: ", card.rules.join(", ")),
    h("p", { class: "hint" }, "Sources: ", card.sources.map(cite).join("; ")));
}

async function compare() {
  try {
    const data = await api(`/api/compare?a=${encodeURIComponent($("compare-a").value)}&b=${encodeURIComponent($("compare-b").value)}`);
    const [a, b] = data.conditions.map((c) => new Set(c.links.map((l) => l.symptom.id)));
    const shared = new Set([...a].filter((id) => b.has(id)));
    replace($("compare"), data.conditions.map((card) => conditionCard(card, shared)));
  } catch (error) { replace($("compare"), errorBox(error)); }
}

function ruleBlock(rule) {
  const names = (items) => items.map((i) => i.label).join(", ");
  const lines = [];
  if (rule.if.all.length) lines.push(`IF all of: ${names(rule.if.all)}`);
  if (rule.if.any.length) lines.push(`${lines.length ? "AND" : "IF"} at least ${rule.if.at_least} of: ${names(rule.if.any)}`);
  if (rule.if.absent.length) lines.push(`AND reported absent: ${names(rule.if.absent)}`);
  lines.push(`THEN ${rule.then.kind.replace("_", " ")}: ${rule.then.label}${rule.then.strength ? ` (${rule.then.strength})` : ""}`);
  return h("div", { class: "rule", id: `rule-${rule.id}` }, h("strong", {}, rule.id),
    h("pre", { class: "ifthen" }, lines.join("\n")), h("p", {}, rule.explanation),
    h("p", { class: "hint" }, "Sources: ", rule.sources.map(cite).join("; ")));
}

let casesLoaded = false;

export async function showCases() {
  if (casesLoaded) return;
  casesLoaded = true;
  const [data, list] = await Promise.all([api("/api/cases"), api("/api/conditions")]);
  conditions = list.conditions;
  replace($("case-list"), data.cases.map((c) => h("article", { class: "card", "data-case": c.id },
    h("h4", {}, c.id), h("p", {}, "Findings: ", c.symptoms.join(", ")),
    c.absent.length ? h("p", {}, "Reported absent: ", c.absent.join(", ")) : null,
    h("button", { type: "button", onclick: () => quiz(c) }, "Quiz"))));
}

function quiz(c) {
  let chosen = null;
  const choices = h("div", { class: "quiz-choices" }, conditions.map((cond) => h("button", {
    type: "button", class: "quiet", "aria-pressed": "false", "data-choice": cond.id,
    onclick: (event) => {
      chosen = cond.id;
      choices.querySelectorAll("button").forEach((b) => b.setAttribute("aria-pressed", String(b === event.target)));
    },
  }, cond.name)));
  const answer = h("div", { id: "quiz-answer" });
  replace($("quiz"), h("h3", {}, `Quiz: ${c.id}`),
    h("p", { class: "question" }, "Findings: ", c.symptoms.join(", "),
      c.absent.length ? `; reported absent: ${c.absent.join(", ")}` : ""),
    h("p", {}, "Which condition would the rules suggest first?"), choices,
    h("button", { type: "button", onclick: () => reveal(c, () => chosen, answer) }, "Reveal"), answer);
  $("quiz").scrollIntoView();
}

async function reveal(c, chosen, box) {
  try {
    const result = await api("/api/explore", { present: c.symptoms, absent: c.absent });
    const top = result.suggestions[0];
    const verdict = !chosen() ? "No choice made." : top && chosen() === top.condition.id
      ? "Yes: that is the first suggestion." : `The rules put ${top ? top.condition.name : "nothing"} first.`;
    replace(box, h("p", { class: "question" }, verdict), c.note ? h("p", {}, c.note) : null, redFlags(result),
      suggestionList(result), h("h4", {}, "Rules fired, in order"),
      h("ol", {}, result.trace.map((s) => h("li", {}, `${s.rule}: `, s.matched.map((m) => m.label).join(", "),
        ` -> ${s.concluded.label}`))));
  } catch (error) { replace(box, errorBox(error)); }
}
