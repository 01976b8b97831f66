"""The Builder: one reader per kind of knowledge file, then the checks across files (loader.py uses it
only when a knowledge base is not in the cache)."""

from .build_concepts import ConceptsReader
from .build_conditions import ConditionsReader
from .build_crosscheck import CrossChecker
from .build_findings import FindingsReader
from .build_lists import ListsReader
from .build_rules import RulesReader
from .build_sites import SitesReader
from .build_time_course import TimeCourseReader


class Builder(
    FindingsReader,
    ListsReader,
    ConceptsReader,
    SitesReader,
    TimeCourseReader,
    ConditionsReader,
    RulesReader,
    CrossChecker,
):
    """Turns checked entries into records, one reader per kind of file, then checks across files."""
