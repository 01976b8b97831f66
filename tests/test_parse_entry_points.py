"""Every entry point reads findings with the parser: batch fields, Phenopacket terms, `ask` findings,
answers and `add` (through CliRunner and in a real terminal)."""

import json

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from tests.test_ask_terminal import ANSWER_PROMPT, CHOICE_PROMPT, spawn


def records(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_batch_fields_are_read_as_sentences(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text(
        "- id: a\n  symptoms: my feet tingle and my eyes are gritty, no dry mouth or fever\n"
        "- id: b\n  symptoms: [tinglng in my hands, Areflexia]\n  absent: [joint pain]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["batch", str(path)])
    assert result.exit_code == 0, result.output
    a, b = records(result.stdout)
    assert {r["symptom"]["id"] for r in a["result"]["recognized"]} == {"tingling", "dry_eyes"}
    assert {r["symptom"]["id"] for r in a["result"]["absent"]} == {"dry_mouth", "fever"}
    assert {r["symptom"]["id"] for r in b["result"]["recognized"]} == {"tingling", "reduced_reflexes"}
    areflexia = next(r for r in b["result"]["recognized"] if r["symptom"]["id"] == "reduced_reflexes")
    assert areflexia["parse"]["hpo"] == {"id": "HP:0001284", "label": "Areflexia", "read_as": "broader"}


def test_a_phenopacket_term_below_one_of_our_findings_is_widened(tmp_path):
    packet = {
        "id": "pp",
        "phenotypicFeatures": [
            {"type": {"id": "HP:0003438", "label": "Absent Achilles reflex"}},
            {"type": {"id": "HP:0003324", "label": "Generalized muscle weakness"}},
            {"type": {"id": "HP:0000217", "label": "Xerostomia"}, "excluded": True},
        ],
    }
    (tmp_path / "pp.json").write_text(json.dumps(packet), encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(tmp_path / "pp.json")])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    data = record["result"]
    assert {r["symptom"]["id"] for r in data["recognized"]} == {"reduced_reflexes", "muscle_weakness"}
    assert [r["symptom"]["id"] for r in data["absent"]] == ["dry_mouth"]


def test_ask_reads_findings_answers_and_add_in_words():
    stdin = "tingling in my feet but no dry mouth\n\nmy eyes are gritty\nadd no fever, tinglng hands\nquit\n"
    result = CliRunner().invoke(cli, ["ask"], input=stdin)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "+ Tingling or pins and needles - feet" in out
    assert "- Dry mouth (absent: 'no')" in out
    assert "+ Dry eyes" in out
    assert "- Fever (absent: 'no')" in out
    assert "(already answered: Tingling or pins and needles)" in out


@pytest.mark.slow
def test_ask_in_a_terminal_answers_a_question_in_words(tmp_path):
    pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")
    child = spawn(tmp_path)
    child.expect("findings> ")
    child.sendline("dry eyes and numb toes")
    child.expect(r"\+ Dry eyes")
    child.expect(r"\+ Numbness - feet")
    child.expect("findings> ")
    child.sendline("")
    child.expect("Question 1: Where did it start")  # the spread, a choice, comes first
    child.expect(CHOICE_PROMPT)
    child.sendline("skip")
    child.expect("Question 2: Have you noticed this: dry mouth\\?")
    child.expect(ANSWER_PROMPT)
    child.sendline("my mouth is not dry")
    child.expect("- Dry mouth \\(absent: 'not'\\)")
    child.expect("Question 3: ")
    child.expect(ANSWER_PROMPT)
    child.sendline("quit")
    child.expect("What was found so far:")
    child.expect("Reported absent: Dry mouth")
    child.expect("not a diagnosis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
