"""The phrase index the parser matches against: every name of every finding as a set of folded words,
word order and filler ignored, with body-site words set apart ("numb toes" = "numb" at the feet).
Built once per knowledge base (and once for the generated HPO index, only when it is needed)."""

import re

from ..knowledge.records import KnowledgeBase, Term, Words
from ..knowledge.text import normalize
from ..records import record
from .tokens import fold, phrase_folds

LIMBS = frozenset({"foot", "feet", "hand", "hands", "arm", "leg", "wrist", "forearm", "ankle", "thigh", "shoulder"})

_HPO_KEY = re.compile(r"^hp \d{7}$")  # an HPO id, as normalize() leaves it


@record
class Target:
    """What a phrase names: a finding, the site the phrase itself named, and for a phrase from the HPO
    index the narrower term it came from."""

    symptom: str
    site: str | None = None
    hpo: Term | None = None


class PhraseIndex:
    def __init__(self, site_words: dict, words: Words, max_gap: int = 1):
        self.max_gap = max_gap  # words of other meaning a phrase may have between its own words
        # Whether words left in a finding's list item may join it through this index's names (matching._absorb);
        # the concept indexes do not: a cue word alone says nothing more about the finding.
        self.absorbs = max_gap == 1
        self.site_words = site_words  # tuple of folded words -> site id
        self.longest_site = max(map(len, site_words), default=0)
        self.site_starts = frozenset(words[0] for words in site_words)
        self._folds: dict[
            str, str
        ] = {}  # fold() of each word met: an index folds the same few words thousands of times
        self.stop_words = words.stop_words
        self.dropped = words.stop_words | words.subjects
        self.keys: dict[frozenset, list[Target]] = {}
        self.by_word: dict[str, list[frozenset]] = {}
        self.words: dict[str, set] = {}  # normalized surface word -> findings named with it (spelling)
        # Findings whose site-bound phrases need their own site (a concept index's urgent findings): "my arm went
        # dead" is not the face's "gone dead".
        self.own_site: frozenset[str] = frozenset()

    def add(self, phrase: str | list[str], target: Target, normalized: bool = False, strict: bool = False):
        """Index ``phrase``: text, or its normalized words (``normalized``: the text is normalized already).
        ``strict`` (generated HPO synonyms): not when what is left besides its body sites is only short or stop
        words ("Out-toeing" would read "out" beside any foot, "out of nowhere my feet went numb"), unless the
        phrase is an acronym ("AKI", "ARDS")."""
        words = phrase if isinstance(phrase, list) else (phrase if normalized else normalize(phrase)).split()
        # Subject words ("choking when I eat") never tell two phrases apart.
        kept = [w for w in words if w not in self.dropped]
        known = self._folds
        folds = tuple(known.get(w) or known.setdefault(w, fold(w)) for w in kept)
        core, sites = split_sites(folds, self.site_words, self.longest_site, self.site_starts)
        if not core or (strict and self._weak(kept, folds, core) and not _acronym(phrase)):
            return
        if sites:
            target = Target(target.symptom, sites[0], target.hpo)
        key = frozenset(core)
        targets = self.keys.get(key)
        if targets is None:  # a new key: each of its words anchors it
            self.keys[key] = targets = []
            for word in key:
                anchors = self.by_word.get(word)
                if anchors is None:
                    self.by_word[word] = anchors = []
                anchors.append(key)
        if target not in targets:
            targets.append(target)
        for word in words:
            if len(word) > 2 and word not in self.stop_words:
                named = self.words.get(word)
                if named is None:
                    self.words[word] = named = set()
                named.add(target.symptom)

    def _weak(self, kept: list[str], folds: tuple[str, ...], core) -> bool:
        """Are the words behind ``core`` (the phrase's words besides its sites) all short or stop words?"""
        behind = [w for w, f in zip(kept, folds, strict=True) if f in core]
        return all(len(w) < 4 or w in self.stop_words for w in behind)

    def finish(self):
        # Longest keys first, so a scan meets the most specific phrase first; order fixed for determinism.
        order = {key: (-len(key), sorted(key)) for key in self.keys}
        for anchors in self.by_word.values():
            anchors.sort(key=order.__getitem__)

    def resolve(self, key: frozenset, sites: tuple[str | None, ...]) -> Target | None:
        """The finding a matched key names, given the sites found with it; None when it is ambiguous or
        needs a site that is not there ("cant feel" names numbness only with a site, "cant feel my toes")."""
        targets = self.keys.get(key, ())
        at_site = {t.symptom: t for t in targets if t.site is not None and t.site in sites}
        plain = {t.symptom: t for t in targets if t.site is None}
        if len(at_site) == 1:
            ((symptom, target),) = at_site.items()
            # A site-bound finding when every site named is one of its own ("weak feet and legs"); with
            # another site too ("weak arms and legs"), the plain finding if there is one.
            own = {t.site for t in targets if t.symptom == symptom}
            if own.issuperset(sites) or len(plain) != 1:
                return target
        elif at_site:  # sites of different findings: the first named decides, as when it stands alone
            first = next(site for site in sites if any(t.site == site for t in at_site.values()))
            return next(t for t in at_site.values() if t.site == first)
        if len(plain) == 1:
            return next(iter(plain.values()))
        with_site = {t.symptom: t for t in targets if t.site is not None}
        # Any site will do for a phrase of two words or more ("can't feel my legs" as "can't feel my
        # feet"); one word needs its own kind of site ("foot drop" is not "wrist drop").
        if sites and not plain and len(with_site) == 1 and len(key) > 1 and not with_site.keys() & self.own_site:
            return next(iter(with_site.values()))
        return None

    def ambiguous(self) -> list[tuple[frozenset, list[str]]]:
        """Keys that name two findings without a site to tell them apart (a vocabulary problem)."""
        out = []
        for key, targets in self.keys.items():
            plain = sorted({t.symptom for t in targets if t.site is None})
            if len(plain) > 1:
                out.append((key, plain))
        return sorted(out, key=lambda item: sorted(item[0]))


