"""Batch input: read many cases from YAML, JSON, JSON Lines, CSV or GA4GH Phenopacket JSON, one at a
time, and explore each. Readers yield a Case or a CaseError per case, so one bad case never stops the
others; a file that cannot be read at all raises BatchFileError.

Memory stays bounded: JSON Lines and CSV are read line by line, a JSON array element by element, and a
YAML list item by item (each top-level ``- `` item is parsed on its own).
"""

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import TextIO

from ..knowledge.records import KnowledgeBase
from ..knowledge.yamlsource import YamlSyntaxError, parse_yaml
from .json_stream import read_json
from .mapping import case_from_mapping, case_id
from .records import BatchFileError, Case, CaseError

FORMATS = ("yaml", "json", "jsonl", "csv")
EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
CSV_COLUMNS = {"id", "present", "symptoms", "absent", "note"}
_YAML_ID = re.compile(r"^[-\s]*id:\s*['\"]?([^'\"\s#]+)", re.M)


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
        except ValueError:
            return "json"
    header = stripped.splitlines()[0] if stripped else ""
    if "," in header and {c.strip().lower() for c in header.split(",")} <= CSV_COLUMNS:
        return "csv"
    return "yaml"


def open_cases(stream: TextIO, name: str, fmt: str | None = None) -> tuple[str, TextIO]:
    """Decide the input format (given, from the name, or sniffed from the first characters) without
    losing what was read to sniff it."""
    fmt = fmt or format_from_name(name)
    if fmt:
        return fmt, stream
    try:
        head = stream.read(4096)
    except UnicodeDecodeError:
        raise BatchFileError("the input is not UTF-8 text") from None
    return detect_format(name, head), _Prefixed(head, stream)


class _Prefixed(io.TextIOBase):
    """A text stream whose first characters were already read (to sniff the format)."""

    def __init__(self, head: str, rest: TextIO):
        self._head, self._rest = io.StringIO(head), rest

    def readable(self):
        return True

    def read(self, size=-1):
        data = self._head.read(size)
        if size is None or size < 0:
            return data + self._rest.read()
        return data + (self._rest.read(size - len(data)) if len(data) < size else "")

    def readline(self, size=-1):
        line = self._head.readline()
        return line if line.endswith("\n") else line + self._rest.readline()


def read_cases(stream: TextIO, fmt: str, kb: KnowledgeBase) -> Iterator[Case | CaseError]:
    """Yield each case of ``stream`` in format ``fmt`` (one of FORMATS)."""
    readers = {"yaml": _read_yaml, "json": read_json, "jsonl": _read_jsonl, "csv": _read_csv}
    try:
        yield from readers[fmt](stream, kb)
    except UnicodeDecodeError:
        raise BatchFileError("the input is not UTF-8 text") from None


# -- readers ------------------------------------------------------------------------------------------
def _read_jsonl(stream, kb):
    ordinal = 0
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        ordinal += 1
        try:
            data = json.loads(raw)
        except ValueError as exc:
            yield CaseError(None, number, f"malformed JSON line: {exc.msg} (column {exc.colno})")
            continue
        yield case_from_mapping(data, number, kb, ordinal)


def _read_csv(stream, kb):
    reader = csv.DictReader(stream)
    try:
        columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise BatchFileError(f"not valid CSV: {exc}") from None
    if not columns:
        return
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if unknown or not ({"present", "symptoms"} & set(columns)):
        raise BatchFileError(
            f"CSV header must name the columns id, present, absent (and optionally note); "
            f"got: {', '.join(reader.fieldnames)}"
        )
    reader.fieldnames = columns
    ordinal = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield CaseError(None, reader.line_num, f"malformed CSV row: {exc}")
            continue
        ordinal += 1
        if None in row:
            yield CaseError(case_id(row.get("id"), ordinal), reader.line_num, "row has more cells than the header")
            continue
        data = {
            "id": row.get("id"),
            "symptoms": row.get("present") or row.get("symptoms") or "",
            "absent": row.get("absent") or "",
            "note": row.get("note") or "",
        }
        yield case_from_mapping(data, reader.line_num, kb, ordinal)


def _read_yaml(stream, kb):
    """A YAML list of cases. Each top-level item (a line starting with "-" in column 0 opens one) is
    parsed on its own, so a syntax error spoils only its case and memory holds one case at a time."""
    chunk: list[str] = []
    start, ordinal = 0, 0
    for number, raw in enumerate(stream, start=1):
        opens_item = raw.startswith("-") and not raw.startswith("---") and (len(raw) < 2 or raw[1] in " \n\r")
        if opens_item or (not chunk and raw.strip() and not raw.lstrip().startswith("#") and not raw.startswith("---")):
            if chunk:
                ordinal += 1
                yield _yaml_item("".join(chunk), start, kb, ordinal)
            if not opens_item:
                raise BatchFileError(f"line {number}: expected a YAML list of cases (each starting with '- ')")
            chunk, start = [raw], number
        elif chunk:
            chunk.append(raw)
    if chunk:
        ordinal += 1
        yield _yaml_item("".join(chunk), start, kb, ordinal)


def _yaml_item(text: str, line: int, kb, ordinal) -> Case | CaseError:
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
