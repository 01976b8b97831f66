"""CSV batch input, one record per case. A quoted cell may hold line breaks (a spreadsheet writes a
cell's Alt-Enter so): such a record is read as the csv module reads it and reported with the line it
starts on, but only when the quote closes into valid CSV; otherwise the quote is a stray one, left open
on its own line, and can never swallow the rows after it. Spreadsheet dialects are accepted: a ';' or tab
separator, empty padding columns and cells; a column we do not know is refused by name."""

import csv
from collections import deque

from ..knowledge.quoting import shown
from ..limits import MAX_CASE_CHARS, MAX_RECORD_LINES
from .lines import lines, too_long
from .mapping import case_from_mapping, case_id
from .records import BatchFileError, CaseError

CSV_COLUMNS = {"id", "present", "symptoms", "absent", "note"}


def header_delimiter(header: str) -> str | None:
    """The separator of a CSV header naming our columns: ',' or the ';' and tab spreadsheets use."""
    for delimiter in (",", ";", "\t"):
        columns = {c.strip().strip('"').lower() for c in header.split(delimiter)}
        if delimiter in header and columns & {"present", "symptoms"}:
            return delimiter
    return None


def read_csv(stream, kb):
    numbered = lines(stream)
    columns, delimiter = _header(numbered, set(kb.time_course.dimensions))
    ordinal = 0
    for number, raw in _records(_Lines(numbered), delimiter):
        if raw is not None and not raw.strip():
            continue
        ordinal += 1
        if raw is None:
            yield CaseError(None, number, too_long(number))
            continue
        try:
            cells = next(csv.reader([raw], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            reason = _REASONS.get(str(exc).split(" ", 1)[0], str(exc))
            yield CaseError(_first_cell_id(raw, columns, delimiter, ordinal), number, f"malformed CSV row: {reason}")
            continue
        row = dict(zip(columns, cells, strict=False))
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            yield CaseError(case_id(row.get("id"), ordinal), number, "row has more cells than the header")
            continue
        data = {
            "id": row.get("id"),
            "symptoms": row.get("present") or row.get("symptoms") or "",
            "absent": row.get("absent") or "",
            "note": row.get("note") or "",
            **{d: row[d] for d in kb.time_course.dimensions if row.get(d)},  # onset, spread...: time course
        }
        case = case_from_mapping(data, number, kb, ordinal)
        if isinstance(case, CaseError) and case.message.startswith(_NO_FINDINGS):
            # the mapping names its own field, 'symptoms'; a CSV has columns
            column = "present" if "present" in columns or "symptoms" not in columns else "symptoms"
            case = CaseError(case.id, case.line, f"no findings: fill the '{column}' column (and optionally 'absent')")
        yield case


_NO_FINDINGS = "no findings: give 'symptoms'"
# The csv module's errors, by their first word, in our words (its own name the file mode and Python).
_REASONS = {
    "unexpected": "a quote is not closed on its line",
    "new-line": "a line break (CR) inside a cell that is not in quotes; put the cell in double quotes",
}


class _Lines:
    """Numbered lines that can be given back: lines read ahead to test a multi-line record are read again
    as rows of their own when it is not one. Those that were inside its open quote (``inside``) open no
    look-ahead of their own: they would only scan the same lines again (quadratic on a hostile file)."""

    def __init__(self, numbered):
        self.numbered, self.back, self.inside = numbered, deque(), set()

    def __iter__(self):
        return self

    def __next__(self):
        return self.back.popleft() if self.back else next(self.numbered)

    def give_back(self, items: list, inside: set):
        self.back.extendleft(reversed(items))
        self.inside |= inside


def _records(source: _Lines, delimiter: str):
    """(line it starts on, text) of each record; text is None for a line over the length limit."""
    for number, raw in source:
        if raw is not None and number not in source.inside and _quote_open(raw, delimiter, False):
            raw = _continued(source, raw, delimiter) or raw
        source.inside.discard(number)
        yield number, raw


def _continued(source: _Lines, first: str, delimiter: str) -> str | None:
    """The record ``first`` opens when its open quote closes on a later line into valid CSV (at most
    MAX_CASE_CHARS and MAX_RECORD_LINES); otherwise None, and the lines read ahead are given back."""
    taken, parts, size = [], [first], len(first)
    for number, raw in source:
        taken.append((number, raw))
        if raw is None or size + len(raw) > MAX_CASE_CHARS or len(taken) >= MAX_RECORD_LINES:
            break
        parts.append(raw)
        size += len(raw)
        if not _quote_open(raw, delimiter, True):
            try:
                return _valid("".join(parts), delimiter)
            except csv.Error:
                break
    source.give_back(taken, {number for number, _ in taken[:-1]})
    return None


def _valid(text: str, delimiter: str) -> str:
    next(csv.reader([text], delimiter=delimiter, strict=True))  # raises csv.Error when it is not one record
    return text


def _quote_open(line: str, delimiter: str, in_quotes: bool) -> bool:
    """Whether a quoted cell is still open at the end of ``line`` (``in_quotes``: open at its start), read
    as the csv module reads it: a quote opens a cell only as the cell's first character, and "" inside
    a quoted cell is a quote. Linear: it jumps from quote to delimiter."""
    pos = 0
    while pos < len(line):
        if in_quotes:
            end = line.find('"', pos)
            if end < 0:
                return True
            if line.startswith('"', end + 1):
                pos = end + 2
                continue
            in_quotes, pos = False, end + 1
        elif line.startswith('"', pos) and (pos == 0 or line[pos - 1] == delimiter):
            in_quotes, pos = True, pos + 1
            continue
        found = line.find(delimiter, pos)
        if found < 0:
            return False
        pos = found + 1
    return in_quotes


def _first_cell_id(raw: str, columns: list, delimiter: str, ordinal: int) -> str | None:
    """A malformed row's id, when the id column comes first and its cell is readable (before the delimiter,
    with no quote of its own): so the error record still says which case it was."""
    if not columns or columns[0] != "id":
        return None
    first = raw.split(delimiter, 1)[0].strip()
    return None if '"' in first or not first else case_id(first, ordinal)


def _header(numbered, course_columns: set):
    for number, raw in numbered:
        if raw is None:
            raise BatchFileError(too_long(number))
        if not raw.strip():
            continue
        delimiter = header_delimiter(raw) or ","
        try:
            names = next(csv.reader([raw], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            raise BatchFileError(f"not valid CSV in the header (line {number}): {exc}") from None
        columns = [c.strip().lower() for c in names]
        unknown = [c for c in columns if c and c not in CSV_COLUMNS and c not in course_columns]
        if unknown or not ({"present", "symptoms"} & set(columns)):
            found = f"unknown column(s) {', '.join(shown(c) for c in unknown[:10])}" if unknown else "no present"
            raise BatchFileError(
                f"CSV header must name the columns id, present, absent (and optionally note), separated by "
                f"',' or ';' or tabs; {found} in line {number}"
            )
        return columns, delimiter
    raise BatchFileError("the input holds no cases (it is empty)")
