"""Knowledge kept as lists (data/words.yaml, data/urgency.yaml, data/questionnaire.yaml): validated
strictly like every knowledge file, and what the code reads, through the loaded knowledge base."""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.loader import load_knowledge
from explorer.language.parser import parse
from explorer.reasoning.questionnaire import Questionnaire
from tests.kbedit import assert_breakage_reported, edit, problems_for

BREAKAGES = [
    # (file, text replaced, replacement, text on the line the problem must name, what it must say)
    ("data/words.yaml", "subjects: [", "subject: [", "subject: [", "words: unknown key 'subject'"),
    ("data/words.yaml", "subjects: [", "subject: [", "stop_words: [", "words: missing required key 'subjects'"),
    ("data/words.yaml", "answers: [", "answers: 5\nx: [", "answers: 5", "words.answers: expected a list"),
    ("data/words.yaml", " nope, absent,", " nope, [absent],", "nope, [absent]", "expected text, got a list"),
    ("data/words.yaml", "[but, except,", "[but, But,", "[but, But,", "'But' is not written as read"),
    ("data/words.yaml", "[but, except,", "[but, no longer,", "[but, no longer,", "'no longer' is not written as read"),
    ("data/words.yaml", "[years ago,", "[Years ago,", "[Years ago,", "'Years ago' is not written as read"),
    ("data/words.yaml", "[but, except,", "[but, but,", "[but, but,", "'but' is listed twice (first at line"),
    ("data/words.yaml", "[and, or,", "[and, on,", "[and, on,", "expected text, got true/false"),
    ("data/urgency.yaml", "  label: Emergency now", "  lable: Emergency now", "lable:", "unknown key 'lable'"),
    ("data/urgency.yaml", "- id: same_day", "- id: emergency  # again", "# again", "duplicate id 'emergency'"),
    ("data/red_flags.yaml", "level: same_day", "level: same_week", "level: same_week", "must be one of: emergency"),
    ("data/questionnaire.yaml", "[numbness,", "[numbnes,", "[numbnes,", "unknown finding 'numbnes'"),
    ("data/questionnaire.yaml", "core_findings:", "core_finding:", "core_finding:", "unknown key 'core_finding'"),
]


@pytest.mark.parametrize("name, old, new, needle, message", BREAKAGES, ids=[b[4] for b in BREAKAGES])
def test_a_broken_list_file_is_reported_with_its_file_and_line(kb_copy, name, old, new, needle, message):
    assert_breakage_reported(kb_copy, name, old, new, needle, message)


@pytest.mark.parametrize("name", ["words.yaml", "urgency.yaml", "questionnaire.yaml"])
def test_a_folder_written_before_the_list_files_uses_the_built_in_ones(kb_copy, kb, name):
    # A teacher's knowledge folder copied before these lists became files must keep working.
    (kb_copy / "data" / name).unlink()
    copy = load_knowledge(kb_copy)
    assert (copy.words, copy.urgency, copy.core_findings) == (kb.words, kb.urgency, kb.core_findings)
    done = CliRunner().invoke(cli, ["check", "--knowledge", str(kb_copy)])
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize("name", ["words.yaml", "urgency.yaml", "questionnaire.yaml"])
def test_a_list_file_that_is_there_but_unreadable_is_a_clean_error_with_exit_3(kb_copy, name):
    (kb_copy / "data" / name).unlink()
    (kb_copy / "data" / name).mkdir()
    assert any(p.endswith(f"{name}: is a folder, not a file") for p in problems_for(kb_copy))
    done = CliRunner().invoke(cli, ["check", "--knowledge", str(kb_copy)])
    assert done.exit_code == 3 and "Traceback" not in done.output, done.output
    assert f"data/{name}: is a folder" in done.output


def test_the_packaged_lists_are_loaded_onto_the_knowledge_base(kb):
    assert [level.id for level in kb.urgency] == ["emergency", "same_day"] == list(kb.urgency_levels)
    assert kb.urgency_label("same_day") == "See a doctor within a day"
    assert kb.core_findings == ("numbness", "tingling", "nerve_pain", "muscle_weakness")
    assert {"without", "denies", "dont"} <= kb.words.negation_before
    assert ("years", "ago") in kb.words.past_after and ("used", "to") in kb.words.past_before


