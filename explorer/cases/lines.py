"""Reading a text input line by line in bounded memory, for the line-based readers (JSON Lines, CSV, YAML)."""

from ..limits import MAX_LINE_CHARS
from .records import BatchFileError


def lines(stream):
    """(number, line) for each line of ``stream``; a line over MAX_LINE_CHARS comes as None, its rest
    skipped in bounded memory. A NUL character (binary or UTF-16 input) stops the reading."""
    number = 0
    while True:
        raw = stream.readline(MAX_LINE_CHARS + 1)
        if not raw:
            return
        number += 1
        _no_nul(raw, number)
        if len(raw) <= MAX_LINE_CHARS or raw.endswith("\n"):
            yield number, raw
            continue
        while raw and not raw.endswith("\n"):
            raw = stream.readline(MAX_LINE_CHARS + 1)
            _no_nul(raw, number)
        yield number, None


def _no_nul(text: str, number: int):
    if "\0" in text:
        raise BatchFileError(
            f"line {number} holds a NUL character: this is not UTF-8 text (binary, or UTF-16 as some "
            f"spreadsheets save it); the cases before it were processed"
        )


def too_long(number: int) -> str:
    return f"line {number} is longer than {MAX_LINE_CHARS:,} characters (the limit for one line); case skipped"
