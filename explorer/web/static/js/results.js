// Drawing a result (the JSON of `match --format json`): red flags first, then suggestions that open to
// supporting / missing / against, rules and sources. Also: what changed between two results, and why.
import { basis, cite, h } from "./dom.js";

export function redFlags(result) {
  if (!result.red_flags.length) return null;
  return h("div", { class: "flags", role: "alert" },
    result.red_flags.map((flag) => h("div", { class: "flag", "data-flag": flag.id },
      h("strong", {}, "Get urgent care: ", flag.message),
      "Because of: ", flag.because.map((s) => s.label).join(", "))));
}

export function suggestionList(result, moved = new Set()) {
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
        h("dt", {}, "Rules"), h("dd", {}, s.rules.map((r) => h("span", { class: "tag" }, r))),
        h("dt", {}, "Sources"), h("dd", {}, s.sources.map(cite).join("; ")))))));
}

function evidence(title, items) {
  return [h("dt", {}, title), h("dd", {}, items.length
    ? items.map((e) => `${e.symptom.label} (${basis(e)})`).join(", ") : "none")];
}

export function notes(result) {
  const out = [];
  for (const u of result.unrecognized) {
    let hint = "try other words";
    if (u.condition) hint = `${u.condition.name} is a condition, not a finding: see Rules and conditions`;
    else if (u.did_you_mean.length) hint = "did you mean: " + u.did_you_mean.map((s) => s.label).join(", ") + "?";
    out.push(h("li", { class: "unrecognized" }, `Not recognized: "${u.input}" (${hint})`));
  }
  for (const c of result.conflicting) {
    out.push(h("li", {}, `Left out: ${c.symptom.label} was given both as present and as absent`));
  }
  return out.length ? h("ul", {}, out) : null;
}

// What moved between two results and why: one sentence per condition that appeared, left, or changed
// strength or place, naming the finding whose state changed.
export function changes(before, after, cause) {
  if (!before) return { lines: [], moved: new Set() };
  const old = new Map(before.suggestions.map((s) => [s.condition.id, s]));
  const now = new Map(after.suggestions.map((s) => [s.condition.id, s]));
  const lines = [];
  const moved = new Set();
  for (const s of after.suggestions) {
    const was = old.get(s.condition.id);
    if (!was) lines.push(`${s.condition.name} is now suggested (${s.strength}): rule ${s.rules.join(", ")} fired`);
    else if (was.strength !== s.strength) {
      const why = s.strength_lowered && !was.strength_lowered ? ", a hallmark finding is now reported absent" : "";
      lines.push(`${s.condition.name}: ${was.strength} to ${s.strength} match${why}`);
    } else if (was.rank !== s.rank) lines.push(`${s.condition.name} moved from place ${was.rank} to ${s.rank}`);
    else continue;
    moved.add(s.condition.id);
  }
  for (const [id, was] of old) {
    if (!now.has(id)) lines.push(`${was.condition.name} is no longer suggested: no rule for it fires now`);
  }
  const flagsBefore = new Set(before.red_flags.map((f) => f.id));
  for (const f of after.red_flags) if (!flagsBefore.has(f.id)) lines.push(`New warning: ${f.message}`);
  return { lines: lines.map((line) => (cause ? `${line} (after ${cause})` : line)), moved };
}
