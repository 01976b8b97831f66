// Rules and conditions (every rule as IF/THEN with sources, condition cards, two side by side) and
// Cases (the case library and a quiz: findings shown, the class chooses, reveal with the trace).
import { api, cite, errorBox, h, replace } from "./dom.js";
import { ifThen } from "./reasoning.js";
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
  replace($("rule-list"), rules.groups.map((g) => h("section", { class: "rule-group" },
    h("h4", {}, g.label), g.rules.map(ruleBlock))));
}

function conditionCard(card) {
  const links = ["hallmark", "typical", "possible"].map((role) => {
    const items = [...new Map(card.links.filter((l) => l.role === role).map((l) => [l.symptom.id, l])).values()];
    return items.length ? h("p", {}, h("strong", {}, `${role}: `),
      items.map((l) => h("span", { class: "tag" }, l.symptom.label))) : null;
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

// Two conditions side by side (the core's compare()): shared findings, those only one has, and the
// findings that best tell them apart.
async function compare() {
  try {
    const q = (id) => encodeURIComponent($(id).value);
    const data = await api(`/api/compare?a=${q("compare-a")}&b=${q("compare-b")}`);
    const role = (f) => `${f.label} (${f.role})`;
    const column = (side, only) => h("article", { class: "card", "data-condition": data[side].id },
      h("h3", {}, data[side].name),
      h("p", {}, h("strong", {}, "Only here: "), only.map(role).join(", ") || "none"),
      h("p", {}, h("strong", {}, "Shared: "), data.shared.map((f) => role(f[side])).join(", ") || "none"),
      h("p", { class: "hint" }, "Rules: ", data[`rules_${side}`].join(", ")));
    replace($("compare"), column("a", data.only_a), column("b", data.only_b),
      h("div", { class: "card shared" }, h("h3", {}, "Findings that tell them apart"),
        h("ul", {}, data.questions.map((q2) => h("li", {},
          `${q2.label}: points to ${q2.points_to === data.a.id ? data.a.name : data.b.name} (${q2.role})`)))),
      courseTable(data));
  } catch (error) { replace($("compare"), errorBox(error)); }
}

// The compare command's "Time course and pattern" rows (the core's time_course): per dimension, the
// values each condition links with their role, "acute (days) [hallmark]" as `compare` prints them.
function courseTable(data) {
  if (!data.time_course.length) return null;
  const values = (found) => found.map((f) => `${f.label.split(": ").slice(1).join(": ") || f.label} [${f.role}]`)
    .join(", ") || "none";
  return h("div", { class: "card course" },
    h("table", { class: "twin", id: "compare-course" },
      h("caption", {}, h("h3", {}, "Time course and pattern")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "How and how fast"),
        h("th", { scope: "col" }, data.a.name), h("th", { scope: "col" }, data.b.name))),
      h("tbody", {}, data.time_course.map((row) => h("tr", { "data-dimension": row.dimension },
        h("th", { scope: "row" }, row.dimension), h("td", {}, values(row.a)), h("td", {}, values(row.b)))))));
}

function ruleBlock(rule) {
  return h("div", { class: "rule", id: `rule-${rule.id}` }, h("strong", {}, rule.id),
    h("pre", { class: "ifthen" }, ifThen(rule)), h("p", {}, rule.explanation),
    h("p", { class: "hint" }, "Sources: ", rule.sources.map(cite).join("; ")));
}

let casesLoaded = false;

export async function showCases() {
  if (casesLoaded) return;
  casesLoaded = true;
  const [data, list] = await Promise.all([api("/api/cases"), api("/api/conditions")]);
  conditions = list.conditions;
  replace($("case-list"), data.cases.map((c) => h("article", { class: "card", "data-case": c.id },
    h("h3", {}, caseTitle(c)), h("p", {}, "Findings: ", c.symptoms.join(", ")),
    c.absent.length ? h("p", {}, "Reported absent: ", c.absent.join(", ")) : null,
    h("button", { type: "button", "aria-label": `Quiz: ${caseTitle(c).toLowerCase()}`, onclick: () => quiz(c) },
      "Quiz"))));
}

// A case's id read as words ("dryness-and-numb-feet": "Dryness and numb feet").
function caseTitle(c) {
  const words = c.id.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
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
  const heading = h("h3", { tabindex: "-1", id: "quiz-heading" }, `Quiz: ${caseTitle(c)}`);
  replace($("quiz"), heading,
    h("p", { class: "question" }, "Findings: ", c.symptoms.join(", "),
      c.absent.length ? `; reported absent: ${c.absent.join(", ")}` : ""),
    h("p", {}, "Which condition would the rules suggest first?"), choices,
    h("button", { type: "button", onclick: () => reveal(c, () => chosen, answer) }, "Reveal"), answer);
  heading.focus(); // a keyboard or screen reader user starts in the quiz, not back at the case list
}

async function reveal(c, chosen, box) {
  try {
    const result = await api("/api/explore", { present: c.symptoms, absent: c.absent });
    const top = result.suggestions[0];
    const name = (id) => (conditions.find((x) => x.id === id) || { name: id }).name;
    const expected = c.expect.first;
    const verdict = !chosen() ? "No choice made." : chosen() === expected
      ? `Yes: the rules put ${name(expected)} first.` : `The rules put ${expected ? name(expected) : "nothing"} first.`;
    replace(box, h("p", { class: "question", id: "quiz-verdict" }, verdict), c.note ? h("p", {}, c.note) : null,
      redFlags(result), suggestionList(result), h("h4", {}, "Rules fired, in order"),
      h("ol", {}, result.trace.map((s) => h("li", {}, `${s.rule}: `, s.matched.map((m) => m.label).join(", "),
        ` -> ${s.concluded.label}`))),
      top ? null : h("p", {}, "No condition suggested."));
  } catch (error) { replace(box, errorBox(error)); }
}
