"""symptom-explorer: an educational, non-diagnostic expert system relating symptoms to neuropathy and
autoimmune disease.

For scripts::

    from explorer import explore
    result = explore(["numbness", "dry eyes"], absent=["dry mouth"])
    for s in result.suggestions:
        print(s.rank, s.condition.name, s.strength, [e.symptom.label for e in s.supporting])
    data = result.to_dict()          # the JSON contract, schema_version 1

Everything returned is a frozen record (see ``explorer.result`` and ``explorer.records``).
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
    "load_knowledge": "knowledge.loader",
    "parse": "knowledge.parser",
    "Mention": "knowledge.parse_records",
    "Leftover": "knowledge.parse_records",
    "Parse": "knowledge.parse_records",
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


def __dir__():
    return __all__
