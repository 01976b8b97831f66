"""Every `symptom-explorer` command in an sh block of the README or a docs/ page runs as written: in a
folder holding the files the docs name (cases.yaml, notes.txt, a knowledge folder, ...), with what a
pipe in front of it would send, it ends with exit 0 or 1 (1: some input could not be used), never
with a usage error or a traceback. `serve` would wait for Ctrl-C, so only its arguments are checked."""

import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge.loader import packaged_folders
from tests.test_readme import fenced_blocks

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
CASES = [("c1", "numbness; dry eyes", ""), ("c2", "joint pain; swollen joints", "butterfly rash")]
# What a person types at an interactive command: the questionnaire's first findings, then quit.
KEYS = {"ask": "numbness, dry eyes\n\nq\n", "quiz": "1\nq\n", "--step": "\n\nq\n"}


def documented_commands() -> list[tuple[str, str]]:
    """(page, command line) for every line of an sh block that runs symptom-explorer."""
    found = []
    for page in PAGES:
        for info, body in fenced_blocks(page.read_text(encoding="utf-8")):
            found += [(page.name, line) for line in body.splitlines() if info == "sh" and _runs_it(line)]
    return found


def _runs_it(line: str) -> bool:
    words = shlex.split(line, comments=True)
    return any(w == "symptom-explorer" or w.endswith("/symptom-explorer") for w in words)


def split(line: str) -> tuple[list[str], str | None]:
    """The symptom-explorer arguments of a shell line, and what a `printf ... |` or `cat FILE |` sends it."""
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split, lexer.commenters = True, "#"
    words = list(lexer)
    start = next(i for i, w in enumerate(words) if w.endswith("symptom-explorer"))
    stdin = None
    if start and words[start - 1] == "|":
        before = words[: start - 1]
        stdin = before[1].encode().decode("unicode_escape") if before[0] == "printf" else Path(before[1]).read_text()
    args = []
    for word in words[start + 1 :]:
        if word in ("|", ">", "<", "&&", ";"):
            break
        args.append(word)
    return args, stdin


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A folder holding every file the documented commands name."""
    rows = "".join(f"{i},{p},{a}\n" for i, p, a in CASES)
    (tmp_path / "cases.csv").write_text("id,present,absent\n" + rows, encoding="utf-8")
    yaml = "".join(f"- id: {i}\n  symptoms: {p.replace(';', ',')}\n  absent: {a}\n" for i, p, a in CASES)
    (tmp_path / "cases.yaml").write_text(yaml, encoding="utf-8")
    jsonl = "".join(f'{{"id": "{i}", "symptoms": "{p}", "absent": "{a}"}}\n' for i, p, a in CASES)
    (tmp_path / "cases.jsonl").write_text(jsonl, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Tingling in both feet for a month, no rash.\n", encoding="utf-8")
    (tmp_path / "answers.yaml").write_text("- id: saved\n  symptoms: [numbness]\n  absent: []\n", encoding="utf-8")
    shutil.copy(packaged_folders()[0] / "lab" / "rule_template.yaml", tmp_path / "my_rules.yaml")  # docs/rule-lab.md
    for folder in ("path/to/folder", "my-folder", "my-knowledge"):
        for source, part in zip(packaged_folders(), ("data", "rules")):
            shutil.copytree(str(source), tmp_path / folder / part, ignore=shutil.ignore_patterns("__*"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_docs_hold_commands_of_every_kind():
    lines = [line for _, line in documented_commands()]
    assert len(lines) >= 40
    for command in ("match", "batch", "ask", "parse", "serve", "rules", "compare", "cases", "quiz"):
        assert any(f"symptom-explorer {command}" in line for line in lines), command


@pytest.mark.parametrize("page, line", documented_commands(), ids=lambda value: value.split("#")[0].strip())
def test_every_documented_command_runs_as_written(workdir, page, line):
    args, stdin = split(line)
    if args[:1] == ["serve"]:  # it would serve until Ctrl-C: its options and arguments must parse
        context = cli.make_context("symptom-explorer", list(args))
        command = cli.get_command(context, "serve")
        assert isinstance(command, click.Command)
        command.make_context("serve", args[1:], parent=context)
        return
    if "--save" in args and "--answers" not in args:  # a new session's file: ask refuses to overwrite one
        (workdir / args[args.index("--save") + 1]).unlink()
    keys = next((k for word, k in KEYS.items() if word in args), None)
    done = CliRunner().invoke(cli, args, input=stdin if stdin is not None else keys)
    assert done.exit_code in (0, 1), (page, line, done.output)
    assert done.exception is None or isinstance(done.exception, SystemExit), (page, line, done.exception)
