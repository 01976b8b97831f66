"""symptom-explorer: an educational, non-diagnostic expert system relating symptoms to neuropathy and
autoimmune disease.

For scripts::

    from explorer import explore
    result = explore(["numbness", "dry eyes"], absent=["dry mouth"])
    for s in result.suggestions:
        print(s.rank, s.condition.name, s.strength, [e.symptom.label for e in s.supporting])
    data = result.to_dict()          # the JSON contract, schema_version 1

Everything returned is a frozen record (see ``explorer.result`` and ``explorer.records``).

For teaching: ``explore(..., steps=True).steps`` (the agenda and working memory before each firing),
``what_if(findings, absent, ["+dry mouth"])``, ``compare("gbs", "ms")``, ``rule_groups()``,
``knowledge_network(result=...)`` and ``list_cases()``; in a notebook a Result, a Condition and a
comparison show as HTML.
"""

from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:  # the lazy exports below, with their real types for type checkers (kept equal by a test)
    from .api import explore_file, get_condition, list_conditions, list_symptoms, output_schema
    from .cases.batch import BatchFileError, Case, CaseError, Outcome
    from .cases.library import LibraryCase, find_case, list_cases, run_case
    from .errors import ExplorerError, InputError, KnowledgeError
    from .knowledge.loader import load_knowledge
    from .knowledge.records import Condition, KnowledgeBase, Rule, Source, Symptom
    from .language.parse_records import Leftover, Mention, Parse
    from .language.parser import parse
    from .reasoning.compare import Comparison, compare
    from .reasoning.explore import explore
    from .reasoning.questionnaire import Questionnaire
    from .reasoning.result import Evidence, RedFlag, Result, Suggestion, TraceStep
    from .reasoning.rulesview import fired_network, knowledge_network, rule_groups
    from .reasoning.steps import EngineStep
    from .reasoning.whatif import WhatIf, what_if

# The public API, imported on first use: `symptom-explorer match` should not pay for the batch readers,
# and `from explorer import explore` still works as before.
_EXPORTS = {
    "explore_file": "api",
    "get_condition": "api",
    "list_conditions": "api",
    "list_symptoms": "api",
    "output_schema": "api",
    "BatchFileError": "cases.batch",
    "Case": "cases.batch",
    "CaseError": "cases.batch",
    "Outcome": "cases.batch",
    "ExplorerError": "errors",
    "InputError": "errors",
    "KnowledgeError": "errors",
    "explore": "reasoning.explore",
    "Questionnaire": "reasoning.questionnaire",
    # teaching: step records, what-if, comparison, rules view, knowledge network, the case library
    "EngineStep": "reasoning.steps",
    "what_if": "reasoning.whatif",
    "WhatIf": "reasoning.whatif",
    "compare": "reasoning.compare",
    "Comparison": "reasoning.compare",
    "rule_groups": "reasoning.rulesview",
    "knowledge_network": "reasoning.rulesview",
    "fired_network": "reasoning.rulesview",
    "list_cases": "cases.library",
    "find_case": "cases.library",
    "run_case": "cases.library",
    "LibraryCase": "cases.library",
    "load_knowledge": "knowledge.loader",
    "parse": "language.parser",
    "Mention": "language.parse_records",
    "Leftover": "language.parse_records",
    "Parse": "language.parse_records",
    "Condition": "knowledge.records",
    "KnowledgeBase": "knowledge.records",
    "Rule": "knowledge.records",
    "Source": "knowledge.records",
    "Symptom": "knowledge.records",
    "Evidence": "reasoning.result",
    "RedFlag": "reasoning.result",
    "Result": "reasoning.result",
    "Suggestion": "reasoning.result",
    "TraceStep": "reasoning.result",
}
# A literal list, so that type checkers and linters read it (a test keeps it equal to _EXPORTS).
__all__ = [
    "BatchFileError",
    "Case",
    "CaseError",
    "Comparison",
    "Condition",
    "EngineStep",
    "Evidence",
    "ExplorerError",
    "InputError",
    "KnowledgeBase",
    "KnowledgeError",
    "Leftover",
    "LibraryCase",
    "Mention",
    "Outcome",
    "Parse",
    "Questionnaire",
    "RedFlag",
    "Result",
    "Rule",
    "Source",
    "Suggestion",
    "Symptom",
    "TraceStep",
    "WhatIf",
    "__version__",
    "compare",
    "explore",
    "explore_file",
    "find_case",
    "fired_network",
    "get_condition",
    "knowledge_network",
    "list_cases",
    "list_conditions",
    "list_symptoms",
    "load_knowledge",
    "output_schema",
    "parse",
    "rule_groups",
    "run_case",
    "what_if",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'explorer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return __all__
