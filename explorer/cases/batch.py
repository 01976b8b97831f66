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
from dataclasses import dataclass
from typing import TextIO

from ..errors import ExplorerError
from ..knowledge.records import KnowledgeBase
from ..knowledge.vocabulary import split_inputs, vocabulary_for
from ..knowledge.yamlsource import YamlSyntaxError, parse_yaml
from ..reasoning.explore import explore
from ..reasoning.result import Result

FORMATS = ("yaml", "json", "jsonl", "csv")
EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
CASE_KEYS = {"id", "symptoms", "absent", "unsure", "note"}
CSV_COLUMNS = {"id", "present", "symptoms", "absent", "note"}
_CHUNK = 1 << 16
_YAML_ID = re.compile(r"^[-\s]*id:\s*['\"]?([^'\"\s#]+)", re.M)


class BatchFileError(ExplorerError):
    """The batch input as a whole cannot be read (missing, not UTF-8, not the format it claims)."""


@dataclass(frozen=True)
class Case:
    id: str | None
    line: int
    present: tuple[str, ...]
    absent: tuple[str, ...]
    note: str = ""
    unsure: tuple[str, ...] = ()  # asked but not answered yes or no; never used as evidence


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
    readers = {"yaml": _read_yaml, "json": _read_json, "jsonl": _read_jsonl, "csv": _read_csv}
    try:
        yield from readers[fmt](stream, kb)
    except UnicodeDecodeError:
        raise BatchFileError("the input is not UTF-8 text") from None


def run_cases(cases, kb: KnowledgeBase) -> Iterator[Outcome]:
    """Explore each case as it arrives."""
    for item in cases:
        if isinstance(item, CaseError):
            yield Outcome(item.id, item.line, "error", error=item.message)
            continue
        result = explore(item.present, item.absent, kb=kb)
        if not result.usable:
            hints = [
                f'"{u.input}"'
                + (f" (did you mean: {', '.join(s.label for s in u.did_you_mean)}?)" if u.did_you_mean else "")
                for u in result.unrecognized
            ]
            yield Outcome(
                item.id,
                item.line,
                "error",
                result=result,
                note=item.note,
                error="no recognizable findings: " + "; ".join(hints),
            )
        else:
            yield Outcome(item.id, item.line, "ok" if result.complete else "partial", result=result, note=item.note)


# -- one case from a mapping ----------------------------------------------------------------------------
def case_from_mapping(data, line: int, kb: KnowledgeBase, ordinal: int) -> Case | CaseError:
    if not isinstance(data, dict):
        return CaseError(None, line, f"expected a case (a mapping with id, symptoms, absent), got {_kind(data)}")
    if "phenotypicFeatures" in data:
        return _phenopacket(data, line, kb, ordinal)
    case_id = _case_id(data.get("id"), ordinal)
    unknown = sorted(str(k) for k in data if k not in CASE_KEYS)
    if unknown:
        return CaseError(
            case_id, line, f"unknown key(s) {', '.join(unknown)} (allowed: absent, id, note, symptoms, unsure)"
        )
    present, absent = _findings(data.get("symptoms")), _findings(data.get("absent"))
    unsure = _findings(data.get("unsure"))
    for key, value in (("symptoms", present), ("absent", absent), ("unsure", unsure)):
        if value is None:
            return CaseError(case_id, line, f"'{key}' must be a list of findings or a comma-separated text")
    if not present and not absent:
        return CaseError(case_id, line, "no findings: give 'symptoms' (and optionally 'absent')")
    note = data.get("note") if isinstance(data.get("note"), str) else ""
    return Case(case_id, line, present, absent, note, unsure)


def _phenopacket(data, line, kb, ordinal) -> Case | CaseError:
    """GA4GH Phenopacket: phenotypicFeatures with HPO ids; ``excluded: true`` means reported absent."""
    case_id = _case_id(data.get("id"), ordinal)
    features = data.get("phenotypicFeatures")
    if not isinstance(features, list):
        return CaseError(case_id, line, "phenotypicFeatures must be a list")
    vocabulary = vocabulary_for(kb)
    present, absent = [], []
    for index, feature in enumerate(features):
        term = feature.get("type") if isinstance(feature, dict) else None
        if not isinstance(term, dict) or not isinstance(term.get("id"), str):
            return CaseError(case_id, line, f"phenotypicFeatures[{index}] needs type.id (an HPO id)")
        # Known HPO ids resolve directly; for others the label may still name a finding we know.
        text = term["id"]
        if vocabulary.resolve(text).symptom is None and isinstance(term.get("label"), str):
            text = term["label"]
        (absent if feature.get("excluded") is True else present).append(text)
    if not present and not absent:
        return CaseError(case_id, line, "the phenopacket has no phenotypicFeatures")
    return Case(case_id, line, tuple(present), tuple(absent))


def _findings(value):
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(split_inputs([value]))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(split_inputs(value))
    return None


def _case_id(value, ordinal) -> str:
    if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    return f"case-{ordinal}"


def _kind(value) -> str:
    return {list: "a list", str: "text", type(None): "nothing"}.get(type(value), type(value).__name__)


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
            yield CaseError(_case_id(row.get("id"), ordinal), reader.line_num, "row has more cells than the header")
            continue
        data = {
            "id": row.get("id"),
            "symptoms": row.get("present") or row.get("symptoms") or "",
            "absent": row.get("absent") or "",
            "note": row.get("note") or "",
        }
        yield case_from_mapping(data, reader.line_num, kb, ordinal)


def _read_json(stream, kb):
    """A JSON array of cases (read element by element), or one object (a case or a phenopacket)."""
    decoder = json.JSONDecoder()
    buffer, line, ordinal = "", 1, 0
    finished = False

    def fill():
        nonlocal buffer, finished
        chunk = stream.read(_CHUNK)
        finished = chunk == ""
        buffer += chunk

    def skip_space():
        nonlocal buffer, line
        while True:
            stripped = buffer.lstrip()
            line += buffer.count("\n", 0, len(buffer) - len(stripped))
            buffer = stripped
            if buffer or finished:
                return
            fill()

    fill()
    skip_space()
    if not buffer:
        raise BatchFileError("the JSON input is empty")
    if buffer[0] != "[":
        rest = buffer + stream.read()
        try:
            data = json.loads(rest)
        except ValueError as exc:
            raise BatchFileError(f"not valid JSON: {exc.msg} at line {line + exc.lineno - 1}") from None
        yield case_from_mapping(data, line, kb, 1)
        return
    buffer = buffer[1:]
    while True:
        skip_space()
        if buffer.startswith("]"):
            return
        if not buffer and finished:
            raise BatchFileError("the JSON array is not closed")
        while True:
            try:
                data, end = decoder.raw_decode(buffer)
                break
            except ValueError as exc:
                if finished:
                    raise BatchFileError(
                        f"not valid JSON near line {line + exc.lineno - 1}: {exc.msg}; "
                        f"the cases before it were processed"
                    ) from None
                fill()
        ordinal += 1
        yield case_from_mapping(data, line, kb, ordinal)
        line += buffer.count("\n", 0, end)
        buffer = buffer[end:]
        skip_space()
        while not buffer and not finished:
            fill()
            skip_space()
        if buffer.startswith(","):
            buffer = buffer[1:]
        elif not buffer.startswith("]"):
            raise BatchFileError(
                f"not valid JSON near line {line}: expected ',' or ']' between cases; "
                f"the cases before it were processed"
            )


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
