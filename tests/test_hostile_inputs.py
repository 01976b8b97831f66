"""Hostile input, as a table: every class of issue 12, run through the real CLI (click's CliRunner).

Each row gives the files, the command, the exit code and what must (and must not) be in the output.
Every row also checks: no traceback, the good cases around the bad one are all there, and the output
carries nothing unsafe (no raw HTML or terminal escapes, no formula-leading CSV cell, valid UTF-8).
"""

import csv
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from explorer.cli import cli

GOOD_1 = {"id": "good-1", "symptoms": ["numbness", "dry eyes"]}
GOOD_2 = {"id": "good-2", "symptoms": ["joint pain", "morning stiffness"], "absent": ["butterfly rash"]}
DEEP = "[" * 1000 + "]" * 1000


def jsonl(*lines: str) -> bytes:
    return ("\n".join([json.dumps(GOOD_1), *lines, json.dumps(GOOD_2)]) + "\n").encode("utf-8", "surrogatepass")


def json_array(*elements: str) -> bytes:
    return ("[" + ",\n".join([json.dumps(GOOD_1), *elements, json.dumps(GOOD_2)]) + "]").encode("utf-8")


def yaml_cases(*items: str) -> bytes:
    good_1 = "- id: good-1\n  symptoms: [numbness, dry eyes]\n"
    good_2 = "- id: good-2\n  symptoms: [joint pain, morning stiffness]\n  absent: [butterfly rash]\n"
    return (good_1 + "".join(items) + good_2).encode("utf-8")


CSV_HEADER = "id,present,absent\n"
CSV_GOOD_1 = 'good-1,"numbness, dry eyes",\n'
CSV_GOOD_2 = 'good-2,"joint pain, morning stiffness",butterfly rash\n'


@dataclass
class Row:
    name: str
    files: dict  # file name -> bytes
    args: list  # {name} is replaced by the file's path
    exit_code: int
    says: list = field(default_factory=list)  # text that must be in stdout + stderr
    good: tuple = ("good-1", "good-2")  # case ids that must come out with status ok
    never: list = field(default_factory=list)  # text that must not be in stdout
    stdin: bytes | None = None


