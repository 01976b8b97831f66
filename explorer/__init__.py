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

from .api import explore_file, get_condition, list_conditions, list_symptoms, output_schema  # noqa: E402
from .batch import BatchFileError, Case, CaseError, Outcome  # noqa: E402
from .errors import ExplorerError, InputError, KnowledgeError  # noqa: E402
from .explore import explore  # noqa: E402
from .knowledge import load_knowledge  # noqa: E402
from .records import Condition, KnowledgeBase, Rule, Source, Symptom  # noqa: E402
from .result import Evidence, RedFlag, Result, Suggestion, TraceStep  # noqa: E402

__all__ = ["BatchFileError", "Case", "CaseError", "Condition", "Evidence", "ExplorerError", "InputError",
           "KnowledgeBase", "KnowledgeError", "Outcome", "RedFlag", "Result", "Rule", "Source", "Suggestion",
           "Symptom", "TraceStep", "__version__", "explore", "explore_file", "get_condition", "list_conditions",
           "list_symptoms", "load_knowledge", "output_schema"]
