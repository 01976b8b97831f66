"""The reader's phrase indexes kept in the knowledge cache beside their base (explorer/language/indexes.py):
read back, they are the indexes the reader would build, and a missing, damaged or outdated entry is built
again, never a failed or different reading."""

import pytest

from explorer.knowledge import cache
from explorer.knowledge.loader import load_knowledge
from explorer.language import indexes
from explorer.language.parser import Parser

TEXTS = [
    "my feet have gone numb and I can't swallow properly",
    "pins and needles in both hands for months, no weakness",
    "I'm knackered all the time and my knuckles are puffy",
    "couldn't lift the kettle this morning",
]


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE_DIR", str(folder))
    monkeypatch.delenv("SYMPTOM_EXPLORER_CACHE", raising=False)
    return folder


def state(index) -> dict:
    """Everything an index holds that reading uses, lists in their order."""
    return {name: value for name, value in vars(index).items() if name != "_folds"}


def entry(folder):
    (found,) = folder.glob("kb-*.reader.pickle")
    return found


def no_building(monkeypatch):
    def refuse(kb):
        raise AssertionError("built, not read from the cache")

    monkeypatch.setattr(indexes, "vocabulary_index", refuse)
    monkeypatch.setattr(indexes, "concept_indexes", refuse)


def test_kept_indexes_are_the_built_ones_and_read_alike(kb_copy, cache_dir, monkeypatch):
    built = indexes.reader_indexes(load_knowledge(kb_copy))
    assert entry(cache_dir).stat().st_size > 100_000
    again = load_knowledge(kb_copy)  # another base, from the cache
    with monkeypatch.context() as patched:
        no_building(patched)
        kept = indexes.reader_indexes(again)
        readings = [Parser(again).parse(text) for text in TEXTS]
    assert [state(k) for k in kept] == [state(b) for b in built]
    fresh = load_knowledge(kb_copy)
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE", "0")
    assert [Parser(fresh).parse(text) for text in TEXTS] == readings
    assert any(r.mentions for r in readings)


def test_a_damaged_entry_is_built_again_and_replaced(kb_copy, cache_dir):
    indexes.reader_indexes(load_knowledge(kb_copy))
    path = entry(cache_dir)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    kb = load_knowledge(kb_copy)
    rebuilt = indexes.reader_indexes(kb)
    assert len(rebuilt[2].keys) > 1000
    kept = cache.load_side(load_knowledge(kb_copy), "reader", indexes._code_stamp())  # written again, whole
    assert [state(k) for k in kept] == [state(r) for r in rebuilt]
    whole = path.read_bytes()
    path.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))  # one bit flipped: the checksum catches it
    assert cache.load_side(load_knowledge(kb_copy), "reader", indexes._code_stamp()) is None


def test_indexes_from_other_reader_code_are_not_used(kb_copy, cache_dir, monkeypatch):
    indexes.reader_indexes(load_knowledge(kb_copy))
    monkeypatch.setattr(indexes, "_code_stamp", lambda: b"an edited reader")
    built = []
    real = indexes.concept_indexes.__wrapped__

    def counting(kb):
        built.append(kb)
        return real(kb)

    monkeypatch.setattr(indexes, "concept_indexes", counting)
    indexes.reader_indexes(load_knowledge(kb_copy))
    assert len(built) == 1


def test_an_edited_knowledge_folder_builds_its_own(kb_copy, cache_dir, monkeypatch):
    indexes.reader_indexes(load_knowledge(kb_copy))
    vocabulary = kb_copy / "data" / "concepts.yaml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    kb = load_knowledge(kb_copy)
    assert cache.load_side(kb, "reader", indexes._code_stamp()) is None


def test_no_cache_no_entry(kb_copy, cache_dir, monkeypatch):
    monkeypatch.setenv("SYMPTOM_EXPLORER_CACHE", "0")
    found = indexes.reader_indexes(load_knowledge(kb_copy))
    assert len(found) == 3 and not cache_dir.exists()
