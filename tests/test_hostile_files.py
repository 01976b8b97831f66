"""Issue 18, the files around the readers, through the installed command as a user would run it: a
knowledge cache entry with the right key and a wrong body (items 9 and issue 22), and files whose
contents must never appear in a message, symlinked or not (item 10: every file in this process, each
reader once through the installed command)."""

import io
import os
import pickle
import struct
import subprocess
import sys
import zlib

import pytest
from click.testing import CliRunner

from explorer.cli import cli
from explorer.knowledge import cache
from tests.test_hostile_readers import run

# -- 9. a cache entry with the right key and a wrong body -----------------------------------------------
_HEADER = struct.Struct(">QI")


def _framed(body: bytes) -> bytes:
    """A body with a length and checksum that match it: only its contents are wrong."""
    return _HEADER.pack(len(body), zlib.crc32(body)) + body


def _fields(**changes) -> dict:
    from explorer.knowledge.loader import load_knowledge

    kb = load_knowledge()
    return {name: getattr(kb, name) for name in cache._SHAPE} | changes


def _pickled(value) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer)
    pickler.dispatch_table = {**__import__("copyreg").dispatch_table, type(_fields()["symptoms"]): cache._reduce_view}
    pickler.dump(value)
    return buffer.getvalue()


BODIES = {  # name -> what follows the right key in the entry
    "nothing": lambda: b"",
    "short header": lambda: b"\x00\x01",
    "truncated": lambda: _framed(_pickled(_fields()))[:500],
    "bit flipped": lambda: (lambda b: b[:300] + bytes([b[300] ^ 1]) + b[301:])(_framed(_pickled(_fields()))),
    "not a pickle": lambda: _framed(b"this is not a pickle at all"),
    "a class that is gone": lambda: _framed(b"\x80\x04cno_such_module\nThing\n)\x81."),
    "empty mapping": lambda: _framed(pickle.dumps({})),
    "a list": lambda: _framed(pickle.dumps([1, 2, 3])),
    "wrong field type": lambda: _framed(_pickled(_fields(symptoms=5))),
    "wrong item type": lambda: _framed(_pickled(_fields(rules=("not a rule",)))),
    "a field missing": lambda: _framed(_pickled({k: v for k, v in _fields().items() if k != "sites"})),
    "the old unframed body": lambda: pickle.dumps({"symptoms": {}}),
}


@pytest.fixture(scope="module")
def _made_entry(tmp_path_factory):
    """The packaged base's cache entry as the installed command writes it, made once for this module."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(folder))
        patch.delenv("SYMPTOM_EXPLORER_CACHE", raising=False)
        code, expected, _ = run("match", "numbness", "dry eyes")
    assert code == 0
    (entry,) = folder.glob("kb-*.pickle")
    return entry, expected


@pytest.fixture
def warm_cache(_made_entry, tmp_path, monkeypatch):
    """A cache folder of this test's own holding that entry (a copy: the test may spoil it)."""
    made, expected = _made_entry
    folder = tmp_path / "cache"
    folder.mkdir()
    entry = folder / made.name
    entry.write_bytes(made.read_bytes())
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(folder))
    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE", raising=False)
    return entry, expected


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_a_wrong_body_is_rebuilt_and_never_breaks_a_command(body, warm_cache):
    entry, expected = warm_cache
    with open(entry, "rb") as stream:
        pickle.load(stream)
        key = entry.read_bytes()[: stream.tell()]
    entry.write_bytes(key + body())
    assert run("match", "numbness", "dry eyes") == (0, expected, "")
    with open(entry, "rb") as stream:  # discarded and written again whole
        assert stream.read(len(key)) == key and cache._well_formed(cache._body(stream))
    assert run("match", "numbness", "dry eyes") == (0, expected, "")


def test_an_empty_entry_and_an_entry_that_is_a_folder(warm_cache):
    entry, expected = warm_cache
    entry.write_bytes(b"")
    assert run("match", "numbness", "dry eyes") == (0, expected, "")
    entry.unlink()
    entry.mkdir()
    assert run("match", "numbness", "dry eyes") == (0, expected, "")


@pytest.mark.parametrize("where", ["a file", "read-only", "/proc"])
def test_a_cache_folder_that_cannot_be_written_only_means_no_cache(where, warm_cache, tmp_path, monkeypatch):
    entry, expected = warm_cache
    if where == "a file":
        folder = tmp_path / "blocker" / "cache"
        folder.parent.write_text("not a folder")
    elif where == "read-only":
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        entry.write_bytes(entry.read_bytes()[:200])
        entry.parent.chmod(0o500)
        folder = entry.parent
    else:
        folder = "/proc/self/symptom-explorer-cache"  # a file system nobody can write a folder into
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(folder))
    try:
        assert run("match", "numbness", "dry eyes") == (0, expected, "")
    finally:
        entry.parent.chmod(0o700)


