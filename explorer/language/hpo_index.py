"""The generated HPO index (hpo_index.json, made by tools/build_hpo_index.py from the ontology): every
HPO term below a finding's term, with its exact and layperson synonyms, and the nearest finding it
widens to. Loaded only when a text holds words the vocabulary does not know."""

import functools
from importlib import resources

from ..knowledge.records import KnowledgeBase, Term
from ..knowledge.text import normalize
from .phrases import PhraseIndex, Target, own_sites, site_words

FILE = "hpo_index.json"


@functools.cache
def index_data() -> dict:
    """The shipped index as plain data: {hpo_release, source, terms: [{id, label, synonyms, finding, ...}]}."""
    import json

    return json.loads(resources.files("explorer.language").joinpath(FILE).read_text(encoding="utf-8"))


class HpoIndex:
    """Phrases and ids of the narrower HPO terms, each pointing at the broader finding it is read as."""

    def __init__(self, kb: KnowledgeBase):
        data = index_data()
        self.release = data["hpo_release"]
        self.phrases = PhraseIndex(site_words(kb), kb.words)
        self.ids: dict[str, Target] = {}
        everyday = kb.concept_lexicon.everyday_names  # "sleepy" is no sudden drowsiness (data/concepts.yaml)
        for entry in data["terms"]:
            if entry["finding"] not in kb.symptoms:
                continue  # a custom knowledge folder without this finding
            target = Target(entry["finding"], None, Term(entry["id"], entry["label"]))
            self.ids[entry["id"]] = target
            for phrase in (entry["label"], *entry["synonyms"]):
                if normalize(phrase) not in everyday:
                    self.phrases.add(phrase, target, strict=True)
        for symptom in sorted(kb.symptoms.values(), key=lambda s: s.id):
            for term in symptom.narrower:
                target = Target(symptom.id, None, term)
                self.ids[term.id] = target
                self.phrases.add(term.label, target)
        self.phrases.finish()
        self.phrases.own_site = own_sites(self.phrases, kb)  # "legs weak on both sides": no face's weakness


@functools.lru_cache(maxsize=8)
def hpo_index_for(kb: KnowledgeBase) -> HpoIndex:
    return HpoIndex(kb)