def _reading(kb, text: str) -> list[tuple[str, bool]]:
    return [(m.symptom.id, m.present) for m in parse(text, kb).mentions]


def test_a_negation_cue_added_to_a_copy_is_read_by_the_parser_of_that_copy(kb_copy, kb):
    assert _reading(kb, "lacking fever") == [("fever", True)]
    edit(kb_copy / "data" / "words.yaml", "negation_before: [\n", "negation_before: [\n  lacking,\n")
    assert _reading(load_knowledge(kb_copy), "lacking fever") == [("fever", False)]
    assert _reading(kb, "lacking fever") == [("fever", True)]  # the packaged lists are untouched


def test_a_past_cue_taken_out_of_a_copy_makes_the_symptom_current_again(kb_copy, kb):
    assert _reading(kb, "chest pain years ago") == [("chest_pain", False)]  # a past event: absent now
    edit(kb_copy / "data" / "words.yaml", "past_after: [years ago, ", "past_after: [")
    now = _reading(load_knowledge(kb_copy), "chest pain years ago")
    assert ("chest_pain", True) in now and ("chest_pain", False) not in now  # "years" may also date it now


def test_a_relabelled_urgency_level_shows_on_the_card_of_that_copy(kb_copy):
    edit(kb_copy / "data" / "urgency.yaml", "label: Emergency now", "label: Call for help now")
    done = CliRunner().invoke(cli, ["show", "guillain_barre_syndrome", "--format", "json", "--knowledge", str(kb_copy)])
    assert done.exit_code == 0, done.output
    labels = {flag["level_label"] for flag in json.loads(done.output)["red_flags"]}
    assert "Call for help now" in labels and "Emergency now" not in labels


def test_the_core_findings_of_a_copy_are_the_questions_asked_when_no_rule_asks(kb_copy, kb):
    def first_question(base):
        session = Questionnaire(base)
        assert session.record("general_weakness", "yes")  # no rule suggests anything from it alone
        return session.next_question().finding.id

    assert first_question(kb) == "numbness"
    edit(kb_copy / "data" / "questionnaire.yaml", "[numbness, tingling,", "[tingling, numbness,")
    assert first_question(load_knowledge(kb_copy)) == "tingling"


@pytest.mark.slow  # a subprocess
def test_the_lists_ship_in_the_installed_package(tmp_path):
    code = "from importlib import resources; print(sorted(p.name for p in resources.files('explorer.data').iterdir()))"
    # run away from the checkout, whose explorer/ (without data/) would shadow the installed package
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert all(name in done.stdout for name in ("words.yaml", "urgency.yaml", "questionnaire.yaml"))


def test_a_relative_added_to_a_copy_owns_the_finding_in_that_copy(kb_copy, kb):
    assert _reading(kb, "my godmother has diabetes") == [("diabetes", True)]
    edit(kb_copy / "data" / "words.yaml", "someone_else: [\n", "someone_else: [\n  godmother,\n")
    reading = parse("my godmother has diabetes", load_knowledge(kb_copy))
    assert reading.mentions == () and [x.someone_else for x in reading.leftovers] == ["godmother"]


def test_a_worsening_wording_added_to_a_copy_names_the_worsening_finding(kb_copy, kb):
    assert _reading(kb, "numbness worse by the minute") == [("numbness", True)]
    edit(kb_copy / "data" / "words.yaml", "worsening_after: [\n", "worsening_after: [\n  worse by the minute,\n")
    assert _reading(load_knowledge(kb_copy), "numbness worse by the minute") == [("worsening_numbness", True)]


def test_outputs_without_a_base_name_levels_from_the_packaged_urgency_file():
    from explorer.knowledge.urgency import URGENCY_LABELS

    assert dict(URGENCY_LABELS) == {"emergency": "Emergency now", "same_day": "See a doctor within a day"}
    assert "same_day" in URGENCY_LABELS and "next_week" not in URGENCY_LABELS
    assert URGENCY_LABELS["next_week"] == "next_week"  # a level only a custom folder has: shown by its id
