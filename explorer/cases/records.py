"""The records of batch work: a case read from a file, a case that could not be read, and an outcome."""

from dataclasses import dataclass

from ..errors import ExplorerError
from ..reasoning.result import Result


class BatchFileError(ExplorerError):
    """The batch input as a whole cannot be read (missing, not UTF-8, not the format it claims)."""


@dataclass(frozen=True)
class Expectation:
    """A case's expected answer (curated and teachers' cases): the condition ranked first, the red flags."""

    first: str  # condition id, "" when no suggestion is expected
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    id: str
    line: int
    present: tuple[str, ...]
    absent: tuple[str, ...]
    note: str = ""
    unsure: tuple[str, ...] = ()  # asked but not answered yes or no; never used as evidence
    expect: Expectation | None = None


@dataclass(frozen=True)
class CaseError:
    id: str | None
    line: int
    message: str


@dataclass(frozen=True)
class Outcome:
    """One case's result. ``status``: "ok", "partial" (some findings could not be used) or "error"."""

    id: str | None
    line: int
    status: str
    result: Result | None = None
    error: str | None = None
    note: str = ""
