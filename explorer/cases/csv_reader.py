"""CSV batch input, one physical line per case: a quote left open ends with its line, so it can never
swallow the next row. Spreadsheet dialects are accepted: a ';' or tab separator, empty padding columns
and cells; a column we do not know is refused by name."""

import csv

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
    columns, delimiter = _header(numbered)
    ordinal = 0
    for number, raw in numbered:
        if raw is not None and not raw.strip():
            continue
        ordinal += 1
        if raw is None:
            yield CaseError(None, number, too_long(number))
            continue
        try:
            cells = next(csv.reader([raw], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            reason = "a quote is not closed on its line" if "end of data" in str(exc) else str(exc)
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
        }
        case = case_from_mapping(data, number, kb, ordinal)
        if isinstance(case, CaseError) and case.message.startswith(_NO_FINDINGS):
            # the mapping names its own field, 'symptoms'; a CSV has columns
            column = "present" if "present" in columns or "symptoms" not in columns else "symptoms"
            case = CaseError(case.id, case.line, f"no findings: fill the '{column}' column (and optionally 'absent')")
        yield case


_NO_FINDINGS = "no findings: give 'symptoms'"


def _first_cell_id(raw: str, columns: list, delimiter: str, ordinal: int) -> str | None:
    """A malformed row's id, when the id column comes first and its cell is readable (before the delimiter,
    with no quote of its own): so the error record still says which case it was."""
    if not columns or columns[0] != "id":
        return None
    first = raw.split(delimiter, 1)[0].strip()
    return None if '"' in first or not first else case_id(first, ordinal)


def _header(numbered):
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
        unknown = [c for c in columns if c and c not in CSV_COLUMNS]
        if unknown or not ({"present", "symptoms"} & set(columns)):
            shown = f"unknown column(s) {', '.join(repr(c[:40]) for c in unknown[:10])}" if unknown else "no present"
            raise BatchFileError(
                f"CSV header must name the columns id, present, absent (and optionally note), separated by "
                f"',' or ';' or tabs; {shown} in line {number}"
            )
        return columns, delimiter
    raise BatchFileError("the input holds no cases (it is empty)")
