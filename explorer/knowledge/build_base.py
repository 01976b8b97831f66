"""The state every knowledge-file reader shares: records built so far, where each came from, and the
checks for ids and sources that every kind of file uses."""

from collections.abc import Sequence

from .quoting import shown
from .records import (
    FREQUENCIES,
    Source,
    Term,
    Words,
)
from .text import normalize
from .yamlcheck import ID, Problems, check_keys, is_text, line_of, text, text_list, type_name

CONDITION_KINDS = ("autoimmune", "pattern", "cause")
CONCLUSIONS = ("infer", "suggest", "red_flag")
CODE_PREFIXES = ("ORPHA:", "OMIM:")
SOURCE_KINDS = ("article", "annotation", "reference")


class BuilderBase:
    """Turns checked entries into records, remembering where each came from for cross-checks."""

    def __init__(self):
        self.files: list[Problems] = []  # per-file problems; cross-checks may still add to them
        self.extra: list[str] = []
        self.title = ""
        self.sections: list[str] = []
        self.concepts: dict = {}  # section heading -> frozenset of ids it mentions
        self.pending_concepts: list = []  # (Problems, line, where, id) checked once every id is known
        self.pending_both_sides: list = []  # (Problems, line, where, finding id) named by a both_sides entry
        self.pending_worsening: list = []  # (Problems, line, where, finding id) with a worsening_of list
        self.symptom_map: dict = {}
        self.site_map: dict = {}  # data/sites.yaml (build_sites.py), read before the concepts
        self.pattern_map: dict = {}
        self.flag_map: dict = {}
        self.condition_map: dict = {}
        self.rule_list: list = []
        self.urgency_list: list = []  # UrgencyLevel, highest first
        self.word_lists = Words()  # data/words.yaml, read before the checks across files
        self.origins: dict = {}  # (namespace, id) -> "file:line"
        # (Problems, line, where, Source, cited ids) checked once sections are known
        self.pending_sources: list = []
        self.pending_links: list = []  # (Problems, line, where, symptom id) checked once symptoms are known
        self.rule_where: dict = {}  # rule id -> (Problems, entry node, when node, where), for line numbers

    # -- helpers -------------------------------------------------------------------------------------
    def _finish(self, problems: Problems):
        self.files.append(problems)

    @property
    def problems(self) -> list[str]:
        """Every problem, ordered by file and line."""
        found = [p for problems in self.files for p in problems.items] + self.extra
        return sorted(found, key=file_line_key)

    def _claim(self, namespace: str, item_id: str, problems: Problems, line: int, where: str) -> bool:
        key = (namespace, item_id)
        if key in self.origins:
            problems.add(line, where, f"duplicate id {shown(item_id)} (first defined at {self.origins[key]})")
            return False
        self.origins[key] = f"{problems.name}:{line}"
        return True

    def _entry_id(self, entry, index, what, problems, pattern=ID):
        where = f"{what}[{index}]"
        raw = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(raw, str) and pattern.match(raw):
            return raw, f"{what} {shown(raw)}"
        if isinstance(entry, dict) and "id" in entry:
            problems.add(
                line_of(entry, "id"),
                where,
                f"id {shown(raw)} must be lower-case letters, digits and underscores, starting with a letter",
            )
        return None, where

    def _sources(self, node, key, where, problems: Problems, required=True, cites=(), scope=None) -> tuple:
        if key not in node:
            if required:
                problems.add(line_of(node), where, f"missing required key {shown(key)}")
            return ()
        value = node[key]
        if not isinstance(value, list) or not value:
            problems.add(line_of(node, key), f"{where}.{key}", "expected a non-empty list of sources")
            return ()
        out = []
        for i, item in enumerate(value):
            source = self._source(item, f"{where}.{key}[{i}]", problems, cites=cites, scope=scope)
            if source:
                out.append(source)
        return tuple(out)

    def _source(self, item, where, problems: Problems, extra=frozenset(), optional=frozenset(), cites=(), scope=None):
        """A source mapping; ``extra`` and ``optional`` name required and optional keys the surrounding
        entry adds (a link's 'symptom' and 'role'); ``cites``: the ids an article citation must find
        among its section's concepts. With ``scope`` (a rule's conclusion), an article citation may say
        which of the rule's findings it supports (``for: [...]``); the section must then mention those
        and the conclusion."""
        if not isinstance(item, dict) or sum(key in item for key in SOURCE_KINDS) != 1:
            problems.add(
                line_of(item),
                where,
                "a source is one of {article: SECTION}, {annotation: ORPHA:.../OMIM:..., frequency: ...} "
                "or {reference: https://...}",
            )
            return None
        if "reference" in item:
            check_keys(item, where, problems, {"reference"} | extra, set(optional))
            ref = text(item, "reference", where, problems)
            if ref and not ref.startswith("https://"):
                problems.add(line_of(item, "reference"), where, f"reference {shown(ref)} must be an https:// address")
                return None
            return Source("reference", ref) if ref else None
        if "article" in item:
            check_keys(item, where, problems, {"article"} | extra, set(optional) | ({"for"} if scope else set()))
            section = text(item, "article", where, problems)
            supports = None
            if scope is not None:
                supports = self._scoped(item, where, problems, cites) if "for" in item else None
                cites = (tuple(cites) if supports is None else supports) + tuple(scope)
            if section:
                source = Source("article", section, supports=supports)
                self.pending_sources.append((problems, line_of(item, "article"), where, source, tuple(cites)))
                return source
            return None
        check_keys(item, where, problems, {"annotation"} | extra, {"frequency"} | optional)
        ref = text(item, "annotation", where, problems)
        frequency = text(item, "frequency", where, problems, default="not stated")
        if ref and not ref.startswith(CODE_PREFIXES):
            problems.add(line_of(item, "annotation"), where, f"annotation {shown(ref)} must be an ORPHA: or OMIM: id")
            return None
        if frequency not in FREQUENCIES:
            problems.add(
                line_of(item, "frequency"),
                where,
                f"frequency {shown(frequency)} must be one of: {', '.join(FREQUENCIES)}",
            )
            return None
        return Source("annotation", ref, frequency) if ref else None

    def _scoped(self, item, where, problems: Problems, cites) -> tuple:
        only = text_list(item, "for", where, problems, pattern=ID)
        for ref in only:
            if ref not in cites:
                problems.add(line_of(item, "for"), f"{where}.for", f"{shown(ref)} is not one of this rule's findings")
        return tuple(only)

    def _term(self, node, key, where, problems: Problems):
        if key not in node:
            return None
        value = node[key]
        if not check_keys(value, f"{where}.{key}", problems, {"id", "label"}, set()):
            return None
        term_id = text(value, "id", f"{where}.{key}", problems)
        label = text(value, "label", f"{where}.{key}", problems)
        if term_id and not (term_id.startswith("HP:") and term_id[3:].isdigit() and len(term_id) == 10):
            problems.add(line_of(value, "id"), f"{where}.{key}.id", f"{shown(term_id)} is not an HPO id (HP:0000000)")
            return None
        return Term(term_id, label) if term_id and label else None

    def check_sites(self, node, sites: Sequence[str], where: str, problems: Problems) -> None:
        """Report each of ``sites`` (listed under ``node["sites"]``) that sites.yaml does not name, with the ones
        it does. A folder without sites.yaml reads no site at all, so nothing named there can be wrong."""
        for i, site in enumerate(sites):
            if self.site_map and site not in self.site_map:
                known = ", ".join(sorted(self.site_map))
                problems.add(line_of(node["sites"], i), f"{where}.sites[{i}]", f"unknown site {shown(site)} ({known})")

    # -- documents -----------------------------------------------------------------------------------


