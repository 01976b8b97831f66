"""Functions for scripts, on top of explore(): browse the knowledge, run a file of cases, get the
output schema. Every function takes an optional ``kb`` (from ``load_knowledge(folder)``); without it
the built-in knowledge base is used."""

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .cases.batch import Outcome, open_cases, read_cases, run_cases
from .cases.readers import open_text
from .errors import InputError
from .knowledge.catalog import find_condition, sorted_conditions
from .knowledge.loader import load_knowledge
from .knowledge.records import Condition, KnowledgeBase, Symptom
from .language.vocabulary import vocabulary_for


def list_symptoms(search: str | None = None, kb: KnowledgeBase | None = None) -> list[Symptom]:
    """Every finding the explorer understands (symptoms and history), or those matching ``search``."""
    kb = kb or load_knowledge()
    if search:
        return vocabulary_for(kb).search(_text(search, "search"))
    return sorted(kb.symptoms.values(), key=lambda s: (s.kind != "symptom", s.system, s.label.lower()))


def list_conditions(kb: KnowledgeBase | None = None) -> list[Condition]:
    """Every condition the explorer can suggest."""
    return sorted_conditions(kb or load_knowledge())


def get_condition(query: str, kb: KnowledgeBase | None = None) -> Condition | None:
    """A condition by id, name, alias or ORPHA/OMIM code ("sjogren", "SLE", "ORPHA:536"), or None."""
    return find_condition(kb or load_knowledge(), _text(query, "query"))


def explore_file(path, input_format: str | None = None, kb: KnowledgeBase | None = None) -> Iterator[Outcome]:
    """Explore every case in a batch file (YAML, JSON, JSON Lines, CSV or Phenopacket JSON), lazily.
    Bad cases come back as outcomes with status "error"; an unreadable file raises BatchFileError
    (the only error it raises, besides KnowledgeError for a bad ``kb`` folder)."""
    kb = kb or load_knowledge()
    with open_text(path) as stream:
        fmt, cases = open_cases(stream, str(Path(path)), input_format)
        yield from run_cases(read_cases(cases, fmt, kb), kb)


def _text(value, name: str) -> str:
    # The API raises only ExplorerError subclasses, also for an argument of the wrong type.
    if not isinstance(value, str):
        raise InputError(f"{name} must be text, not {type(value).__name__}")
    return value


def output_schema() -> dict:
    """The published JSON Schema of the output (``explorer/output.schema.json``)."""
    return json.loads(resources.files("explorer").joinpath("output.schema.json").read_text(encoding="utf-8"))
