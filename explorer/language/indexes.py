"""The reader's phrase indexes for a knowledge base, kept in the knowledge cache beside the base they come from.

They are the vocabulary's names, then the concepts' words alone and with their cues. Building them is most of
the first free-text reading of a command (some 15,000 names folded and split); reading them back costs a
tenth of that. A base that is not from the cache, a changed reader or a damaged entry builds them as before."""

from pathlib import Path

from ..knowledge import cache
from ..knowledge.records import KnowledgeBase
from .concepts import concept_indexes
from .phrases import PhraseIndex, vocabulary_index

_NAME = "reader"


def reader_indexes(kb: KnowledgeBase) -> tuple[PhraseIndex, PhraseIndex, PhraseIndex]:
    """The vocabulary's index, then the concepts' two (explorer/language/concepts.py)."""
    stamp = _code_stamp()
    kept = cache.load_side(kb, _NAME, stamp)
    if isinstance(kept, tuple) and len(kept) == 3 and all(type(index) is PhraseIndex for index in kept):
        return kept
    built = (vocabulary_index(kb), *concept_indexes(kb))
    cache.store_side(kb, _NAME, stamp, built)
    return built


def _code_stamp() -> bytes:
    # The reader's code decides what an index holds (how words fold, which sites split off): an edited module
    # of an editable install must not meet indexes its old code built.
    return cache.folder_stamp(Path(__file__).parent)
