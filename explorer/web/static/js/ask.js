// Questionnaire: the `ask` flow, one question at a time. The page keeps the answers; each step sends
// them all to /api/questionnaire, so the server keeps nothing.
import { api, cite, errorBox, h, replace } from "./dom.js";
import { notes, redFlags, suggestionList } from "./results.js";

const $ = (id) => document.getElementById(id);
// typed: the findings entered as text, which Back never takes back (as in `ask`: Back goes back to questions)
const session = { answers: [], step: null, done: false, typed: new Set() };

export function initAsk() {
  $("ask-start").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("ask-text").value.trim();
    if (!text) return;
    const before = new Set(session.answers.map((a) => a.finding));
    await send({ answers: session.answers, add: text });
    session.answers.filter((a) => !before.has(a.finding)).forEach((a) => session.typed.add(a.finding));
    $("ask-text").value = "";
  });
  $("ask-load").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    session.typed = new Set(); // a saved file does not say which answers were typed: all can be taken back
    await send({ yaml: await file.text() }, "/api/questionnaire/load");
    event.target.value = "";
  });
}

async function send(body, path = "/api/questionnaire") {
  try {
    const step = await api(path, body);
    session.step = step;
    session.done = false;
    session.answers = step.answers.map((a) => ({ finding: a.finding.id, answer: a.answer }));
    draw(step);
  } catch (error) { replace($("ask-notes"), errorBox(error)); }
}

function answer(value, finding = session.step.question.finding.id) {
  return send({ answers: [...session.answers, { finding, answer: value }] });
}

function back() {
  const last = session.answers.map((a) => !session.typed.has(a.finding)).lastIndexOf(true);
  if (last < 0) {
    replace($("ask-notes"), h("p", {}, "There is no question to go back to (the findings you typed stay)."));
    return;
  }
  const answers = session.answers.filter((_, i) => i !== last);
  if (!answers.length) {
    session.answers = [];
    session.step = null;
    replace($("ask-question"), h("p", {}, "All answers taken back. Start again above."));
    replace($("ask-flags"));
    replace($("ask-results"));
    return;
  }
  return send({ answers });
}

function draw(step) {
  replace($("ask-notes"), step.not_understood.length ? notes({ unrecognized: step.not_understood, conflicting: [] }) : null);
  replace($("ask-flags"), redFlags(step.result));
  const given = h("p", { class: "answers-given" }, `${step.answers.length} answer(s) so far: `,
    step.answers.map((a) => `${a.finding.label}: ${a.answer === "unsure" ? "not sure" : a.answer}`).join("; "));
  const download = h("button", { type: "button", class: "quiet", onclick: () => save(step.saved) }, "Download answers");
  const controls = (buttons) => h("div", { class: "row" }, buttons,
    h("button", { type: "button", class: "quiet", onclick: back, id: "ask-back" }, "Back"), download);
  if (step.question && !session.done) {
    const q = step.question;
    const more = [
      h("button", { type: "button", class: "quiet", onclick: () => why(q) }, "Why?"),
      h("button", { type: "button", class: "quiet", onclick: finish }, "Stop here"),
    ];
    replace($("ask-question"),
      h("p", { class: "question", id: "question-text" }, q.text),
      q.choices.length ? [choiceGroup(q), controls(more)] : controls([
        h("button", { type: "button", onclick: () => answer("yes") }, "Yes"),
        h("button", { type: "button", onclick: () => answer("no") }, "No"),
        h("button", { type: "button", onclick: () => answer("unsure") }, "Not sure"),
        ...more,
      ]),
      h("div", { id: "ask-why" }), given);
  } else {
    replace($("ask-question"),
      h("p", { class: "question", id: "question-text" }, session.done
        ? "Stopped. These are the results so far." : "No further question would change the picture."),
      controls([]), given);
  }
  replace($("ask-results"), h("h3", {}, "Related conditions to read about (open one for how)"),
    suggestionList(step.result), h("p", { class: "notice" }, step.disclaimer));
}

// A choice question (onset, spread, symmetry): one button a value, named by the question, as `ask` numbers them;
// "Not sure" marks the first value unsure, as `ask` does, so it is not asked again.
function choiceGroup(q) {
  return h("div", { class: "row choices", role: "group", "aria-labelledby": "question-text", id: "ask-choices" },
    q.choices.map((c) => h("button", { type: "button", "data-choice": c.id, onclick: () => answer("yes", c.id) },
      c.text)),
    h("button", { type: "button", onclick: () => answer("unsure") }, "Not sure"));
}

function why(question) {
  if (question.choices.length) {
    replace($("ask-why"), h("p", {}, question.why_text));
    return;
  }
  const reasons = question.why.map((r) => h("li", {}, `${r.condition.name}: rules ${r.rules.join(", ") || "none"}`,
    r.links.length ? `; linked by ${r.links.map(cite).join("; ")}` : ""));
  const others = question.others.length ? h("p", {}, `Not part of: ${question.others.join(", ")}`) : null;
  // a warning sign on its own is asked first: say so before the suggestions it belongs to
  const urgent = question.urgency ? h("p", {}, "Asked before any other question: this is a warning sign on its own; "
    + "a yes shows the warning at once, with what to do.") : null;
  replace($("ask-why"), urgent, h("p", {}, "This answer helps tell apart the suggestions it belongs to:"),
    h("ul", {}, reasons), others);
}

function finish() {
  session.done = true;
  draw(session.step);
}

function save(text) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/yaml" }));
  const link = h("a", { href: url, download: "answers.yaml" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
