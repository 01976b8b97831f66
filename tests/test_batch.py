"""Batch runs: every input format, stdin, bad cases in the middle, output formats, and unreadable input."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli

GOOD = [
    ("a", ["numbness", "dry eyes"], []),
    ("b", ["joint pain", "swollen joints", "morning stiffness"], ["butterfly rash"]),
]


def run(*args, input=None):
    return CliRunner().invoke(cli, ["batch", *args], input=input)


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def as_yaml(cases):
    return "".join(f"- id: {i}\n  symptoms: {json.dumps(p)}\n  absent: {json.dumps(a)}\n" for i, p, a in cases)


def as_json(cases):
    return json.dumps([{"id": i, "symptoms": p, "absent": a} for i, p, a in cases], indent=2)


def as_jsonl(cases):
    return "".join(json.dumps({"id": i, "symptoms": p, "absent": a}) + "\n" for i, p, a in cases)


def as_csv(cases):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "present", "absent"])
    for i, p, a in cases:
        writer.writerow([i, "; ".join(p), "; ".join(a)])
    return out.getvalue()


@pytest.mark.parametrize(
    "suffix,make", [(".yaml", as_yaml), (".json", as_json), (".jsonl", as_jsonl), (".csv", as_csv)]
)
def test_each_input_format_from_a_file_and_from_stdin(tmp_path, suffix, make):
    path = tmp_path / f"cases{suffix}"
    path.write_text(make(GOOD), encoding="utf-8")
    for args, stdin in (([str(path)], None), (["-"], make(GOOD))):
        result = run(*args, input=stdin)
        assert result.exit_code == 0, result.output
        got = records(result.stdout)
        assert [(r["case"]["id"], r["status"]) for r in got] == [("a", "ok"), ("b", "ok")]
        assert got[0]["result"]["suggestions"][0]["condition"]["id"] == "sjogren_syndrome"
        assert got[1]["result"]["suggestions"][0]["condition"]["id"] == "rheumatoid_arthritis"
        assert got[1]["result"]["absent"][0]["symptom"]["id"] == "butterfly_rash"


def test_phenopacket_json_and_jsonl(tmp_path):
    packet = {
        "id": "pp1",
        "subject": {"id": "patient-1"},
        "metaData": {"created": "2026-01-01T00:00:00Z"},
        "phenotypicFeatures": [
            {"type": {"id": "HP:0000217", "label": "Xerostomia"}},
            {"type": {"id": "HP:0001097", "label": "Keratoconjunctivitis sicca"}},
            {"type": {"id": "HP:0033748", "label": "Hypoesthesia"}},
            {"type": {"id": "HP:0002829", "label": "Arthralgia"}, "excluded": True},
            {"type": {"id": "HP:9999999", "label": "Dry skin"}},
        ],
    }
    (tmp_path / "one.json").write_text(json.dumps(packet, indent=2), encoding="utf-8")
    result = run(str(tmp_path / "one.json"))
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["case"]["id"] == "pp1"
    data = record["result"]
    assert {r["symptom"]["id"] for r in data["recognized"]} == {"dry_mouth", "dry_eyes", "numbness", "dry_skin"}
    assert [r["symptom"]["id"] for r in data["absent"]] == ["joint_pain"]
    assert data["suggestions"][0]["condition"]["id"] == "sjogren_syndrome"
    lines = json.dumps(packet) + "\n" + json.dumps(dict(packet, id="pp2")) + "\n"
    result = run("-", input=lines)
    assert [r["case"]["id"] for r in records(result.stdout)] == ["pp1", "pp2"]


def test_bad_cases_in_the_middle_do_not_stop_the_others():
    stdin = (
        "\n".join(
            [
                json.dumps({"id": "first", "symptoms": ["numbness"]}),
                '{"id": "broken", symptoms: }',
                json.dumps({"id": "extra-key", "symptoms": ["numbness"], "colour": "red"}),
                json.dumps({"id": "nothing-known", "symptoms": ["glowing toenails"]}),
                json.dumps({"id": "half-known", "symptoms": ["tingling", "xyzzy"]}),
                json.dumps({"id": "last", "symptoms": ["dry eyes", "dry mouth"]}),
            ]
        )
        + "\n"
    )
    result = run("-", "--input-format", "jsonl", input=stdin)
    assert result.exit_code == 1
    got = {(r["case"]["id"], r["case"]["line"]): r for r in records(result.stdout)}
    assert [key for key in got] == [
        ("first", 1),
        (None, 2),
        ("extra-key", 3),
        ("nothing-known", 4),
        ("half-known", 5),
        ("last", 6),
    ]
    assert got[("first", 1)]["status"] == "ok" and got[("last", 6)]["status"] == "ok"
    assert got[(None, 2)]["status"] == "error" and "malformed JSON line" in got[(None, 2)]["error"]
    assert "unknown key(s) colour" in got[("extra-key", 3)]["error"]
    assert "no recognizable findings" in got[("nothing-known", 4)]["error"]
    assert got[("half-known", 5)]["status"] == "partial"
    assert got[("half-known", 5)]["result"]["unrecognized"][0]["input"] == "xyzzy"
    assert "4 of 6 case(s)" in result.stderr


def test_yaml_syntax_error_spoils_only_its_case():
    stdin = "- id: one\n  symptoms: [numbness]\n- id: two\n  symptoms: [numbness\n- id: three\n  symptoms: [dry eyes]\n"
    result = run("-", input=stdin)
    got = records(result.stdout)
    assert [(r["case"]["id"], r["case"]["line"], r["status"]) for r in got] == [
        ("one", 1, "ok"),
        ("two", 3, "error"),
        ("three", 5, "ok"),
    ]
    assert "malformed YAML" in got[1]["error"]


def test_csv_output_has_one_row_per_case_with_top_suggestions(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text(as_yaml(GOOD), encoding="utf-8")
    result = run(str(path), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["suggestion_1"] == "Sjögren's syndrome" and rows[0]["strength_1"] == "moderate"
    assert all("not a diagnosis" in r["disclaimer"] for r in rows)


def test_markdown_output_and_output_file(tmp_path):
    source = tmp_path / "cases.jsonl"
    source.write_text(as_jsonl(GOOD), encoding="utf-8")
    target = tmp_path / "out.md"
    result = run(str(source), "--format", "markdown", "--output", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("| Case | Line | Status |")
    assert "| a | 1 | ok |  | Sjögren's syndrome (moderate)" in text
    assert "not a diagnosis" in text.splitlines()[-1]


def test_output_may_not_overwrite_the_input(tmp_path):
    source = tmp_path / "cases.jsonl"
    source.write_text(as_jsonl(GOOD), encoding="utf-8")
    result = run(str(source), "--output", str(source))
    assert result.exit_code == 2 and "must not be the input" in result.stderr
    assert source.read_text(encoding="utf-8") == as_jsonl(GOOD)


@pytest.mark.parametrize(
    "content,message",
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b'[{"id": "x", "symptoms": ["numbness"]}, {"id": ', "the cases before it were processed"),
        (b"key: value\n", "expected a YAML list of cases"),
    ],
)
def test_unreadable_input_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / ("cases.json" if content.startswith(b"[") else "cases.yaml")
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_truncated_json_keeps_the_cases_before_the_damage(tmp_path):
    path = tmp_path / "cases.json"
    path.write_text('[{"id": "x", "symptoms": ["numbness"]},\n {"id": "y", "symp', encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert [r["case"]["id"] for r in records(result.stdout)] == ["x"]


def test_csv_with_wrong_header(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("name,findings\nx,numbness\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and "CSV header must name the columns" in result.stderr


def test_missing_file():
    result = run("no-such-file.yaml")
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_shipped_example_cases_all_run():
    from explorer import explore_file
    from explorer.knowledge.loader import packaged_folders

    cases = packaged_folders()[0].joinpath("cases", "examples.yaml")
    outcomes = list(explore_file(str(cases)))
    assert len(outcomes) >= 7 and all(o.status == "ok" for o in outcomes)


def test_large_input_streams_case_by_case(tmp_path):
    """Results come out while the input is still being read: the reader never holds the whole file."""
    from explorer.cases.batch import read_cases
    from explorer.knowledge.loader import load_knowledge

    class Endless(io.TextIOBase):
        def __init__(self):
            self.lines_read = 0

        def readable(self):
            return True

        def readline(self, size=-1):
            self.lines_read += 1
            return json.dumps({"id": str(self.lines_read), "symptoms": ["numbness"]}) + "\n"

    source = Endless()
    cases = read_cases(source, "jsonl", load_knowledge())
    first_three = [next(cases).id for _ in range(3)]
    assert first_three == ["1", "2", "3"] and source.lines_read == 3


@pytest.mark.slow
def test_progress_shows_on_a_terminal_but_not_in_a_pipe(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    from tests.test_installed import installed_command

    source = tmp_path / "cases.jsonl"
    # distinct ids: a repeated one would be warned about on stderr
    source.write_text(as_jsonl([(f"{i}{n}", p, a) for n in range(3) for i, p, a in GOOD]), encoding="utf-8")
    child = pexpect.spawn(
        installed_command(),
        ["batch", str(source), "--output", str(tmp_path / "out.jsonl")],
        encoding="utf-8",
        timeout=30,
    )
    child.expect("6 case\\(s\\) done")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 6
    piped = run(str(source))
    assert "case(s) done" not in piped.stderr and piped.stderr == ""


def test_csv_errors_name_the_column_and_keep_the_rows_id(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text('id,present,absent\nc1,numbness,\nc2,,\nc3,"numbness,\nc4,tingling,\n', encoding="utf-8")
    got = records(run(str(path)).stdout)
    assert [(r["case"]["id"], r["status"]) for r in got] == [
        ("c1", "ok"),
        ("c2", "error"),
        ("c3", "error"),
        ("c4", "ok"),
    ]
    assert got[1]["error"] == "no findings: fill the 'present' column (and optionally 'absent')"
    assert got[2]["error"] == "malformed CSV row: a quote is not closed on its line"


def test_csv_and_markdown_mark_inputs_set_aside(tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text('id,present\nc1,"numbness, family history of diabetes, chest pain years ago, xyzzy"\n', "utf-8")
    rows = list(csv.DictReader(io.StringIO(run(str(path), "--format", "csv").stdout)))
    assert rows[0]["unrecognized"] == "family history of diabetes (someone else's: family); xyzzy"
    assert rows[0]["absent"] == "chest_pain (a past event: years ago)"  # gone: absent now, said to be past
    table = run(str(path), "--format", "markdown").stdout
    assert '"chest pain" (a past event: years ago, absent now), "family history of diabetes" (someone else' in table


MIXED = "".join(
    json.dumps(case) + "\n"
    for case in [
        {"id": "a", "symptoms": ["numbness", "dry eyes"]},
        {"id": "b", "symptoms": ["glowing toenails"]},
        {"id": "c", "symptoms": ["tingling", "xyzzy"]},
    ]
)


def test_json_format_is_one_array_of_the_jsonl_records_written_as_they_come():
    lines = run("-", input=MIXED).stdout.splitlines()
    result = run("-", "--format", "json", input=MIXED)
    assert result.exit_code == 1  # a case failing leaves the array valid, and the exit code as for jsonl
    assert json.loads(result.stdout) == [json.loads(line) for line in lines]
    # streamed: "[", then each record as jsonl writes it, a comma and a line break between two, then "]"
    assert result.stdout == "[" + ",\n".join(lines) + "]\n"


def test_json_format_of_an_empty_or_broken_input_is_still_an_array(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("[]\n", encoding="utf-8")
    assert run(str(empty), "--format", "json").stdout == "[]\n"
    broken = tmp_path / "cases.json"
    broken.write_text('[{"id": "x", "symptoms": ["numbness"]},\n {"id": "y", "symp', encoding="utf-8")
    result = run(str(broken), "--format", "json")
    assert result.exit_code == 2 and "cannot read" in result.stderr
    assert [r["case"]["id"] for r in json.loads(result.stdout)] == ["x"]


def test_json_format_with_jobs_is_the_same_array(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(MIXED * 30, encoding="utf-8")
    one = run(str(path), "--format", "json").stdout
    assert run(str(path), "--format", "json", "--jobs", "2").stdout == one and len(json.loads(one)) == 90


def test_jsonl_nesting_limit_at_its_edge():
    """A JSON Lines case is checked for nesting before it is parsed; the quick way (a line with no more
    brackets than the limit cannot nest deeper) and the scanner agree at the limit."""
    from explorer.cases.json_stream import nesting_problem
    from explorer.limits import MAX_DEPTH

    assert nesting_problem('{"a":' * MAX_DEPTH + "1" + "}" * MAX_DEPTH) is None
    assert f"nested more than {MAX_DEPTH}" in nesting_problem('{"a":' * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1))
    assert nesting_problem('{"id": "' + "[" * (MAX_DEPTH + 8) + '", "symptoms": ["numbness"]}') is None  # in a string