ROWS = [
    # -- one bad case must not end the batch or lose the cases after it ---------------------------------
    Row(
        "json integer past the digit limit",
        {"c.json": json_array('{"id": "big", "symptoms": [1' + "0" * 5000 + "]}")},
        ["batch", "{c.json}"],
        1,
        ["4300 digits"],
    ),
    Row("json nested 1000 deep", {"c.json": json_array(DEEP)}, ["batch", "{c.json}"], 1, ["nested more than 32"]),
    Row(
        "json lone surrogate in a finding",
        {"c.json": json_array('{"id": "s", "symptoms": ["\\ud800"]}')},
        ["batch", "{c.json}"],
        1,
        ["not valid text"],
    ),
    Row(
        "json lone surrogate in the id",
        {"c.json": json_array('{"id": "\\udcff", "symptoms": ["fever"]}')},
        ["batch", "{c.json}"],
        0,
        ["its id is not usable"],
    ),
    Row(
        "json element over the case size",
        {"c.json": json_array('{"id": "huge", "symptoms": "' + "a" * (1 << 21) + '"}')},
        ["batch", "{c.json}"],
        1,
        ["larger than 1,048,576 characters"],
    ),
    Row(
        "json garbage between cases",
        {"c.json": json_array('{"id": "x" "symptoms": []}')},
        ["batch", "{c.json}"],
        1,
        ["not valid JSON"],
    ),
    Row(
        "json array never closed",
        {"c.json": b'[{"id": "good-1", "symptoms": ["numbness"]}, {"id": "y'},
        ["batch", "{c.json}"],
        2,
        ["not closed", "the cases before it were processed"],
        good=("good-1",),
    ),
    Row(
        "jsonl integer past the digit limit",
        {"c.jsonl": jsonl('{"id": "big", "symptoms": [1' + "0" * 5000 + "]}")},
        ["batch", "{c.jsonl}"],
        1,
        ["4300 digits"],
    ),
    Row("jsonl nested 1000 deep", {"c.jsonl": jsonl(DEEP)}, ["batch", "{c.jsonl}"], 1, ["nested more than 32"]),
    Row(
        "jsonl lone surrogate",
        {"c.jsonl": jsonl('{"id": "s", "symptoms": ["a\\udc80"]}')},
        ["batch", "{c.jsonl}"],
        1,
        ["not valid text"],
    ),
    Row(
        "jsonl line over the line limit",
        {"c.jsonl": jsonl('{"id": "long", "symptoms": "' + "a" * (1 << 21) + '"}')},
        ["batch", "{c.jsonl}"],
        1,
        ["longer than 1,048,576 characters"],
    ),
    Row(
        "jsonl too many findings",
        {"c.jsonl": jsonl(json.dumps({"id": "many", "symptoms": ["fever"] * 300}))},
        ["batch", "{c.jsonl}"],
        1,
        ["over the limit of 200 findings per case"],
    ),
    Row(
        "jsonl finding too long",
        {"c.jsonl": jsonl(json.dumps({"id": "long", "symptoms": ["a " * 70000]}))},
        ["batch", "{c.jsonl}"],
        1,
        ["over the limit of 5000 characters per finding"],
    ),
    Row(
        "yaml nested 900 deep",
        {"c.yaml": yaml_cases("- id: deep\n  symptoms: " + "[" * 900 + "]" * 900 + "\n")},
        ["batch", "{c.yaml}"],
        1,
        ["nested more than 32"],
    ),
    Row(
        "yaml integer past the digit limit",
        {"c.yaml": yaml_cases("- id: 1" + "0" * 5000 + "\n  symptoms: [fever]\n")},
        ["batch", "{c.yaml}"],
        1,
        ["4300 digits"],
    ),
    Row(
        "yaml syntax error and many blank lines",
        {"c.yaml": yaml_cases("- id: bad\n  symptoms: [\n" + "\n" * 200000)},
        ["batch", "{c.yaml}"],
        1,
        ["malformed YAML"],
    ),
    Row(
        "yaml tab after the dash",
        {"c.yaml": yaml_cases("-\tid: tabbed\n  symptoms: [fever]\n")},
        ["batch", "{c.yaml}"],
        1,
        ["tabbed"],
    ),
    Row(
        "yaml billion laughs",
        {
            "c.yaml": yaml_cases(
                "- id: laughs\n  a: &a [x, x, x, x, x, x, x, x, x]\n  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  symptoms: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            )
        },
        ["batch", "{c.yaml}"],
        1,
        ["unknown key"],
    ),
    Row(
        "yaml tag that would run code",
        {"c.yaml": yaml_cases("- id: !!python/object/apply:os.system [echo hi]\n")},
        ["batch", "{c.yaml}"],
        1,
        ["malformed YAML"],
    ),
    Row(
        "a byte that is not UTF-8 mid-file",
        {"c.yaml": yaml_cases("- id: latin1\n  symptoms: [caf\xe9]\n").replace(b"caf\xc3\xa9", b"caf\xe9")},
        ["batch", "{c.yaml}"],
        1,
        ["not UTF-8"],
    ),
    Row(
        "a byte that is not UTF-8 in json lines",
        {"c.jsonl": jsonl('{"id": "x", "symptoms": ["caf\xe9"]}').replace(b"caf\xc3\xa9", b"caf\xe9")},
        ["batch", "{c.jsonl}"],
        1,
        ["not valid text"],
    ),
    Row("NUL bytes on stdin", {}, ["batch", "-"], 2, ["NUL character"], good=(), stdin=b"\0" * 100000),
    Row(
        "UTF-16 file",
        {"c.csv": (CSV_HEADER + CSV_GOOD_1).encode("utf-16")},
        ["batch", "{c.csv}"],
        2,
        ["UTF-16"],
        good=(),
    ),
    # -- csv: a quote left open, dialects, formula cells -------------------------------------------------
    Row(
        "csv unclosed quote does not swallow the next row",
        {"c.csv": (CSV_HEADER + CSV_GOOD_1 + 'open,"numbness, fever,\n' + CSV_GOOD_2).encode()},
        ["batch", "{c.csv}"],
        1,
        ["quote is not closed"],
    ),
    Row(
        "csv with a byte-order mark",
        {"c.csv": ("\ufeff" + CSV_HEADER + CSV_GOOD_1 + CSV_GOOD_2).encode()},
        ["batch", "{c.csv}"],
        0,
    ),
    Row(
        "csv separated by semicolons",
        {
            "c.csv": b"id;present;absent\ngood-1;numbness, dry eyes;\n"
            b"good-2;joint pain, morning stiffness;butterfly rash\n"
        },
        ["batch", "{c.csv}"],
        0,
    ),
    Row(
        "csv with empty padding columns",
        {
            "c.csv": b'id,present,absent,,\ngood-1,"numbness, dry eyes",,,\n'
            b'good-2,"joint pain, morning stiffness",butterfly rash,,\n'
        },
        ["batch", "{c.csv}"],
        0,
    ),
    Row(
        "csv with an unknown column",
        {"c.csv": b"id,present,absent,age\ngood-1,numbness,,40\n"},
        ["batch", "{c.csv}"],
        2,
        ["unknown column(s) 'age'"],
        good=(),
    ),
    Row(
        "csv formula in id and finding",
        {"c.csv": (CSV_HEADER + CSV_GOOD_1 + '=HYPERLINK("http://x"),"@SUM(1),-2+3",\n' + CSV_GOOD_2).encode()},
        ["batch", "{c.csv}", "--format", "csv"],
        1,
        ["'=HYPERLINK"],
    ),
    Row("json with a byte-order mark", {"c.json": b"\xef\xbb\xbf" + json_array()}, ["batch", "{c.json}"], 0),
    Row("yaml with a byte-order mark", {"c.yaml": b"\xef\xbb\xbf" + yaml_cases()}, ["batch", "{c.yaml}"], 0),
    Row("empty file", {"c.yaml": b""}, ["batch", "{c.yaml}"], 2, ["holds no cases"], good=()),
    Row("empty stdin", {}, ["batch", "-"], 2, ["holds no cases"], good=(), stdin=b""),
    # -- output injection ---------------------------------------------------------------------------------
    Row(
        "markdown html and links from a case",
        {
            "c.jsonl": jsonl(
                json.dumps(
                    {
                        "id": "<script>alert(1)</script>\nx",
                        "symptoms": ["<img src=x onerror=alert(1)>", "[a](javascript:alert(1))"],
                    }
                )
            )
        },
        ["batch", "{c.jsonl}", "--format", "markdown"],
        1,
        ["&lt;script&gt;"],
        never=["<script", "<img", "](javascript:"],
    ),
    Row(
        "match markdown with html in a finding",
        {},
        ["match", "numbness", "<b onmouseover=alert(1)>x</b>", "--format", "markdown"],
        1,
        ["&lt;b"],
        good=(),
        never=["<b "],
    ),
    Row(
        "terminal escapes typed as a finding",
        {},
        ["match", "numbness", "\x1b]0;owned\x07\x1b[31mred"],
        1,
        ["^[[31mred"],
        good=(),
    ),
    Row("json output of a hostile finding", {}, ["match", "numbness", "\x1b[2J", "--format", "json"], 1, [], good=()),
    Row("a lone surrogate on the command line", {}, ["match", "numbness", "caf\udce9"], 2, ["not valid text"], good=()),
    Row("one finding of 128 KiB", {}, ["match", "a " * 65536], 2, ["over the limit of"], good=()),
    Row("one argument of 1 MB", {}, ["match", "numbness," * 120000], 2, ["over the limit of"], good=()),
    Row(
        "batch markdown says which red flag conflicted",
        {
            "c.jsonl": jsonl(
                json.dumps(
                    {"id": "both", "symptoms": ["trouble breathing", "numbness"], "absent": ["trouble breathing"]}
                )
            )
        },
        ["batch", "{c.jsonl}", "--format", "markdown"],
        1,
        ["given as present and as absent"],
    ),
    Row(
        "batch csv says which finding conflicted",
        {"c.jsonl": jsonl(json.dumps({"id": "both", "symptoms": ["fever", "numbness"], "absent": ["fever"]}))},
        ["batch", "{c.jsonl}", "--format", "csv"],
        1,
        [",fever,"],
    ),
    Row("show a 120 KB name", {}, ["show", "ab " * 40000], 2, ["no condition called 'ab ab"], good=()),
    Row(
        "symptoms --search 120 KB of escapes",
        {},
        ["symptoms", "--search", "\x1b[2J" * 30000],
        1,
        ["No finding matches '\\x1b[2J"],
        good=(),
    ),
    # -- files: -o onto the input, a missing folder --------------------------------------------------------
    Row(
        "-o is the input file",
        {"c.yaml": yaml_cases()},
        ["batch", "{c.yaml}", "-o", "{c.yaml}"],
        2,
        ["must not be the input"],
        good=(),
    ),
    Row(
        "-o in a missing folder",
        {"c.yaml": yaml_cases()},
        ["batch", "{c.yaml}", "-o", "{c.yaml}.d/x.jsonl"],
        2,
        ["cannot write to"],
        good=(),
    ),
    Row(
        "match --from a deep file",
        {"c.yaml": b"- id: d\n  symptoms: " + b"[" * 900 + b"]" * 900 + b"\n"},
        ["match", "--from", "{c.yaml}"],
        2,
        ["nested more than 32"],
        good=(),
    ),
    Row(
        "ask --answers an endless line",
        {"c.jsonl": b"a" * (3 << 20)},
        ["ask", "--answers", "{c.jsonl}"],
        2,
        ["longer than 1,048,576"],
        good=(),
    ),
]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_hostile_input(row, tmp_path):
    paths = {}
    for name, content in row.files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(content)
    args = list(row.args)
    for name, path in paths.items():
        args = [a.replace("{" + name + "}", str(path)) for a in args]
    result = CliRunner().invoke(cli, args, input=row.stdin)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == row.exit_code, (result.stdout[-2000:], result.stderr[-2000:])
    everything = result.stdout + result.stderr
    for text in row.says:
        assert text in everything, everything[-3000:]
    assert "Traceback" not in everything
    assert len(result.stderr.splitlines()) <= 4, result.stderr  # one clear message (click adds its usage lines)
    assert all(len(line) < 400 for line in result.stderr.splitlines()), "a message echoes a huge input"
    assert not _UNSAFE.search(result.stdout), "control character or lone surrogate in the output"
    result.stdout.encode("utf-8")
    for text in row.never:
        assert text not in result.stdout
    if "jsonl" in args or ("--format" not in args and args[0] == "batch"):
        statuses = {r["case"]["id"]: r["status"] for r in map(json.loads, result.stdout.splitlines())}
        assert all(statuses.get(good) == "ok" for good in row.good), statuses
    elif "csv" in args:
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert all(any(r["id"] == good and r["status"] == "ok" for r in rows) for good in row.good)
        assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_hostile_table_covers_every_class():
    """The classes of issue 12 that the table must hold, each at least once."""
    names = " ".join(row.name for row in ROWS)
    for word in (
        "digit limit",
        "nested",
        "surrogate",
        "not UTF-8",
        "unclosed quote",
        "tab after",
        "byte-order mark",
        "semicolons",
        "empty file",
        "markdown",
        "formula",
        "terminal escapes",
        "json output",
        "-o is the input",
        "128 KiB",
        "conflict",
    ):
        assert word in names, word


def test_output_written_whole_keeps_usual_permissions(tmp_path):
    source, target = tmp_path / "c.yaml", tmp_path / "out.jsonl"
    source.write_bytes(yaml_cases())
    assert CliRunner().invoke(cli, ["batch", str(source), "-o", str(target)]).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    target.chmod(0o640)
    assert CliRunner().invoke(cli, ["batch", str(source), "-o", str(target)]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml", "out.jsonl"]  # no temporary file left


def test_no_csv_cell_starts_a_formula(tmp_path):
    """Case ids and findings that start with = + - @ never reach a spreadsheet as formulas."""
    import csv
    import io

    source = tmp_path / "c.csv"
    source.write_text(CSV_HEADER + '=HYPERLINK("http://x"),"@SUM(1),-2+3,+cmd",\n' + "@id,numbness,\n")
    result = CliRunner().invoke(cli, ["batch", str(source), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")], cells
    assert '\'=HYPERLINK("http://x")' in cells and "'@id" in cells
