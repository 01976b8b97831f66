"""The output formats: one registry saying, for each format, which views it renders and with which function.

Every command's ``--format`` choices are read from here, so a format added below appears at once in
every command that shows a view it renders. Adding a format: one module in this package with a
function per view, and one line in ``FORMATS``. A function is named as ``"module:function"`` and
imported only when that format is used, so a command pays only for what it prints.

Calling convention: ``function(subject, context) -> str``, the subject being the record the view
names in ``VIEWS``; except for ``batch``, whose cases are written as they come: there the function is a
writer class, ``cls(out)`` with ``start()``, ``write(outcome)``, ``finish()`` and ``between``, the text
written between two records."""

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..cases.library import LibraryCase
    from ..knowledge.records import KnowledgeBase, Symptom
    from ..reasoning.result import Result
    from .terminal import Display

# view -> what it shows (the subject handed to the function) and the command that shows it
VIEWS = {
    "result": "one case's result, a Result (match)",
    "what_if": "a case before and after a change, a WhatIf (match --what-if)",
    "batch": "many cases, one record each as it is done: a writer class (batch)",
    "conditions": "the conditions, a list of Condition (conditions)",
    "card": "one condition's card, a Condition (show)",
    "symptoms": "the findings understood, a Listing of Symptom (symptoms)",
    "parse": "how a text was read, a Parse (parse)",
    "rules": "the rules by conclusion, a tuple of RuleGroup (rules)",
    "comparison": "two conditions side by side, a Comparison (compare)",
    "cases": "the example cases, a list of LibraryCase (cases)",
    "case": "one example case run, a CaseRun (cases show)",
    "pack_trial": "a rule pack tried on the case library, a PackTrial (rules try)",
}


def _renders(module: str, *views: str) -> dict[str, str]:
    """``module``'s ``render_VIEW`` for each of ``views``."""
    return {view: f"{module}:render_{view}" for view in views}


# format -> {view: "module:function"}, one line a format. The first format rendering a view is its default.
FORMATS: dict[str, dict[str, str]] = {
    "text": {
        **_renders("text_format", *(view for view in VIEWS if view not in ("batch", "what_if", "pack_trial"))),
        "what_if": "stepping:render_what_if_text",
        "pack_trial": "pack_trial:render_pack_trial_text",
    },
    # jsonl before json: it is batch's default, and the first format rendering a view is its default
    "jsonl": {"batch": "batch_formats:JsonLinesWriter"},
    "json": {
        **_renders("json_format", *(view for view in VIEWS if view not in ("batch", "pack_trial"))),
        "batch": "batch_formats:JsonArrayWriter",
        "pack_trial": "pack_trial:render_pack_trial_json",
    },
    "csv": {"batch": "batch_formats:CsvWriter"},
    "markdown": {
        **_renders("markdown_format", "result", "conditions", "card", "rules", "comparison", "cases", "case"),
        "what_if": "stepping:render_what_if_markdown",
        "batch": "batch_formats:MarkdownWriter",
    },
    "html": _renders("html", "result", "comparison", "case"),
    "mermaid": {"result": "diagram:result_mermaid", "rules": "diagram:rules_mermaid"},
    "dot": {"result": "diagram:result_dot", "rules": "diagram:rules_dot"},
}


# The records below are NamedTuples rather than dataclasses: `match` imports this module, and a
# NamedTuple costs a tenth of a millisecond to define where a frozen dataclass costs about one.
class Context(NamedTuple):
    """What a view function may need besides its subject: the knowledge base (for labels), the
    terminal's width and colour (``display``; None: plain text), and whether to add the rule trace."""

    kb: "KnowledgeBase | None" = None
    display: "Display | None" = None
    explain: bool = False
    expand: bool = False  # show each firing of a grouped rule (annotations) on its own, not folded

    def knowledge(self) -> "KnowledgeBase":
        """The knowledge base given, or else the built-in one."""
        from ..knowledge.loader import load_knowledge

        return self.kb or load_knowledge()


class Listing(NamedTuple):
    """The subject of the ``symptoms`` view: the findings, and whether to group them by body system."""

    symptoms: "tuple[Symptom, ...]"
    grouped: bool = True


class CaseRun(NamedTuple):
    """The subject of the ``case`` view: an example case, its result and how that differs from what
    the case expects (no problems: the engine agrees)."""

    case: "LibraryCase"
    result: "Result"
    problems: tuple[str, ...] = ()


def formats_for(view: str) -> tuple[str, ...]:
    """The formats that render ``view``, its default first."""
    if view not in VIEWS:
        raise KeyError(f"no view called {view!r}")
    return tuple(name for name, views in FORMATS.items() if view in views)


def renderer(view: str, fmt: str) -> Callable:
    """The function (or writer class, for ``batch``) that renders ``view`` in format ``fmt``."""
    module, _, name = FORMATS[fmt][view].partition(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), name)


def render(view: str, fmt: str, subject, context: Context | None = None) -> str:
    """``subject`` shown as ``view`` in format ``fmt``."""
    return renderer(view, fmt)(subject, context or Context())