def is_course_value(symptom_map: dict, value, dimension: str) -> bool:
    """Is ``value`` a time course value (data/time_course.yaml) of ``dimension`` (onset, spread, symmetry...)?"""
    known = symptom_map.get(value)
    return known is not None and known.kind == "course" and known.system == dimension


def phrases(doc, key: str, where: str, problems: Problems) -> list[tuple[str, ...]]:
    """A list of phrases written as the reader sees them (lower case, no accents or punctuation), each once."""
    value = doc[key]
    if not isinstance(value, list) or not value:
        problems.add(line_of(doc, key), where, f"expected a non-empty list, got {type_name(value)}")
        return []
    out: dict[str, int] = {}
    for i, item in enumerate(value):
        line = line_of(value, i)
        if not is_text(item):
            problems.add(line, f"{where}[{i}]", f"expected text, got {type_name(item)}")
        elif normalize(item) != item:
            problems.add(line, f"{where}[{i}]", f"{item!r} is not written as read (lower case, no punctuation)")
        elif item in out:
            problems.add(line, f"{where}[{i}]", f"{item!r} is listed twice (first at line {out[item]})")
        else:
            out[item] = line
    return [tuple(item.split()) for item in out]


def one_words(entry, key: str, where: str, problems: Problems) -> frozenset[str]:
    """A list of single words written as read (``phrases``), each phrase of more than one word reported."""
    found = phrases(entry, key, f"{where}.{key}", problems)
    for i, phrase in enumerate(found):
        if len(phrase) != 1:
            problems.add(line_of(entry[key], i), f"{where}.{key}[{i}]", "expected one word")
    return frozenset(phrase[0] for phrase in found if len(phrase) == 1)


def opened(doc, key: str, problems: Problems, required: set[str], optional: set[str]):
    """The entry ``doc[key]`` when it is there and has the keys it may (``required``, ``optional``: reported at
    its line where not), else None: how each words entry of data/time_course.yaml is opened."""
    if key not in doc:
        return None
    entry = doc[key]
    return entry if check_keys(entry, f"time_course.{key}", problems, required, optional) else None


def file_line_key(problem: str):
    name, _, rest = problem.partition(":")
    line = rest.split(":", 1)[0]
    return name, int(line) if line.isdigit() else 0


def default_role(source: Source) -> str:
    """Article and reference links are typical unless marked; annotations follow their frequency category."""
    if source.kind != "annotation" or source.frequency in ("frequent", "not stated"):
        return "typical"
    return "hallmark" if source.frequency in ("obligate", "very frequent") else "possible"


def close_match(word, choices) -> str:
    from ..fuzzy import close_matches

    near = close_matches(word, choices, limit=1)
    return f" (did you mean {shown(near[0])}?)" if near else ""
