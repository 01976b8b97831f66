"""A JSON array of cases read element by element, so a large file runs in bounded memory and linear time.

A small scanner finds where each element ends (tracking strings and nesting, never re-reading text), and
only then is the element itself parsed. An element that is too large, too deeply nested or not valid
JSON becomes a CaseError and the reader carries on with the next one.
"""

import io
import json
import re

from ..limits import MAX_CASE_CHARS, MAX_DEPTH
from .mapping import case_from_mapping
from .records import BatchFileError, CaseError

_CHUNK = 1 << 16
_SPACE = re.compile(r"[ \t\r\n]*")
_STRUCTURE = re.compile(r'["]|,|[\[{]+|[\]}]+')  # runs of brackets at once: deep nesting stays fast
_STRING_BODY = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*', re.S)
_ID = re.compile(r'"id"\s*:\s*"([^"\\\n]{1,200})"')


class _Scanner:
    """Reads a text stream in chunks and cuts it into top-level elements."""

    def __init__(self, stream):
        self.stream, self.chunk, self.pos, self.line = stream, "", 0, 1
        self.escaped = False  # a backslash ended the previous chunk inside a string

    def _more(self) -> bool:
        self.chunk, self.pos = self.stream.read(_CHUNK), 0
        if "\0" in self.chunk:
            raise BatchFileError(
                f"a NUL character near line {self.line}: this is not UTF-8 text (binary, or UTF-16 as some "
                f"spreadsheets save it); the cases before it were processed"
            )
        return bool(self.chunk)

    def peek(self) -> str:
        """Skips whitespace (counting lines); the next character, or "" at the end of the input."""
        while True:
            space = _SPACE.match(self.chunk, self.pos)  # whitespace or nothing: it always matches
            end = space.end() if space else self.pos
            self.line += self.chunk.count("\n", self.pos, end)
            self.pos = end
            if self.pos < len(self.chunk):
                return self.chunk[self.pos]
            if not self._more():
                return ""

    def take(self, count: int = 1):
        self.pos += count

    def element(self):
        """One element, up to the ',' or ']' that ends it at the top level (or the end of the input).
        Returns (text, ending, problem): text is None when the element broke a limit (``problem`` says
        which); ending is ',', ']' or "" (the input ended)."""
        parts, size, depth, in_string = [], 0, 0, False
        problem = None
        while True:
            if self.pos >= len(self.chunk) and not self._more():
                return self._result(parts, problem), "", problem
            start = self.pos
            ending = None
            if self.escaped:  # the character after a backslash that ended the last chunk
                self.pos, self.escaped = self.pos + 1, False
            elif in_string:
                end = _STRING_BODY.match(self.chunk, self.pos).end()
                if end < len(self.chunk) and self.chunk[end] == '"':
                    in_string, self.pos = False, end + 1
                else:  # the string goes on in the next chunk (maybe right after a backslash)
                    self.escaped = end < len(self.chunk)
                    self.pos = len(self.chunk)
            else:
                found = _STRUCTURE.search(self.chunk, self.pos)
                self.pos = found.end() if found else len(self.chunk)
                mark = found.group() if found else ""
                if mark == '"':
                    in_string = True
                elif mark[:1] in ("[", "{"):
                    depth += len(mark)
                    if depth > MAX_DEPTH and problem is None:
                        problem = f"nested more than {MAX_DEPTH} levels deep (the limit)"
                elif mark[:1] in ("]", "}"):
                    if len(mark) <= depth:
                        depth -= len(mark)
                    else:  # this run closes the element's level: the element ends at a ']'
                        self.pos = found.start() + depth + 1
                        ending = "]" if self.chunk[self.pos - 1] == "]" else None
                        depth = 0  # a stray '}' is left for the parser to report
                elif mark == "," and depth == 0:
                    ending = ","
            piece = self.chunk[start : self.pos - (1 if ending else 0)]
            self.line += piece.count("\n")
            size += len(piece)
            if size > MAX_CASE_CHARS and problem is None:
                problem = f"larger than {MAX_CASE_CHARS:,} characters (the limit for one case)"
            if problem is None:
                parts.append(piece)
            if ending:
                return self._result(parts, problem), ending, problem

    @staticmethod
    def _result(parts, problem):
        return None if problem else "".join(parts)


def read_json(stream, kb):
    """A JSON array of cases (read element by element), or one object (a case or a phenopacket)."""
    scanner = _Scanner(stream)
    first = scanner.peek()
    if not first:
        raise BatchFileError("the JSON input is empty")
    if first != "[":
        yield _single(scanner, kb)
        return
    scanner.take()
    if scanner.peek() == "]":
        return
    ordinal = 0
    while True:
        scanner.peek()
        line = scanner.line
        text, ending, problem = scanner.element()
        if not ending:
            raise BatchFileError(
                f"the JSON array that opens on line 1 is not closed (input ended in the case at line {line}); "
                f"the cases before it were processed"
            )
        ordinal += 1
        yield _case(text, problem, line, kb, ordinal)
        if ending == "]":
            if scanner.peek():
                raise BatchFileError(f"not valid JSON near line {scanner.line}: text after the closing ']'")
            return


def _single(scanner, kb):
    line = scanner.line
    text, ending, problem = scanner.element()
    if ending:
        raise BatchFileError(f"not valid JSON near line {scanner.line}: unexpected {ending!r} after the case")
    return _case(text, problem, line, kb, 1)


def _case(text, problem, line, kb, ordinal):
    if problem:
        return CaseError(None, line, f"case skipped: {problem}")
    if not text.strip():
        return CaseError(None, line, "not valid JSON: an empty place between commas")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        named = _ID.search(text)
        return CaseError(named.group(1) if named else None, line, f"not valid JSON: {json_reason(exc)}")
    return case_from_mapping(data, line, kb, ordinal)


def nesting_problem(text: str) -> str | None:
    """Whether one JSON text (a JSON Lines line) nests deeper than the limit (or is larger than one case may
    be), found without parsing it."""
    if len(text) <= MAX_CASE_CHARS and text.count("[") + text.count("{") <= MAX_DEPTH:
        return None  # it cannot nest deeper than it has brackets: the common case, without the scanner
    scanner = _Scanner(io.StringIO(text))
    scanner.peek()
    return scanner.element()[2]


def json_reason(exc) -> str:
    # json's own errors carry msg and a position; others (an integer past Python's digit limit) do not.
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} (line {exc.lineno} of the case, column {exc.colno})"
    return str(exc).split(";")[0].split("\n")[0][:200]
