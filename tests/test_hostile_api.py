"""The API raises only ExplorerError subclasses, whatever the path or the file; docs/scripting.md's own
explore_file loop runs over a case with no suggestion."""

import re
from pathlib import Path

import pytest

import explorer
from explorer import BatchFileError, ExplorerError, explore_file

SCRIPTING = Path(__file__).resolve().parents[1] / "docs" / "scripting.md"  # the Python API section


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: tmp / "missing.yaml",
        lambda tmp: tmp,
        lambda tmp: Path("/dev/zero"),
        lambda tmp: _write(tmp / "deep.json", "[" + "[" * 100000 + "]" * 100000 + "]"),
        lambda tmp: _write(tmp / "empty.csv", ""),
        lambda tmp: _write(tmp / "bad.yaml", "key: value\n"),
        lambda tmp: _write(tmp / "utf16.csv", "id,present\na,numbness\n".encode("utf-16")),
    ],
    ids=["missing", "a folder", "/dev/zero", "deep json", "empty", "not a list", "utf-16"],
)
def test_explore_file_raises_only_batch_file_errors(tmp_path, make):
    path = make(tmp_path)
    try:
        outcomes = list(explore_file(path))
    except BatchFileError:
        return
    assert all(o.status == "error" for o in outcomes)


def test_explore_with_hostile_arguments_raises_only_explorer_errors():
    for present in (None, 5, [None], ["x" * 10000], ["a"] * 1000, [b"numbness"], "\udcff"):
        with pytest.raises(ExplorerError):
            explorer.explore(present)


def test_lookups_with_the_wrong_type_raise_input_errors():
    for call in (lambda: explorer.get_condition(None), lambda: explorer.list_symptoms(5)):
        with pytest.raises(explorer.InputError):
            call()


def test_the_readme_explore_file_loop_runs_on_a_case_with_no_suggestion(tmp_path, capsys, monkeypatch):
    block = re.search(r"```python\n(.*?)```", SCRIPTING.read_text(encoding="utf-8"), re.S).group(1)
    loop = re.search(r"^for outcome in explore_file.*?(?=\n\n)", block, re.S | re.M).group(0)
    _write(tmp_path / "cases.csv", 'id,present\nnothing,fever\nunknown,xyzzy\nsicca,"dry eyes, dry mouth"\n')
    monkeypatch.chdir(tmp_path)
    exec(loop, {"explore_file": explore_file})
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed] == ["nothing", "unknown", "sicca"]


def _write(path: Path, content) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
