"""The shape of each POST body, as msgspec Structs: the decoder checks types, lengths, required and
unknown keys while it reads the JSON, and builds nothing deeper than these shapes (a value nested where
a string belongs is refused at its first bracket). Limits come from explorer/limits.py."""

from typing import Annotated, Literal

import msgspec

from ..limits import WEB_MAX_BODY_BYTES, WEB_MAX_FINDING_CHARS, WEB_MAX_FINDINGS, WEB_MAX_FREE_TEXT_CHARS

Finding = Annotated[str, msgspec.Meta(max_length=WEB_MAX_FINDING_CHARS)]
# one string (findings separated by commas) or a list of them, as the command line takes them
Findings = Finding | Annotated[list[Finding], msgspec.Meta(max_length=WEB_MAX_FINDINGS)]


class Body(msgspec.Struct, forbid_unknown_fields=True):
    """A request body: an object holding only the keys its endpoint knows."""


class ExploreBody(Body):
    present: Findings = []
    absent: Findings = []


class WhatIfBody(ExploreBody):
    changes: Findings = []


class ParseBody(Body):
    text: Annotated[str, msgspec.Meta(max_length=WEB_MAX_FREE_TEXT_CHARS)]


class Answer(Body):
    finding: Finding
    answer: Literal["yes", "no", "unsure"]


class QuestionnaireBody(Body):
    answers: Annotated[list[Answer], msgspec.Meta(max_length=WEB_MAX_FINDINGS)] = []
    add: Annotated[str, msgspec.Meta(max_length=WEB_MAX_FREE_TEXT_CHARS)] = ""


class LoadBody(Body):
    yaml: Annotated[str, msgspec.Meta(max_length=WEB_MAX_BODY_BYTES)]


def as_list(findings: str | list[str]) -> list[str]:
    return [findings] if isinstance(findings, str) else list(findings)
