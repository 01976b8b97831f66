"""`ask --save F` ended every way a session can end (kill -9, SIGTERM, a closed terminal, Ctrl-C, quitting
before any finding) leaves a file the next session can carry on from, or none, and never a lock that
blocks it. Typed in a real pseudo-terminal as a person would, with the installed command."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from explorer.cases.casefile import load_one_case, save_answers
from explorer.cli import cli
from tests.test_ask_terminal import ANSWER_PROMPT, CHOICE_PROMPT, spawn
from tests.test_installed import installed_command

pexpect = pytest.importorskip("pexpect", reason="pexpect is a test dependency: pip install '.[test]'")
pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="signals and a pseudo-terminal"),
    pytest.mark.slow,  # sessions in a pty, killed: left out by pytest -m "not slow"
]
LOCK, TEMPORARY = ".s.yaml.symptom-explorer.lock", ".s.yaml.symptom-explorer.tmp"


def next_session(folder, killed_pid=None) -> str:
    """The session after: carries on from s.yaml when it is there, starts afresh when not; both must
    work, and leave nothing but s.yaml. Returns what it said on stderr."""
    resume = (folder / "s.yaml").exists()
    args = ["--answers", "s.yaml", "--save", "s.yaml"] if resume else ["--save", "s.yaml"]
    done = subprocess.run(
        [installed_command(), "ask", *args],
        cwd=folder,
        input="quit\n" if resume else "numbness\n\nquit\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Loaded" in done.stdout if resume else "+ Numbness" in done.stdout
    assert sorted(p.name for p in folder.iterdir()) == ["s.yaml"]
    if killed_pid is not None:  # the killed session's lock, taken over
        assert f"took over {folder / LOCK}, left by a session that ended (pid {killed_pid})" in done.stderr
    return done.stderr


def answer_first_question(child):
    child.expect("findings> ")
    child.sendline("numbness, dry eyes")
    child.expect("findings> ")
    child.sendline("")
    child.expect(CHOICE_PROMPT)  # the spread first, as a choice
    child.sendline("not sure")
    child.expect(ANSWER_PROMPT)


# where the kill comes: what is typed before it
MOMENTS = {
    "start-up": lambda child: None,  # before the first prompt (the lock may not even be taken yet)
    "at the findings prompt": lambda child: child.expect("findings> "),  # the reported case: nothing saved yet
    "at a question": answer_first_question,
    "just after an answer": lambda child: (answer_first_question(child), child.sendline("yes")),  # while saving
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_kill_9_leaves_a_session_the_next_one_can_carry_on_from(tmp_path, moment):
    child = spawn(tmp_path, "--save", "s.yaml")
    MOMENTS[moment](child)
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    left_lock = (tmp_path / LOCK).exists()
    assert (tmp_path / "s.yaml").exists() == (moment in ("at a question", "just after an answer"))
    next_session(tmp_path, killed_pid=child.pid if left_lock and moment != "start-up" else None)


@pytest.mark.parametrize("name, number, code", [("SIGTERM", signal.SIGTERM, 143), ("SIGHUP", signal.SIGHUP, 129)])
def test_sigterm_and_a_closed_terminal_release_the_lock(tmp_path, name, number, code):
    child = spawn(tmp_path, "--save", "s.yaml")
    answer_first_question(child)
    os.kill(child.pid, number)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code, (name, child.exitstatus, child.signalstatus)
    assert "Traceback" not in child.before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]  # no lock, no temporary file
    assert "took over" not in next_session(tmp_path)


def test_ctrl_c_at_a_question_saves_and_releases_the_lock(tmp_path):
    child = spawn(tmp_path, "--save", "s.yaml")
    answer_first_question(child)
    child.sendintr()
    child.expect("What was found so far:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]
    next_session(tmp_path)


def test_a_live_session_is_refused_with_its_lock_and_pid(tmp_path):
    child = spawn(tmp_path, "--save", "s.yaml")
    child.expect("findings> ")
    done = subprocess.run(
        [installed_command(), "ask", "--save", "s.yaml"],
        cwd=tmp_path,
        input="fever\n\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    child.sendeof()
    child.expect(pexpect.EOF)
    assert done.returncode == 2
    assert f"s.yaml is in use by another `ask --save` session (pid {child.pid}, lock file {tmp_path / LOCK})" in (
        " ".join(done.stderr.split())
    )


# -- the reported case, and the save rule, without a terminal ---------------------------------------------
def ask(*args, input):
    return CliRunner().invoke(cli, ["ask", *args], input=input)


def test_a_session_ended_before_any_finding_blocks_neither_resume_nor_restart(tmp_path):
    """Issue 18, item 5: it wrote `symptoms: []`, which --answers refused, and --save then refused the file."""
    saved = str(tmp_path / "s.yaml")
    assert ask("--save", saved, input="").exit_code == 0
    assert not os.path.exists(saved)
    again = ask("--save", saved, input="numbness\n\nquit\n")
    assert again.exit_code == 0 and "Answers saved in" in again.stdout
    resumed = ask("--answers", saved, "--save", saved, input="quit\n")
    assert resumed.exit_code == 0 and "Loaded 1 answer(s)" in resumed.stdout


def test_back_in_a_resumed_session_keeps_the_typed_findings_in_its_file(tmp_path):
    # A session holds at least one finding typed at its start, which back never takes away: the file it
    # resumes from keeps them (a save with nothing to read back is never written: the test below).
    saved = str(tmp_path / "s.yaml")
    ask("--save", saved, input="numbness\n\nquit\n")
    undone = ask("--answers", saved, "--save", saved, input="back\nquit\n")
    assert undone.exit_code == 0 and "There is no question to go back to" in undone.stdout
    assert yaml.safe_load(Path(saved).read_text(encoding="utf-8"))[0]["symptoms"] == ["numbness"]


@pytest.mark.parametrize(
    "case, written",
    [
        ({"id": "questionnaire", "symptoms": [], "absent": []}, False),
        ({"id": "questionnaire", "symptoms": [], "absent": [], "unsure": ["dry_mouth"]}, False),
        ({"id": "questionnaire", "symptoms": [], "absent": ["fever"]}, True),
        ({"id": "questionnaire", "symptoms": ["numbness"], "absent": [], "unsure": ["dry_mouth"]}, True),
    ],
)
def test_a_save_is_written_only_when_answers_can_read_it_back(tmp_path, kb, case, written):
    path = tmp_path / "s.yaml"
    path.write_text("- id: old\n  symptoms: [numbness]\n", encoding="utf-8")  # what the session saved before
    assert save_answers(path, case, kb) == written
    assert path.exists() == written
    if written:
        assert yaml.safe_load(path.read_text(encoding="utf-8")) == [case]
        assert load_one_case(path, kb).id == "questionnaire"
    assert sorted(p.name for p in tmp_path.iterdir()) == (["s.yaml"] if written else [])


def test_a_stale_lock_and_temporary_file_are_taken_over_with_a_note(tmp_path):
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / LOCK).write_text(ended.stdout, encoding="utf-8")
    (tmp_path / TEMPORARY).write_text("- id: questionnaire\n  symptoms: [numb", encoding="utf-8")
    result = ask("--save", str(tmp_path / "s.yaml"), input="numbness\n\nquit\n")
    assert result.exit_code == 0
    pid = int(ended.stdout)
    assert result.stderr == (
        f"symptom-explorer: note: took over {tmp_path / LOCK}, left by a session that ended (pid {pid})\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]
