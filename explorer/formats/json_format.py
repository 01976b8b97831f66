"""JSON output: the plain-data contract (reasoning/result.py, result_to_dict) as text."""

import json

from ..reasoning.result import Result, result_to_dict
from ..reasoning.result_data import SCHEMA_VERSION, source_dict, symptom_ref

__all__ = ["SCHEMA_VERSION", "render_json", "result_to_dict", "source_dict", "symptom_ref"]


def render_json(result: Result, explain: bool = False) -> str:
    """The whole result, trace included (``explain`` changes nothing: JSON always carries the trace)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