def site_words(kb: KnowledgeBase) -> dict:
    words: dict = {}
    for site in sorted(kb.sites.values(), key=lambda s: s.id):
        for word in site.words:
            words.setdefault(phrase_folds(word, kb.words.stop_words), site.id)
    return words


def split_sites(
    folds: tuple[str, ...], sites: dict, longest: int | None = None, starts: frozenset[str] | None = None
) -> tuple[list[str], list[str]]:
    """Folded words -> (the other words, the site ids found), site words matched longest first. ``longest`` and
    ``starts`` (the most words a site's name has, the first words of site names), when the caller has worked
    them out once: an index splits thousands of names."""
    if longest is None:
        longest = max(map(len, sites), default=0)
    core, found, i = [], [], 0
    while i < len(folds):
        if starts is not None and folds[i] not in starts:
            core.append(folds[i])
            i += 1
            continue
        for size in range(min(longest, len(folds) - i), 0, -1):
            site = sites.get(folds[i : i + size])
            if site:
                found.append(site)
                i += size
                break
        else:
            core.append(folds[i])
            i += 1
    return core, found


def vocabulary_index(kb: KnowledgeBase) -> PhraseIndex:
    from .vocabulary import vocabulary_for

    index = PhraseIndex(site_words(kb), kb.words)
    # The vocabulary has normalized every name already (start-up time matters: a plain match builds this).
    for phrase, symptom_id in sorted(vocabulary_for(kb).exact.items()):
        if not _HPO_KEY.match(phrase):
            index.add(phrase, Target(symptom_id), normalized=True)
    index.finish()
    index.own_site = own_sites(index, kb)
    return index


def own_sites(index: PhraseIndex, kb: KnowledgeBase) -> frozenset[str]:
    """The warning signs named only away from the limbs (the face): they need their own site, "my foot has
    dropped" is no face drooping and "legs weak on both sides" no face weak on both sides, while "my hand stopped
    working" may still read a limb's "legs stopped working"."""
    limbs = {site.id for site in kb.sites.values() if LIMBS.intersection(site.words)}
    bound: dict[str, set] = {}
    for targets in index.keys.values():
        for t in targets:
            if t.site and kb.symptoms[t.symptom].urgent_note:
                bound.setdefault(t.symptom, set()).add(t.site)
    return frozenset(symptom for symptom, sites in bound.items() if not sites & limbs)


def hpo_ids(kb: KnowledgeBase) -> dict:
    """HPO id -> finding id, for the ids the vocabulary itself names."""
    return {s.hpo.id: s.id for s in sorted(kb.symptoms.values(), key=lambda s: s.id) if s.hpo and not s.hpo_modifier}


def narrower_ids(kb: KnowledgeBase) -> dict:
    """HPO id -> finding id, for the narrower terms findings list (read as that finding, a broader term)."""
    return {t.id: s.id for s in sorted(kb.symptoms.values(), key=lambda s: s.id) for t in s.narrower}


def _acronym(phrase: str | list[str]) -> bool:
    return isinstance(phrase, str) and any(len(word) > 1 and word.isupper() for word in phrase.split())
