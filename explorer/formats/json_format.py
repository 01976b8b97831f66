"""JSON output: the plain-data contract (reasoning/result.py, result_to_dict) as text, and every other
view's record (``render_VIEW``, see registry.py) written the same way."""

import json
from typing import TYPE_CHECKING

from ..knowledge.disclaimer import SHORT_DISCLAIMER
from ..reasoning.result import Result, result_to_dict
from ..reasoning.result_data import SCHEMA_VERSION, source_dict, symptom_ref
from .registry import CaseRun, Context, Listing

if TYPE_CHECKING:
    from ..cases.library import LibraryCase
    from ..knowledge.records import Condition
    from ..language.parse_records import Parse
    from ..reasoning.compare import Comparison
    from ..reasoning.rulesview import RuleGroup
    from ..reasoning.whatif import WhatIf

__all__ = ["SCHEMA_VERSION", "render_json", "result_to_dict", "source_dict", "symptom_ref"]


def render_json(result: Result, explain: bool = False) -> str:
    """The whole result, trace included (``explain`` changes nothing: JSON always carries the trace)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_result(result: Result, context: Context) -> str:
    return render_json(result)


def render_what_if(w: "WhatIf", context: Context) -> str:
    return _dump(w.to_dict())


def render_conditions(conditions: "list[Condition]", context: Context) -> str:
    from .cards import conditions_dict

    return _dump(conditions_dict(conditions))


def render_card(condition: "Condition", context: Context) -> str:
    from .cards import card_dict

    return _dump(card_dict(condition, context.knowledge()))


def render_symptoms(listing: Listing, context: Context) -> str:
    from .cards import symptoms_dict

    return _dump(symptoms_dict(listing.symptoms))


def render_parse(reading: "Parse", context: Context) -> str:
    from .parse_format import render_parse_json

    return render_parse_json(reading)


def render_rules(groups: "tuple[RuleGroup, ...]", context: Context) -> str:
    pack = context.kb.pack if context.kb else None
    data = {"schema_version": 1, "groups": [g.to_dict() for g in groups], "disclaimer": SHORT_DISCLAIMER}
    return _dump(data | ({"rule_pack": pack.to_dict()} if pack else {}))


def render_comparison(comparison: "Comparison", context: Context) -> str:
    pack = context.kb.pack if context.kb else None
    return _dump(comparison.to_dict() | ({"rule_pack": pack.to_dict()} if pack else {}))


def render_cases(cases: "list[LibraryCase]", context: Context) -> str:
    return _dump({"schema_version": 1, "cases": [c.to_dict() for c in cases], "disclaimer": SHORT_DISCLAIMER})


def render_case(run: CaseRun, context: Context) -> str:
    return _dump({"case": run.case.to_dict(), "matches_expectation": not run.problems, "result": run.result.to_dict()})
