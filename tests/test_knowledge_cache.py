"""The validated-knowledge cache (explorer/knowledge/cache.py) and what `match` imports at start-up.

Every test points the cache at its own folder (conftest points the whole run at a temporary one)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.errors import KnowledgeError
from explorer.knowledge import cache, loader
from explorer.knowledge.loader import load_knowledge
from explorer.records import fields as record_fields
from tests.kbedit import edit


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(folder))
    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE", raising=False)
    return folder


@pytest.fixture
def validations(monkeypatch):
    """Counts how often the knowledge files are really parsed and checked."""
    calls = []
    real = loader._validate

    def counting(files):
        calls.append(files.shown_root)
        return real(files)

    monkeypatch.setattr(loader, "_validate", counting)
    return calls


def fields(kb):
    values = {f.name: getattr(kb, f.name) for f in record_fields(kb)}
    return {name: dict(v) if hasattr(v, "items") else v for name, v in values.items()}


def test_second_load_comes_from_the_cache_and_equals_a_validated_one(kb_copy, cache_dir, validations):
    first = load_knowledge(kb_copy)
    assert len(list(cache_dir.glob("kb-*.pickle"))) == 1
    second = load_knowledge(kb_copy)
    assert validations == [str(kb_copy)]  # validated once
    assert second is not first and fields(second) == fields(first)
    assert type(second.symptoms).__name__ == "mappingproxy"  # still read-only
    # the reader's exact index comes with the cached base, equal to one built afresh from its findings
    assert "finding_names" in vars(second) and len(second.finding_names) > 1000
    assert second.finding_names == type(second).finding_names.func(second)


def test_an_edited_folder_is_validated_again(kb_copy, cache_dir, validations):
    load_knowledge(kb_copy)
    rules = kb_copy / "rules" / "30_neuropathy_causes.yaml"
    edit(rules, "strength: weak", "strength: moderate")
    changed = load_knowledge(kb_copy)
    assert len(validations) == 2
    assert changed.rule_index["cause.diabetes-without-symptoms"].strength == "moderate"
    edit(rules, "suggest: diabetic_neuropathy", "suggest: no_such_condition")
    with pytest.raises(KnowledgeError, match="no_such_condition"):
        load_knowledge(kb_copy)  # an invalid edit is reported, never hidden by an older cached base
    edit(rules, "suggest: no_such_condition", "suggest: diabetic_neuropathy")
    load_knowledge(kb_copy)  # the same bytes as the second load: its entry is used again
    assert len(validations) == 3


def test_a_new_rule_file_changes_the_key(kb_copy, cache_dir, validations):
    load_knowledge(kb_copy)
    source = (kb_copy / "rules" / "30_neuropathy_causes.yaml").read_text(encoding="utf-8")
    extra = source.split("\n- id: ", 2)[1]
    (kb_copy / "rules" / "99_extra.yaml").write_text("- id: extra." + extra, encoding="utf-8")
    assert any(r.id.startswith("extra.") for r in load_knowledge(kb_copy).rules)
    assert len(validations) == 2


@pytest.mark.parametrize(
    "name, old, new",
    [
        ("words.yaml", "negation_before: [\n", "negation_before: [\n  lacking,\n"),
        ("urgency.yaml", "label: Emergency now", "label: Call for help now"),
        ("questionnaire.yaml", "[numbness, tingling,", "[tingling, numbness,"),
    ],
)
def test_the_list_files_are_part_of_the_key(kb_copy, cache_dir, validations, name, old, new):
    before = load_knowledge(kb_copy)
    edit(kb_copy / "data" / name, old, new)
    after = load_knowledge(kb_copy)
    assert len(validations) == 2  # the edited file was read again, not the old base taken from the cache
    assert (before.words, before.urgency, before.core_findings) != (after.words, after.urgency, after.core_findings)


def test_cache_off(kb_copy, cache_dir, validations, monkeypatch):
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE", "0")
    load_knowledge(kb_copy)
    load_knowledge(kb_copy)
    assert len(validations) == 2 and not cache_dir.exists()


def test_unwritable_cache_folder_is_only_slower(kb_copy, tmp_path, monkeypatch, validations):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(blocker / "cache"))
    assert load_knowledge(kb_copy).rules
    assert load_knowledge(kb_copy).rules
    assert len(validations) == 2


def test_damaged_entry_is_a_miss_and_is_replaced(kb_copy, cache_dir, validations):
    load_knowledge(kb_copy)
    (entry,) = cache_dir.glob("kb-*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    assert load_knowledge(kb_copy).rules
    assert load_knowledge(kb_copy).rules
    assert len(validations) == 2
    assert not list(cache_dir.glob(".kb-*"))  # no temporary file left behind


def test_entry_with_another_key_is_not_trusted(kb_copy, cache_dir, validations):
    load_knowledge(kb_copy)
    (entry,) = cache_dir.glob("kb-*.pickle")
    assert entry.read_bytes().startswith(b"\x80")  # a pickle: the key first, then the base
    files = loader._Files(kb_copy / "data", kb_copy / "rules", str(kb_copy))
    where = f"{kb_copy}\n{kb_copy / 'data'}"
    wrong = cache.key_for(files.snapshot()[:-1], where)  # as if a rule file were missing
    assert cache.load(wrong, where) is None
    assert cache.load(cache.key_for(files.snapshot(), where), where) is not None


def test_default_location_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE_DIR", raising=False)
    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "symptom-explorer"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "symptom-explorer"


PROBE = """
import json, sys
from explorer.cli import main
sys.argv = ["symptom-explorer", "match", "numbness", "dry eyes"]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.slow
def test_match_imports_only_what_it_uses(tmp_path):
    """Run as a user would (a fresh interpreter), twice: the second run finds the base in the cache and
    loads neither PyYAML nor the readers, nor any other command's modules."""
    env = {**os.environ, "SYMPTOM_EXPLORER_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SYMPTOM_EXPLORER_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True) for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "Numbness" in runs[0].stdout
    cold, warm = (set(json.loads(run.stderr.strip().splitlines()[-1])) for run in runs)
    assert "yaml" in cold and "explorer.knowledge.builder" in cold  # the first run validated the files
    for module in (
        "yaml",
        "difflib",
        "rapidfuzz",  # only when a word is not found as typed
        "markupsafe",  # only for HTML
        "explorer.formats.html",
        "importlib.resources",
        "explorer.knowledge.builder",
        "explorer.cli.batch",
        "explorer.cli.ask",
        "explorer.cases.readers",
        "explorer.reasoning.questionnaire",
        "explorer.api",
        "explorer.formats.json_format",
        "tempfile",  # only when a file is written
        "shutil",  # only on a terminal (the probe's output is a pipe)
        "dataclasses",  # records compile nothing at start-up (explorer/records.py)
        "pickle",  # the C unpickler reads the cache; pickle.py only writes it
        "zlib",  # binascii's CRC-32 checks an entry
        "struct",
        "html",  # Markdown escaping needs only three replacements
        "unicodedata",  # only for text beyond ASCII
    ):
        assert module not in warm, module
    assert {"explorer.cli.match", "explorer.reasoning.fast_engine", "explorer.formats.text_format"} <= warm


def test_lazy_group_knows_every_command():
    """Every command registered by a command module is listed in app.COMMAND_MODULES (or it could not be
    found by name without importing everything)."""
    from explorer.cli import app, cli

    names = cli.list_commands(None)
    assert sorted(app.COMMAND_MODULES) == sorted(names)
    for name, module in app.COMMAND_MODULES.items():
        assert cli.get_command(None, name).callback.__module__ == f"explorer.cli.{module}"


def test_packaged_folders_are_plain_paths():
    for folder in loader.packaged_folders():
        assert isinstance(folder, Path) and folder.joinpath("__init__.py").is_file()


def test_the_key_changes_with_the_record_code():
    """explorer/records.py decides how a record pickles: a cache written by other record code is not used."""
    from explorer import records

    stat = os.stat(records.__file__)
    assert f"../records.py:{stat.st_size}:{stat.st_mtime_ns}".encode() in cache._code_stamp()
