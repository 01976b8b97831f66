"""Batch input: read many cases from YAML, JSON, JSON Lines, CSV or GA4GH Phenopacket JSON, one at a
time, and explore each. Readers yield a Case or a CaseError per case, so one bad case never stops the
others; a file that cannot be read at all raises BatchFileError.

Memory stays bounded: JSON Lines and CSV are read line by line, a JSON array element by element, and a
YAML list item by item (each top-level ``- `` item is parsed on its own).
"""

import contextlib
import io
import json
import re
from collections.abc import Iterator
from typing import IO

from ..knowledge.records import KnowledgeBase
from ..limits import MAX_CASE_CHARS, is_clean_text
from .csv_reader import header_delimiter, read_csv
from .json_stream import json_reason, nesting_problem, read_json
from .lines import lines, too_long
from .mapping import case_from_mapping, checked
from .records import BatchFileError, Case, CaseError

FORMATS = ("yaml", "json", "jsonl", "csv")
EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
# Only spaces and tabs before "id:" (never newlines), so a search over many blank lines stays linear.
_YAML_ID = re.compile(r"^[- \t]*id:[ \t]*['\"]?([^'\"\s#]{1,200})", re.M)


def format_from_name(name: str) -> str | None:
    """The input format its file extension names, if any."""
    return next((fmt for ending, fmt in EXTENSIONS.items() if name.lower().endswith(ending)), None)


def detect_format(name: str, first_text: str) -> str:
    """The input format from the file name, or for stdin from the first non-blank characters."""
    by_name = format_from_name(name)
    if by_name:
        return by_name
    stripped = first_text.lstrip()
    if stripped.startswith("["):
        return "json"
    if stripped.startswith("{"):
        first_line = stripped.splitlines()[0]
        try:
            json.loads(first_line)
            return "jsonl"
        except (ValueError, RecursionError):
            return "json"
    header = stripped.splitlines()[0] if stripped else ""
    return "csv" if header_delimiter(header) else "yaml"


def open_stdin(binary) -> io.TextIOWrapper:
    """The text of ``binary`` (stdin's bytes), read like open_text reads a file."""
    return io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="\n")


def open_cases(stream: IO[str], name: str, fmt: str | None = None) -> tuple[str, io.TextIOBase]:
    """Decide the input format (given, from the name, or sniffed from the first characters) without
    losing what was read to sniff it. A byte-order mark (Excel's "CSV UTF-8") is dropped."""
    try:
        head = stream.read(4096)
    except UnicodeDecodeError:
        raise BatchFileError("the input is not UTF-8 text") from None
    if head.startswith("\ufeff"):
        head = head[1:]
    return fmt or detect_format(name, head), _Prefixed(head, stream)


class _Prefixed(io.TextIOBase):
    """A text stream whose first characters were already read (to sniff the format)."""

    def __init__(self, head: str, rest: IO[str]):
        self._head, self._rest = io.StringIO(head), rest

    def readable(self):
        return True

    def read(self, size=-1):
        data = self._head.read(size)
        if size is None or size < 0:
            return data + self._rest.read()
        return data + (self._rest.read(size - len(data)) if len(data) < size else "")

    def readline(self, size=-1):
        size = -1 if size is None else size
        line = self._head.readline(size)
        if line.endswith("\n") or 0 <= size <= len(line):
            return line
        return line + self._rest.readline(size - len(line) if size >= 0 else -1)


