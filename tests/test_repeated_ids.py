"""A case id used more than once in a batch or case file is warned about on stderr, once per id with its
lines; every case still runs."""

import json

from click.testing import CliRunner

from explorer.cases.duplicates import RepeatedIds, repeat_message
from explorer.cli import cli

CASES = [("c1", "numbness"), ("c2", "numbness"), ("c1", "dry eyes"), ("c3", "tingling"), ("c2", "dry eyes")]


def jsonl(cases):
    return "".join(json.dumps({"id": i, "symptoms": [s]}) + "\n" for i, s in cases)


def test_the_message_names_the_file_the_lines_and_the_id():
    assert repeat_message("cases.jsonl", "c1", [3, 7]) == 'cases.jsonl:3 and :7: case id "c1" is used twice'
    assert repeat_message("x.yaml", "a", [1, 4, 9]) == 'x.yaml:1, :4 and :9: case id "a" is used 3 times'
    seen = RepeatedIds()
    for case_id, line in (("a", 1), (None, 2), ("b", 3), (None, 4), ("a", 5)):
        seen.see(case_id, line)
    assert seen.messages("f") == ['f:1 and :5: case id "a" is used twice']  # unreadable cases have no id
    seen.see("b", 6)
    seen.see("b", 7)  # "b" is repeated, and then "a" again: still said in the order the ids first appear
    seen.see("a", 8)
    assert seen.messages("f") == [
        'f:1, :5 and :8: case id "a" is used 3 times',
        'f:3, :6 and :7: case id "b" is used 3 times',
    ]


def test_batch_warns_once_per_repeated_id_and_runs_every_case(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(jsonl(CASES + [("c1", "dry mouth")]), encoding="utf-8")
    for jobs in ("1", "2"):
        done = CliRunner().invoke(cli, ["batch", str(path), "--jobs", jobs])
        assert done.exit_code == 0
        assert [json.loads(line)["case"]["id"] for line in done.stdout.splitlines()] == [
            "c1",
            "c2",
            "c1",
            "c3",
            "c2",
            "c1",
        ]
        assert done.stderr.splitlines() == [
            f'symptom-explorer: warning: {path}:1, :3 and :6: case id "c1" is used 3 times',
            f'symptom-explorer: warning: {path}:2 and :5: case id "c2" is used twice',
        ]


def test_batch_from_stdin_in_yaml_names_stdin_and_the_lines_of_the_cases():
    yaml = "- id: a\n  symptoms: [numbness]\n- id: b\n  symptoms: [dry eyes]\n- id: a\n  symptoms: [tingling]\n"
    done = CliRunner().invoke(cli, ["batch", "-", "--format", "csv"], input=yaml)
    assert done.exit_code == 0 and len(done.stdout.splitlines()) == 4
    assert done.stderr == 'symptom-explorer: warning: stdin:1 and :5: case id "a" is used twice\n'


def test_distinct_ids_say_nothing(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(jsonl([("a", "numbness"), ("b", "numbness")]), encoding="utf-8")
    done = CliRunner().invoke(cli, ["batch", str(path)])
    assert done.exit_code == 0 and done.stderr == ""


def test_cases_with_a_file_warns_the_same_way(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(jsonl(CASES), encoding="utf-8")
    listed = CliRunner().invoke(cli, ["cases", "--cases", str(path)])
    assert listed.exit_code == 0 and listed.stdout.count("Findings:") == 5
    assert f'{path}:1 and :3: case id "c1" is used twice' in listed.stderr
    assert f'{path}:2 and :5: case id "c2" is used twice' in listed.stderr
    shown = CliRunner().invoke(cli, ["cases", "show", "c3", "--cases", str(path)])
    assert shown.exit_code == 0 and f'{path}:1 and :3: case id "c1"' in shown.stderr
    assert CliRunner().invoke(cli, ["cases"]).stderr == ""  # the built-in cases have distinct ids
