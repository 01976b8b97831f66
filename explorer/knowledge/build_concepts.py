"""Reader for data/concepts.yaml: findings read from a concept and a cue (the free-text reader's
``explorer/language/concepts.py`` uses them), and the course words that change how urgent a reading is.
Read after the findings: every concept names a known finding, every cue group used is defined."""

from . import yamlcheck
from .build_base import BuilderBase, phrases
from .quoting import shown
from .records import (
    CloserFinding,
    ConceptLexicon,
    EverydayCause,
    ReadingConcept,
    ReturnedFunction,
    SubjectConcept,
)
from .yamlcheck import Problems, check_keys, line_of, type_name

COURSE_LISTS = ("calm", "explained", "cause_links", "change_links", "serious")
LISTS = (
    "everyday_names",
    "causes",
    "triggers",
    "ranges",
    "drops",
    "closer",
    "subjects",
    "returns",
)  # optional, each a list
# Keys of earlier versions, refused with where their words went (a key ignored would change the reading silently).
RETIRED = {
    key: "words that say how fast a finding came are in `quick` in data/time_course.yaml now: "
    "`quick.words` (beside the onset and growth values' own cues) and `quick.slow`"
    for key in ("fast", "slow")
}


class ConceptsReader(BuilderBase):
    def reading_concepts(self, name, doc):
        problems = Problems(name)
        self.concept_lexicon = ConceptLexicon()
        optional = {*COURSE_LISTS, *RETIRED, *LISTS}
        for key in [k for k in RETIRED if isinstance(doc, dict) and k in doc]:
            problems.add(line_of(doc, key), f"concepts.{key}", f"{shown(key)} is no longer read: {RETIRED[key]}")
        if check_keys(doc, "concepts", problems, {"cues", "concepts"}, optional):
            groups = {}
            cues = doc["cues"]
            if check_keys(cues, "concepts.cues", problems, set(), set(cues) if isinstance(cues, dict) else set()):
                groups = {key: phrases(cues, key, f"concepts.cues.{key}", problems) for key in cues}
            entries = [  # each concept checked on its own, so one bad entry reports and the rest still load
                entry
                for index, node in yamlcheck.entries(doc["concepts"], "concepts.concepts", problems)
                if (entry := self._concept(node, f"concepts.concepts[{index}]", groups, problems))
            ]
            present = [key for key in COURSE_LISTS if key in doc]
            courses = {key: tuple(phrases(doc, key, f"concepts.{key}", problems)) for key in present}
            everyday = "everyday_names" in doc and phrases(doc, "everyday_names", "concepts.everyday_names", problems)
            names = frozenset(" ".join(words) for words in everyday or ())
            causes, triggers = (
                tuple(
                    cause
                    for index, node in yamlcheck.entries(doc.get(key) or [], f"concepts.{key}", problems)
                    if (cause := self._cause(node, f"concepts.{key}[{index}]", problems))
                )
                for key in ("causes", "triggers")
            )
            self.concept_lexicon = ConceptLexicon(
                tuple(entries),
                **courses,
                everyday_names=names,
                causes=causes,
                triggers=triggers,
                ranges=self._each(doc, "ranges", lambda node, where: self._range(node, where, problems), problems),
                drops=self._each(
                    doc, "drops", lambda node, where: self._concept(node, where, groups, problems), problems
                ),
                closer=self._each(doc, "closer", lambda node, where: self._closer(node, where, problems), problems),
                subjects=self._each(
                    doc, "subjects", lambda node, where: self._subject(node, where, groups, problems), problems
                ),
                returns=self._each(doc, "returns", lambda node, where: self._returned(node, where, problems), problems),
            )
        self._finish(problems)

    @staticmethod
    def _each(doc, key: str, read, problems: Problems) -> tuple:
        """The entries of the optional list ``doc[key]`` as ``read(node, where)`` makes them, a bad one left out
        (``read`` reports it at its line)."""
        entries = yamlcheck.entries(doc.get(key) or [], f"concepts.{key}", problems)
        return tuple(entry for index, node in entries if (entry := read(node, f"concepts.{key}[{index}]")))

    def _concept(self, node, where: str, groups: dict, problems: Problems) -> ReadingConcept | None:
        if not check_keys(node, where, problems, {"finding", "words"}, {"cues", "unsure", "reach", "with"}):
            return None
        finding = node["finding"]
        if finding not in self.symptom_map:
            problems.add(line_of(node, "finding"), f"{where}.finding", f"unknown finding {finding!r}")
            return None
        cues = _cue_groups(node, where, groups, problems)
        words = phrases(node, "words", f"{where}.words", problems)
        unsure = phrases(node, "unsure", f"{where}.unsure", problems) if "unsure" in node else []
        reach = node.get("reach", "list item")
        if reach not in ("list item", "sentence") or (reach == "sentence" and not cues):
            problems.add(line_of(node, "reach"), f"{where}.reach", "expected 'list item' or 'sentence' (with cues)")
            return None
        also = _cue_groups(node, where, groups, problems, key="with")
        if "with" in node and reach != "sentence":
            problems.add(line_of(node, "with"), f"{where}.with", "a third part needs reach: sentence")
            return None
        unsure_words = tuple(" ".join(w) for w in unsure)
        return ReadingConcept(
            finding, tuple(words), tuple(dict.fromkeys(cues)), unsure_words, reach == "sentence", tuple(also)
        )

    def _subject(self, node, where: str, groups: dict, problems: Problems) -> SubjectConcept | None:
        """A body part told as the subject of words that say it fails: its finding, the sites that may be the
        subject, the cue groups, and the optional link words and words that undo it."""
        if not check_keys(node, where, problems, {"finding", "sites", "cues"}, {"links", "unless_after", "pronouns"}):
            return None
        finding = node["finding"]
        if finding not in self.symptom_map:
            problems.add(line_of(node, "finding"), f"{where}.finding", f"unknown finding {finding!r}")
        cues = _cue_groups(node, where, groups, problems)
        sites = [" ".join(site) for site in phrases(node, "sites", f"{where}.sites", problems)]
        self.check_sites(node, sites, where, problems)
        links, unless, pronouns = (
            frozenset(" ".join(w) for w in phrases(node, key, f"{where}.{key}", problems))
            if key in node
            else frozenset()
            for key in ("links", "unless_after", "pronouns")
        )
        if finding not in self.symptom_map or not cues:
            return None
        return SubjectConcept(
            finding, frozenset(sites) & set(self.site_map), tuple(dict.fromkeys(cues)), links, unless, pronouns
        )

    def _range(self, node, where: str, problems: Problems) -> tuple[str, float] | None:
        """A lab finding's usual upper limit, with its unit and the source it is taken from."""
        if not check_keys(node, where, problems, {"finding", "upper", "unit", "source"}, set()):
            return None
        finding, upper = node["finding"], node["upper"]
        if finding not in self.symptom_map:
            problems.add(line_of(node, "finding"), f"{where}.finding", f"unknown finding {finding!r}")
            return None
        if isinstance(upper, bool) or not isinstance(upper, (int, float)) or upper <= 0:
            problems.add(line_of(node, "upper"), f"{where}.upper", f"expected a positive number, got {upper!r}")
            return None
        for key in ("unit", "source"):
            if not yamlcheck.is_text(node[key]):
                problems.add(line_of(node, key), f"{where}.{key}", f"expected text, got {type_name(node[key])}")
                return None
        return finding, float(upper)

    def _cause(self, node, where: str, problems: Problems) -> EverydayCause | None:
        if not check_keys(node, where, problems, {"explains", "words"}, set()):
            return None
        explains = self._findings(node, "explains", where, problems)
        if explains is None:
            return None
        words = phrases(node, "words", f"{where}.words", problems)
        return EverydayCause(tuple(words), frozenset(explains))

    def _returned(self, node, where: str, problems: Problems) -> ReturnedFunction | None:
        if not check_keys(node, where, problems, {"ends", "words"}, set()):
            return None
        ends = self._findings(node, "ends", where, problems)
        return (
            None
            if ends is None
            else ReturnedFunction(tuple(phrases(node, "words", f"{where}.words", problems)), frozenset(ends))
        )

    def _closer(self, node, where: str, problems: Problems) -> CloserFinding | None:
        keys = {"finding", "instead_of"}
        if not check_keys(node, where, problems, keys, set()) or not keys <= set(node):
            return None  # a key missing is reported by check_keys
        finding = node["finding"]
        if finding not in self.symptom_map:
            problems.add(line_of(node, "finding"), f"{where}.finding", f"unknown finding {finding!r}")
        instead = self._findings(node, "instead_of", where, problems)
        if instead is None:
            return None
        return CloserFinding(finding, frozenset(instead)) if finding in self.symptom_map else None

    def _findings(self, node, key: str, where: str, problems: Problems) -> list[str] | None:
        """``node[key]``, a non-empty list of finding ids: the known ones (each unknown one reported at its
        line), or None when it is not such a list."""
        items = node[key]
        if not isinstance(items, list) or not items:
            problems.add(line_of(node, key), f"{where}.{key}", "expected a non-empty list of findings")
            return None
        for i, finding in enumerate(items):
            if finding not in self.symptom_map:
                problems.add(line_of(items, i), f"{where}.{key}[{i}]", f"unknown finding {finding!r}")
        return [f for f in items if f in self.symptom_map]


def _cue_groups(node, where: str, groups: dict, problems: Problems, key: str = "cues") -> list[tuple[str, ...]]:
    """The cues of the groups ``node`` names under ``key``, each unknown group reported at its line."""
    cues: list[tuple[str, ...]] = []
    for i, group in enumerate(node.get(key) or []):
        if group not in groups:
            known = ", ".join(sorted(groups)) or "none"
            problems.add(line_of(node[key], i), f"{where}.{key}[{i}]", f"unknown cue group {group!r} ({known})")
        else:
            cues.extend(groups[group])
    return cues
