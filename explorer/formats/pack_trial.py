"""A rule pack tried on the case library (`rules try FILE`), as text for a class and JSON for scripts: the
cases the pack changed and how, the pack's rules that fired in each, and those that fired nowhere."""

import json
from typing import TYPE_CHECKING

from ..knowledge.disclaimer import SHORT_DISCLAIMER
from .escape import terminal_safe
from .registry import Context
from .terminal import Display

if TYPE_CHECKING:
    from ..cases.packtrial import PackTrial


def render_pack_trial_text(trial: "PackTrial", context: Context) -> str:
    d = context.display or Display()
    lines = d.wrap(terminal_safe(trial.pack.note)) + [""]
    outcome = sum(1 for change in trial.changed if change.changes)
    lines += d.wrap(
        f"Tried on {trial.cases} cases: the pack's rules fired in {sum(1 for c in trial.changed if c.fired)} "
        f"and changed the outcome of {outcome}."
    )
    for change in trial.changed:
        lines += ["", d.paint(change.case, "bold")]
        for sentence in change.changes or ("nothing in the ranking or the red flags",):
            lines += d.wrap(f"- {sentence}", "  ", "    ")
        lines += d.wrap("fired: " + (", ".join(change.fired) or "none of the pack's rules"), "  ", "    ")
    if trial.never_fired:
        lines += [""] + d.wrap(
            "Fired in no case (check its findings, or try it with `match --rules FILE --step`): "
            + ", ".join(trial.never_fired)
        )
    lines += [""] + d.wrap(SHORT_DISCLAIMER)
    return "\n".join(lines) + "\n"


def render_pack_trial_json(trial: "PackTrial", context: Context) -> str:
    return json.dumps(trial.to_dict() | {"disclaimer": SHORT_DISCLAIMER}, indent=2, ensure_ascii=False) + "\n"
