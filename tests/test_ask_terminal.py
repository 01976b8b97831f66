"""The questionnaire in a real pseudo-terminal, driven as a person would: typing findings and answers,
asking why, going back, and ending with Ctrl-D or Ctrl-C."""

import os

import pytest
import yaml

from tests.test_installed import installed_command

pytestmark = pytest.mark.slow  # the installed command in a terminal: left out by pytest -m 'not slow'

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")

ANSWER_PROMPT = r"\[yes/no/not sure, why, how, back, skip, quit, help\] > "
CHOICE_PROMPT = r"\[1-\d, not sure, why, how, back, skip, quit, help\] > "


def spawn(tmp_path, *args):
    child = pexpect.spawn(
        installed_command(),
        ["ask", *args],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 120),
        # the knowledge cache of this test run (tests/conftest.py), not the user's
        env={
            "TERM": "dumb",
            "PATH": "/usr/bin:/bin",
            "SYMPTOM_EXPLORER_CACHE_DIR": os.environ["SYMPTOM_EXPLORER_CACHE_DIR"],
        },
    )
    return child


def test_typing_findings_why_back_and_ctrl_d(tmp_path):
    saved = tmp_path / "answers.yaml"
    child = spawn(tmp_path, "--save", str(saved))
    child.expect("not a diagnosis")
    child.expect("findings> ")
    child.sendline("numbness, dry eyes")
    child.expect(r"\+ Numbness")
    child.expect("findings> ")
    child.sendline("")
    # first the spread, as a numbered choice (Sjögren's syndrome can reach the face and hands as early as the feet)
    child.expect("Question 1: Where did it start, and has it moved since\\?")
    child.expect("5. the face, body or hands as early as the feet")
    child.expect(CHOICE_PROMPT)
    child.sendline("not sure")
    child.expect("Question 2: Have you noticed this: dry mouth\\?")
    child.expect(ANSWER_PROMPT)
    child.sendline("why")
    child.expect("Sjögren's syndrome: rules sjogren")
    child.expect(ANSWER_PROMPT)
    child.sendline("yes")
    child.expect("Question 3: ")
    child.expect(ANSWER_PROMPT)
    child.sendline("back")
    child.expect("Took back: Dry mouth = yes")
    child.expect("Question 2: Have you noticed this: dry mouth\\?")
    child.expect(ANSWER_PROMPT)
    child.sendline("y")
    child.expect("Question 3: ")
    child.expect(ANSWER_PROMPT)
    child.sendeof()
    child.expect("What was found so far:")
    child.expect(r"1\. Sjögren's syndrome - (\x1b\[[0-9;]*m)?strong")  # in colour, as match shows it on a terminal
    child.expect("not a diagnosis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in child.before
    case = yaml.safe_load(saved.read_text(encoding="utf-8"))[0]
    assert case["symptoms"] == ["numbness", "dry_eyes", "dry_mouth"] and case["unsure"] == ["spread_ascending"]


def test_ctrl_c_ends_cleanly_with_results(tmp_path):
    child = spawn(tmp_path)
    child.expect("findings> ")
    child.sendline("muscle weakness, tingling, trouble breathing")
    child.expect("!! URGENT - EMERGENCY NOW: Call your local emergency number")
    child.expect("findings> ")
    child.sendline("")
    child.expect(ANSWER_PROMPT)
    child.sendintr()
    child.expect("What was found so far:")
    child.expect("Guillain-Barré syndrome")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in child.before and "KeyboardInterrupt" not in child.before


def test_question_numbers_hold_across_add_back_skip_and_resume(tmp_path):
    """Numbers count the questions asked: an add does not renumber the question on screen (a new question
    after it takes the next number), back returns to the number it reopens, and loaded answers count. The
    rules are checked on whatever questions the knowledge asks, so a change in the ranking keeps them."""
    saved = tmp_path / "answers.yaml"
    child = spawn(tmp_path, "--save", str(saved))
    child.expect("findings> ")
    child.sendline("numbness, dry eyes")
    child.expect("findings> ")
    child.sendline("")
    shown = []  # (number, question) on screen before each key

    def question():
        child.expect(r"Question (\d+): ([^\r\n]+)")
        number, text = int(child.match.group(1)), child.match.group(2)
        child.expect(ANSWER_PROMPT)
        shown.append((number, text))
        return number, text

    child.expect(r"Question 1: Where did it start")  # the spread choice first: skipped, it is not asked again
    child.expect(CHOICE_PROMPT)
    child.sendline("skip")
    assert question()[0] == 2
    for key in ["yes", "add fever", "add tingling", "no", "back", "no", "skip"]:
        before = shown[-1]
        child.sendline(key)
        number, text = question()
        if key.startswith("add"):  # the same question keeps its number; a new one takes the next
            assert number == before[0] + (text != before[1]), shown
        elif key == "back":  # reopens the question before, under the number it had
            assert (number, text) == shown[-3], shown
        else:
            assert number == before[0] + 1, shown
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    child = spawn(tmp_path, "--answers", str(saved), "--save", str(saved))
    child.expect(r"Loaded (\d+) answer\(s\)")
    loaded = int(child.match.group(1))
    child.expect(f"Question {loaded + 1}: Have you noticed this: ")
    child.expect(ANSWER_PROMPT)
    child.sendline("back")  # takes back a loaded answer: its question is number `loaded` again
    child.expect(r"Took back: ([^=\r\n]+) = ")
    child.expect(f"Question {loaded}: Have you noticed this: ")
    child.expect(ANSWER_PROMPT)
    child.sendline("no")
    child.expect(f"Question {loaded + 1}: ")
    child.expect(ANSWER_PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_the_onset_and_the_spread_are_numbered_choices_in_a_terminal(tmp_path):
    """diabetes, numb feet: the onset, then the spread, each picked by number; back, save and resume keep
    working, and a chronic picture that started in the feet raises no flag."""
    saved = tmp_path / "answers.yaml"
    child = spawn(tmp_path, "--save", str(saved))
    child.expect("findings> ")
    child.sendline("diabetes, numb feet")
    child.expect("findings> ")
    child.sendline("")
    child.expect("Question 1: When did it start")
    child.expect("4. chronic \\(months to years\\)")
    child.expect(CHOICE_PROMPT)
    child.sendline("4")
    child.expect("Question 2: Where did it start, and has it moved since\\?")
    child.expect("3. in the toes or feet first \\(the hands later, if at all\\)")
    child.expect(CHOICE_PROMPT)
    child.sendline("back")  # takes back the onset: asked again under its number
    child.expect("Took back: Onset: chronic \\(months to years\\) = yes")
    child.expect("Question 1: When did it start")
    child.expect(CHOICE_PROMPT)
    child.sendline("4")
    child.expect("Question 2: Where did it start")
    child.expect(CHOICE_PROMPT)
    child.sendline("3")
    child.expect("Question 3: Which sides of the body does it affect\\?")  # both sides fit diabetes, patches not
    child.expect(CHOICE_PROMPT)
    child.sendeof()
    child.expect("What was found so far:")
    child.expect(r"1\. Diabetic neuropathy - (\x1b\[[0-9;]*m)?strong")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "URGENT" not in child.before
    case = yaml.safe_load(saved.read_text(encoding="utf-8"))[0]
    assert case["symptoms"][-2:] == ["onset_chronic", "spread_from_feet"]

    child = spawn(tmp_path, "--answers", str(saved), "--save", str(saved))
    child.expect(r"Loaded 4 answer\(s\)")
    child.expect("Question 5: Which sides of the body does it affect\\?")  # the choices answered are not asked again
    child.expect(CHOICE_PROMPT)
    child.sendline("quit")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_the_spread_tells_guillain_barre_from_diabetic_neuropathy_in_a_terminal(tmp_path):
    """A person with diabetes whose legs weakened over days: the onset is in the story, so it is not asked;
    after the urgent questions the spread is, and its why names the two conditions it tells apart."""
    child = spawn(tmp_path)
    child.expect("findings> ")
    child.sendline("diabetes, numb, weak muscles, it came on over a few days")
    child.expect(r"\+ Onset: acute \(days\)")
    child.expect("findings> ")
    child.sendline("")
    while child.expect([CHOICE_PROMPT, ANSWER_PROMPT]) == 1:  # the urgent yes/no questions first: no
        assert "When did it start" not in child.before
        child.sendline("no")
    if "Which sides of the body does it affect?" in child.before:  # both sides: GBS and diabetes alike
        child.sendline("1")
        child.expect(CHOICE_PROMPT)
    assert "Where did it start, and has it moved since?" in child.before
    child.sendline("why")
    child.expect("Where it started and how it moved tells Guillain-Barré syndrome and Diabetic\\s+neuropathy apart")
    child.expect(CHOICE_PROMPT)
    child.sendline("1")  # low down, climbing up since
    child.expect(ANSWER_PROMPT)
    child.sendline("quit")
    child.expect("What was found so far:")
    child.expect(r"1\. Guillain-Barré syndrome - (\x1b\[[0-9;]*m)?strong")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
