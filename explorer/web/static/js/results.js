// Drawing a result (the JSON of `match --format json`): red flags first, then suggestions that open to
// supporting / missing / against, rules and sources. Also: what changed between two results, and why.
import { PACK_MARK, basis, cite, h } from "./dom.js";

// Red flags come first, in the order the core gives them (most urgent first where the knowledge has
// urgency levels; their level, title and action are shown when the result carries them).
export function redFlags(result) {
  const unsure = (result.possible_urgent || []).map((p) => h("div", { class: "flag", "data-maybe": p.symptom.id },
    h("strong", {}, `You may have described ${p.symptom.label.toLowerCase()} ("${p.input}"): `),
    `if so, ${p.note.charAt(0).toLowerCase()}${p.note.slice(1)}`));
  if (!result.red_flags.length && !unsure.length) return null;
  return h("div", { class: "flags", role: "alert" }, unsure,
    result.red_flags.map((flag) => h("div", { class: "flag", "data-flag": flag.id },
      h("strong", {}, flag.level_label ? `${flag.level_label}: ` : "Get urgent care: ", flag.title || flag.message),
      flag.title ? h("p", {}, flag.message) : null,
      flag.action ? h("p", {}, flag.action) : null,
      "Because of: ", flag.because.map((s) => s.label).join(", "))));
}

export function suggestionList(result, moved = new Set()) {
  const mine = new Set(result.rule_pack ? result.rule_pack.rules : []); // a learner's rules (the Lab)
  if (!result.suggestions.length) {
    return h("p", {}, "No condition is suggested by these findings. Try adding more, or check the words above.");
  }
  return h("ol", { class: "suggestions", "aria-label": "Suggestions" },
    result.suggestions.map((s) => h("li", {
      class: "suggestion" + (moved.has(s.condition.id) ? " moved" : ""), "data-condition": s.condition.id,
    }, h("details", {},
      h("summary", {}, `${s.rank}. ${s.condition.name}`,
        h("span", { class: "strength" }, `${s.strength} match${s.strength_lowered ? " (lowered)" : ""}`)),
      h("p", {}, s.explanation),
      h("dl", { class: "evidence" },
        evidence("Supporting", s.supporting),
        evidence("Typical, not reported", s.missing),
        evidence("Reported absent", s.against),
        h("dt", {}, "Rules"), h("dd", {}, s.rules.map((r) => h("span", { class: mine.has(r) ? "tag learner" : "tag" },
          mine.has(r) ? `${r} ${PACK_MARK}` : r))),
        h("dt", {}, "Sources"), h("dd", {}, s.sources.map(cite).join("; ")))))));
}

function evidence(title, items) {
  return [h("dt", {}, title), h("dd", {}, items.length
    ? items.map((e) => `${e.symptom.label} (${basis(e)})`).join(", ") : "none")];
}

// Words not used, as the command line reports them: a past event and someone else's finding are set aside
// (not offered as "did you mean", which would invite entering them), close matches may carry an urgent note.
export function notes(result) {
  const out = [];
  for (const u of result.unrecognized) {
    const named = u.did_you_mean.map((s) => s.label).join(", ");
    const urgent = (u.urgent_if_meant || []).map((s) => ` ${s.note}`).join("");
    if (u.explained) {
      out.push(h("li", { class: "set-aside" }, `Set aside: "${u.input}" (explained or played down by '${u.explained}':`
        + ` ${named}; if it is happening now without that cause, enter it on its own.${urgent})`));
      continue;
    }
    if (u.past) {
      out.push(h("li", { class: "set-aside" }, `Set aside: "${u.input}" (a past event ('${u.past}'): ${named};`
        + ` if it is happening now, enter it without the time words.${urgent})`));
      continue;
    }
    if (u.someone_else) {
      const what = named
        ? `${named}; if the person has it too, enter it on its own.`
        : `${u.condition ? u.condition.name : "it"}; see its card under Rules and conditions.`;
      out.push(h("li", { class: "set-aside" },
        `Not read as the person's own: "${u.input}" (said of someone else ('${u.someone_else}'): ${what}${urgent})`));
      continue;
    }
    let hint = "try other words";
    if (u.condition) hint = `${u.condition.name} is a condition, not a finding: see Rules and conditions`;
    else if (u.did_you_mean.length) {
      const meant = (u.urgent_if_meant || []).map((s) => ` If you meant ${s.label}: ${s.note}`).join("");
      hint = `did you mean: ${named}?${meant}`;
    }
    out.push(h("li", { class: "unrecognized" }, `Not recognized: "${u.input}" (${hint})`));
  }
  for (const a of result.absent || []) { // a past event is read as absent now: its words and urgent note shown
    if (a.parse && a.parse.past) {
      out.push(h("li", { class: "set-aside" },
        `Reported absent: ${a.symptom.label} (from "${a.input}"; ${a.parse.notes.join(" ")})`));
    }
  }
  for (const c of result.conflicting) {
    out.push(h("li", {}, `Left out: ${c.symptom.label} was given both as present and as absent`));
  }
  return out.length ? h("ul", {}, out) : null;
}

// What moved and why, from the core's what-if data: one sentence per condition that appeared, left, or
// changed strength or place, with the rules that started or stopped firing.
const DIRECTION = {
  appeared: (m) => `${m.name} is now suggested (${m.strength_after})`,
  left: (m) => `${m.name} is no longer suggested (it was ${m.strength_before})`,
  up: (m) => `${m.name}: ${m.strength_before} to ${m.strength_after} match`,
  down: (m) => `${m.name}: ${m.strength_before} to ${m.strength_after} match`,
  moved: (m) => `${m.name} moved from place ${m.rank_before} to ${m.rank_after}`,
};

export function whatChanged(data) {
  // Each warning the change raised (first) or cleared, with its level and action, as the command line says it.
  const told = (f) => `(${f.level_label.toLowerCase()}): ${f.title.charAt(0).toUpperCase()}${f.title.slice(1)}: ${f.action}`;
  const after = new Map(data.after.red_flags.map((f) => [f.id, f]));
  const before = new Map(data.before.red_flags.map((f) => [f.id, f]));
  const lines = data.red_flags_raised.map((id) => (after.has(id) ? `New warning ${told(after.get(id))}` : `New warning: ${id}`));
  lines.push(...data.moves.map((m) => DIRECTION[m.direction](m)));
  if (data.rules_started.length) lines.push(`Rules that fire now: ${data.rules_started.join(", ")}`);
  if (data.rules_stopped.length) lines.push(`Rules that no longer fire: ${data.rules_stopped.join(", ")}`);
  data.red_flags_cleared.forEach((id) => lines.push(before.has(id)
    ? `Warning no longer raised ${told(before.get(id))}` : `Warning no longer raised: ${id}`));
  const cause = data.changes.map((c) => `${c.label} ${CHANGE_WORDS[c.kind]}`).join(", ");
  return { cause, lines, moved: new Set(data.moves.map((m) => m.condition)) };
}

const CHANGE_WORDS = { add: "added as present", remove: "set to unknown", absent: "reported absent" };
