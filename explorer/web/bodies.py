"""The shape of each POST body, as msgspec Structs: the decoder checks types, lengths, required and
unknown keys while it reads the JSON, and builds nothing deeper than these shapes (a value nested where
a string belongs is refused at its first bracket). Limits come from explorer/limits.py."""

from typing import Annotated, Literal

import msgspec

from ..limits import (
    MAX_PACK_BYTES,
    WEB_MAX_BODY_BYTES,
    WEB_MAX_FINDING_CHARS,
    WEB_MAX_FINDINGS,
    WEB_MAX_FREE_TEXT_CHARS,
    WEB_MAX_PACK_NAME_CHARS,
)

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


# A pack's name is shown in every message about it: a plain file name, no path and no control characters.
PackName = Annotated[
    str, msgspec.Meta(min_length=1, max_length=WEB_MAX_PACK_NAME_CHARS, pattern=r"^[^\x00-\x1f\x7f/\\]+$")
]


class LabBody(Body):
    """A rule pack as the Lab sends it: its YAML text (the characters counted here, its bytes by the
    pack's own check, which names the limit) and the file name it is known by."""

    pack: Annotated[str, msgspec.Meta(max_length=MAX_PACK_BYTES)]
    name: PackName = "rules.yaml"


class LabRunBody(LabBody):
    present: Findings = []
    absent: Findings = []


def as_list(findings: str | list[str]) -> list[str]:
    return [findings] if isinstance(findings, str) else list(findings)
