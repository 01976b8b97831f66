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

__version__ = "0.1.0"

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
__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'explorer' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def _repr_html(record) -> str:
    """The HTML a notebook shows for a Result, a Condition or a Comparison (their ``_repr_html_``). It is
    looked up here, at the package root and only when asked for, so that no record imports a formatter."""
    import importlib

    return importlib.import_module(f"{__name__}.formats.html").html_fragment(record)


def __dir__():
    return __all__
