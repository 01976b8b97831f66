"""A file given with -o appears whole or not at all: an interruption at any point after the temporary
file is made removes it (explorer/cli/outfile.py)."""

import os

import pytest

from explorer.cli import outfile


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["chmod", "fdopen"])
def test_an_interruption_before_anything_is_written_leaves_no_temporary_file(tmp_path, monkeypatch, where):
    # Ctrl-C landing between making the temporary file and opening it for writing (a reviewer left one so)
    monkeypatch.setattr(os, where, _interrupt)
    with pytest.raises(KeyboardInterrupt), outfile.output_stream(str(tmp_path / "out.jsonl")):
        pass
    assert list(tmp_path.iterdir()) == []


def test_an_interruption_while_writing_leaves_neither_the_file_nor_its_temporary(tmp_path):
    with pytest.raises(KeyboardInterrupt), outfile.output_stream(str(tmp_path / "out.jsonl")) as out:
        out.write("half a record")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_finished_file_appears_whole(tmp_path):
    with outfile.output_stream(str(tmp_path / "out.jsonl")) as out:
        out.write("{}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]
    assert (tmp_path / "out.jsonl").read_text() == "{}\n"