def open_text(path):
    """A case file for reading: bytes that are not UTF-8 become lone surrogates (surrogateescape), so
    the reader reports the one case holding them and carries on, instead of failing mid-chunk. Only LF
    (or CRLF) ends a line, as editors count lines: a lone CR is data inside its line (newline="\n"),
    never a line end that would cut a case in two."""
    try:
        return open(path, encoding="utf-8", errors="surrogateescape", newline="\n")
    except OSError as exc:
        raise BatchFileError(f"cannot open {path}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def named_problems(name: str) -> Iterator[None]:
    """A whole file's problem raised inside names the file: "line 3: ..." becomes "NAME:3: ..."."""
    try:
        yield
    except BatchFileError as exc:
        message = str(exc)
        numbered = re.match(r"line (\d+): ", message)
        where = f"{name}:{numbered[1]}: " if numbered else f"{name}: "
        raise BatchFileError(where + (message[numbered.end() :] if numbered else message)) from None


def read_cases(stream: IO[str] | io.TextIOBase, fmt: str, kb: KnowledgeBase) -> Iterator[Case | CaseError]:
    """Yield each case of ``stream`` in format ``fmt`` (one of FORMATS)."""
    readers = {"yaml": _read_yaml, "json": read_json, "jsonl": _read_jsonl, "csv": read_csv}
    count = 0
    try:
        for count, item in enumerate(readers[fmt](stream, kb), start=1):  # noqa: B007 (count is used after)
            yield checked(item) if isinstance(item, Case) else item
    except UnicodeDecodeError:
        raise BatchFileError("the input is not UTF-8 text; the cases before it were processed") from None
    if count == 0:
        raise BatchFileError("the input holds no cases (it is empty)")


# -- readers ------------------------------------------------------------------------------------------
def _read_jsonl(stream, kb):
    ordinal = 0
    for number, raw in lines(stream):
        if raw is not None and not raw.strip():
            continue
        ordinal += 1
        problem = too_long(number) if raw is None else nesting_problem(raw)
        if problem:
            yield CaseError(None, number, f"case skipped: {problem}" if raw is not None else problem)
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            yield CaseError(None, number, f"malformed JSON line: {json_reason(exc)}")
            continue
        yield case_from_mapping(data, number, kb, ordinal)


def _read_yaml(stream, kb):
    """A YAML list of cases. Each top-level item (a line starting with "-" in column 0 opens one) is
    parsed on its own, so a syntax error spoils only its case and memory holds one case at a time."""
    item = None
    ordinal = 0
    for number, raw in lines(stream):
        opens_item = raw is not None and _opens_item(raw)
        if raw is not None and not opens_item and item is None:
            if raw.strip() and not raw.lstrip().startswith("#") and not raw.startswith(("---", "...")):
                raise BatchFileError(f"line {number}: expected a YAML list of cases (each starting with '- ')")
            continue
        if opens_item or item is None:
            if item is not None:
                ordinal += 1
                yield item.case(kb, ordinal)
            item = _YamlItem(number)
        item.add(number, raw)
    if item is not None:
        yield item.case(kb, ordinal + 1)


def _opens_item(raw: str) -> bool:
    # "- x", "-" alone, and "-<tab>x" (a tab after the dash is easy to type and must not merge two cases)
    return raw.startswith("-") and not raw.startswith("---") and (len(raw) < 2 or raw[1] in " \t\n\r")


class _YamlItem:
    """The lines of one top-level list item, up to MAX_CASE_CHARS."""

    def __init__(self, line: int):
        self.line, self.size = line, 0
        self.parts: list[str] = []
        self.problem: str | None = None

    def add(self, number: int, raw: str | None):
        if self.problem:
            return
        if raw is None:
            self.problem = too_long(number)
            return
        self.size += len(raw)
        if self.size > MAX_CASE_CHARS:
            self.problem = f"the case is larger than {MAX_CASE_CHARS:,} characters (the limit for one case)"
            self.parts = []
        else:
            self.parts.append(raw)

    def case(self, kb, ordinal) -> Case | CaseError:
        text = "".join(self.parts)
        if self.problem is None and not is_clean_text(text):
            self.problem = "the case holds bytes that are not UTF-8 text"
        if self.problem:
            return CaseError(None, self.line, self.problem)
        return _yaml_item(text, self.line, kb, ordinal)


def _yaml_item(text: str, line: int, kb, ordinal) -> Case | CaseError:
    from ..knowledge.yamlsource import YamlSyntaxError, parse_yaml  # PyYAML only for YAML input

    try:
        parsed = parse_yaml(text)
    except YamlSyntaxError as exc:
        named = _YAML_ID.search(text)
        return CaseError(
            named.group(1) if named else None,
            line,
            f"malformed YAML (near line {line + max(exc.line, 1) - 1}): {exc.message}",
        )
    if not isinstance(parsed, list) or len(parsed) != 1:
        return CaseError(None, line, "expected one case per list item")
    return case_from_mapping(parsed[0], line, kb, ordinal)