def test_the_default_folder_comes_from_platformdirs(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "symptom-explorer"
    assert cache.cache_dir() == type(cache.cache_dir())(platformdirs.user_cache_dir("symptom-explorer"))
    monkeypatch.setenv("XDG_CACHE_HOME", "  ")  # blank: the home folder's .cache, as platformdirs says
    assert cache.cache_dir() == type(cache.cache_dir())(platformdirs.user_cache_dir("symptom-explorer"))
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == type(cache.cache_dir())(platformdirs.user_cache_dir("symptom-explorer"))
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"  # the variable still wins


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is written out on Linux only")
def test_finding_the_default_folder_imports_no_tempfile(tmp_path):
    # platformdirs' unix module imports tempfile (shutil, bz2, lzma, random): ~5 ms of every command's start
    code = "import sys; from explorer.knowledge import cache; cache.cache_dir(); print('tempfile' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k not in ("SYMPTOM_EXPLORER_CACHE_DIR", "XDG_CACHE_HOME")}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "False"


# -- 10. no message quotes a file's contents -------------------------------------------------------------
SECRETS = {  # name -> (contents, the words that must never be shown)
    "passwd": ("root:x:0:0:S3cretRoot:/root:/bin/bash\nbob:x:1000:1000:Bob Pw-77/q:/home/bob:/bin/sh\n", "S3cret"),
    "env": ("API_TOKEN=sk-live-9f8e7d6c5b4a\nDB_PASSWORD=hunter2/Qx=\n", "sk-live"),
    "key": (
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA+/Zm9v=\n-----END OPENSSH PRIVATE KEY-----\n",
        "b3Blb",
    ),
    "yaml mapping": ("db_password: Pa55/word=Zq\n", "Pa55"),
    "yaml list": ("- Pa55/word=Zq\n- token+AbC/123=\n", "Pa55"),
    "json": ('{"password": "Pa55/word=Zq", "Pa55/key=": 1}\n', "Pa55"),
    "csv header": ("Pa55/word=Zq,present\nx,y\n", "pa55"),
}
CASE_FILES = ["c.yaml", "c.json", "c.jsonl", "c.csv"]


def _place(tmp_path, name: str, contents: str, symlink: bool):
    secret = tmp_path / "elsewhere" / "secret"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(contents, encoding="utf-8")
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() or target.is_symlink():
        target.unlink()
    if symlink:
        target.symlink_to(secret)
    else:
        target.write_text(contents, encoding="utf-8")
    return target


def _hidden(secret: str, *outputs: str):
    text = " ".join(outputs).lower()
    assert secret.lower() not in text, text[-2000:]
    assert all(len(line) < 400 for line in text.splitlines())


def invoke(*args) -> tuple[int, str, str]:
    """The command run in this process: the same messages as the installed command's (the last two tests
    hold that), for a fraction of a process start each."""
    result = CliRunner().invoke(cli, [str(a) for a in args], input="")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def _knowledge_messages(kb_copy, secret: str, symlink: bool, runner=invoke):
    contents, word = SECRETS[secret]
    for name in ("data/symptoms.yaml", "data/article.yaml", "rules/30_neuropathy_causes.yaml"):
        _place(kb_copy, name, contents, symlink)
    for command in (["check", "--knowledge", kb_copy], ["match", "numbness", "--knowledge", kb_copy]):
        code, stdout, stderr = runner(*command)
        assert code == 3 and "symptoms.yaml:1: " in stderr and "30_neuropathy_causes.yaml:1: " in stderr, stderr
        _hidden(word, stdout, stderr)


def _case_file_messages(tmp_path, secret: str, symlink: bool, runner=invoke):
    contents, word = SECRETS[secret]
    for name in CASE_FILES:
        source = _place(tmp_path, name, contents, symlink)
        one_case = [["match", "--from", source], ["ask", "--answers", source]] if symlink else []  # same reader
        for command in [["batch", source], *one_case]:
            code, stdout, stderr = runner(*command)
            assert code in (1, 2), (command, stdout, stderr)
            _hidden(word, stdout, stderr)


@pytest.mark.parametrize("symlink", [True, False], ids=["symlink", "file"])
@pytest.mark.parametrize("secret", SECRETS, ids=SECRETS.keys())
def test_knowledge_messages_never_show_a_files_contents(secret, symlink, kb_copy):
    _knowledge_messages(kb_copy, secret, symlink)


@pytest.mark.parametrize("symlink", [True, False], ids=["symlink", "file"])
@pytest.mark.parametrize("secret", SECRETS, ids=SECRETS.keys())
def test_case_file_messages_never_show_a_files_contents(secret, symlink, tmp_path):
    _case_file_messages(tmp_path, secret, symlink)


def test_the_installed_command_shows_no_knowledge_files_contents_either(kb_copy):
    # As a user would, once for each reader: the cases above run in this process, where a traceback
    # or a memory blow-up would not show as it does to a user.
    _knowledge_messages(kb_copy, "passwd", True, runner=run)


def test_the_installed_command_shows_no_case_files_contents_either(tmp_path):
    _case_file_messages(tmp_path, "env", True, runner=lambda *args: run(*args, stdin=b""))


def test_the_cache_checks_every_field_of_the_knowledge_base():
    # A field the check does not know makes every entry look damaged: the cache would be rebuilt on every
    # command, silently (the lists moved to data files this way once).
    from explorer.knowledge.records import KnowledgeBase
    from explorer.records import fields

    assert set(cache._SHAPE) == {f.name for f in fields(KnowledgeBase)}
