"""Loads and validates the knowledge files into a KnowledgeBase of frozen records.

Layout of a knowledge folder (the packaged one, or any folder given with ``--knowledge``):
``data/article.yaml``, ``data/symptoms.yaml``, ``data/history.yaml``, ``data/patterns.yaml``,
``data/red_flags.yaml``, ``data/conditions.yaml`` and ``rules/*.yaml``.
Every problem found is reported, each as ``file:line: where: what``, in one KnowledgeError.
"""

import difflib
import functools
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import KnowledgeError
from . import yamlcheck
from .records import (
    FREQUENCIES,
    LINK_ROLES,
    STRENGTHS,
    Condition,
    KnowledgeBase,
    Link,
    Pattern,
    RedFlagDef,
    Rule,
    Source,
    Symptom,
    Term,
)
from .text import normalize
from .yamlcheck import ID, RULE_ID, Problems, check_keys, line_of, text, text_list
from .yamlsource import load_yaml_text

DATA_FILES = ("article", "symptoms", "history", "patterns", "red_flags", "conditions")
CONDITION_KINDS = ("autoimmune", "pattern", "cause")
CONCLUSIONS = ("infer", "suggest", "red_flag")
CODE_PREFIXES = ("ORPHA:", "OMIM:")


class _Files:
    """Reads the files of a knowledge folder, whether on disk or inside the installed package."""

    def __init__(self, data_dir, rules_dir, shown_root: str):
        self.data_dir, self.rules_dir, self.shown_root = data_dir, rules_dir, shown_root

    def read(self, folder, name: str):
        shown = f"{self.shown_root}/{'data' if folder is self.data_dir else 'rules'}/{name}"
        entry = folder.joinpath(name)
        if not entry.is_file():
            raise KnowledgeError([f"{shown}: file is missing"])
        try:
            raw = entry.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise KnowledgeError([f"{shown}: not valid UTF-8 text"]) from None
        return shown, load_yaml_text(raw, shown)

    def rule_files(self):
        names = sorted(p.name for p in self.rules_dir.iterdir() if p.name.endswith((".yaml", ".yml")))
        if not names:
            raise KnowledgeError([f"{self.shown_root}/rules: no rule files (*.yaml) found"])
        return names


def load_knowledge(path=None) -> KnowledgeBase:
    """Load the packaged knowledge base, or the one in folder ``path`` (holding ``data/`` and ``rules/``)."""
    if path is None:
        return _packaged()
    root = Path(path)
    if not (root / "data").is_dir() or not (root / "rules").is_dir():
        raise KnowledgeError([f"{path}: not a knowledge folder (it needs data/ and rules/ subfolders)"])
    return _load(_Files(root / "data", root / "rules", str(path)))


def packaged_folders():
    """The built-in data/ and rules/ folders (importlib.resources traversables)."""
    try:
        return resources.files("explorer.data"), resources.files("explorer.rules")
    except ModuleNotFoundError:
        # Run from a source checkout whose explorer/ shadows the installed package (python -m pytest
        # from the repository root): the same files sit in the checkout's top-level data/ and rules/.
        root = Path(__file__).resolve().parents[2]
        return root / "data", root / "rules"


@functools.cache
def _packaged() -> KnowledgeBase:
    return _load(_Files(*packaged_folders(), "explorer"))


def _load(files: _Files) -> KnowledgeBase:
    problems: list[str] = []
    docs = {}
    for name in DATA_FILES:
        try:
            docs[name] = files.read(files.data_dir, f"{name}.yaml")
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    rule_docs = []
    try:
        for name in files.rule_files():
            try:
                rule_docs.append(files.read(files.rules_dir, name))
            except KnowledgeError as exc:
                problems.extend(exc.problems)
    except KnowledgeError as exc:
        problems.extend(exc.problems)
    if problems:
        raise KnowledgeError(problems)
    builder = _Builder()
    builder.article(*docs["article"])
    builder.symptoms(*docs["symptoms"], kind="symptom")
    builder.symptoms(*docs["history"], kind="history")
    builder.patterns(*docs["patterns"])
    builder.red_flags(*docs["red_flags"])
    builder.conditions(*docs["conditions"])
    for shown, doc in rule_docs:
        builder.rules(shown, doc)
    builder.cross_check()
    if builder.problems:
        raise KnowledgeError(builder.problems)
    # Read-only views: the base is shared by every query and cached per process.
    return KnowledgeBase(
        symptoms=MappingProxyType(builder.symptom_map),
        patterns=MappingProxyType(builder.pattern_map),
        red_flags=MappingProxyType(builder.flag_map),
        conditions=MappingProxyType(builder.condition_map),
        rules=tuple(builder.rule_list),
        article_title=builder.title,
        article_sections=tuple(builder.sections),
        where=files.shown_root,
    )


class _Builder:
    """Turns checked entries into records, remembering where each came from for cross-checks."""

    def __init__(self):
        self.files: list[Problems] = []  # per-file problems; cross-checks may still add to them
        self.extra: list[str] = []
        self.title = ""
        self.sections: list[str] = []
        self.symptom_map: dict = {}
        self.pattern_map: dict = {}
        self.flag_map: dict = {}
        self.condition_map: dict = {}
        self.rule_list: list = []
        self.origins: dict = {}  # (namespace, id) -> "file:line"
        self.pending_sources: list = []  # (Problems, line, where, Source) checked once sections are known
        self.pending_links: list = []  # (Problems, line, where, symptom id) checked once symptoms are known
        self.rule_where: dict = {}  # rule id -> (Problems, entry node, when node, where), for line numbers

    # -- helpers -------------------------------------------------------------------------------------
    def _finish(self, problems: Problems):
        self.files.append(problems)

    @property
    def problems(self) -> list[str]:
        """Every problem, ordered by file and line."""
        found = [p for problems in self.files for p in problems.items] + self.extra
        return sorted(found, key=_file_line_key)

    def _claim(self, namespace: str, item_id: str, problems: Problems, line: int, where: str) -> bool:
        key = (namespace, item_id)
        if key in self.origins:
            problems.add(line, where, f"duplicate id {item_id!r} (first defined at {self.origins[key]})")
            return False
        self.origins[key] = f"{problems.name}:{line}"
        return True

    def _entry_id(self, entry, index, what, problems, pattern=ID):
        where = f"{what}[{index}]"
        raw = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(raw, str) and pattern.match(raw):
            return raw, f"{what} {raw!r}"
        if isinstance(entry, dict) and "id" in entry:
            problems.add(
                line_of(entry, "id"),
                where,
                f"id {raw!r} must be lower-case letters, digits and underscores, starting with a letter",
            )
        return None, where

    def _sources(self, node, key, where, problems: Problems, required=True) -> tuple:
        if key not in node:
            if required:
                problems.add(line_of(node), where, f"missing required key {key!r}")
            return ()
        value = node[key]
        if not isinstance(value, list) or not value:
            problems.add(line_of(node, key), f"{where}.{key}", "expected a non-empty list of sources")
            return ()
        out = []
        for i, item in enumerate(value):
            source = self._source(item, f"{where}.{key}[{i}]", problems)
            if source:
                out.append(source)
        return tuple(out)

    def _source(self, item, where, problems: Problems, extra=frozenset(), optional=frozenset()):
        """A source mapping; ``extra`` and ``optional`` name required and optional keys the surrounding
        entry adds (a link's 'symptom' and 'role')."""
        if not isinstance(item, dict) or not (("article" in item) ^ ("annotation" in item)):
            problems.add(
                line_of(item),
                where,
                "a source is either {article: SECTION} or {annotation: ORPHA:.../OMIM:..., frequency: ...}",
            )
            return None
        if "article" in item:
            check_keys(item, where, problems, {"article"} | extra, set(optional))
            section = text(item, "article", where, problems)
            if section:
                source = Source("article", section)
                self.pending_sources.append((problems, line_of(item, "article"), where, source))
                return source
            return None
        check_keys(item, where, problems, {"annotation"} | extra, {"frequency"} | optional)
        ref = text(item, "annotation", where, problems)
        frequency = text(item, "frequency", where, problems, default="not stated")
        if ref and not ref.startswith(CODE_PREFIXES):
            problems.add(line_of(item, "annotation"), where, f"annotation {ref!r} must be an ORPHA: or OMIM: id")
            return None
        if frequency not in FREQUENCIES:
            problems.add(
                line_of(item, "frequency"), where, f"frequency {frequency!r} must be one of: {', '.join(FREQUENCIES)}"
            )
            return None
        return Source("annotation", ref, frequency) if ref else None

    def _term(self, node, key, where, problems: Problems):
        if key not in node:
            return None
        value = node[key]
        if not check_keys(value, f"{where}.{key}", problems, {"id", "label"}, set()):
            return None
        term_id = text(value, "id", f"{where}.{key}", problems)
        label = text(value, "label", f"{where}.{key}", problems)
        if term_id and not (term_id.startswith("HP:") and term_id[3:].isdigit() and len(term_id) == 10):
            problems.add(line_of(value, "id"), f"{where}.{key}.id", f"{term_id!r} is not an HPO id (HP:0000000)")
            return None
        return Term(term_id, label) if term_id and label else None

    # -- documents -----------------------------------------------------------------------------------
    def article(self, name, doc):
        problems = Problems(name)
        if check_keys(doc, "article", problems, {"title", "sections"}, set()):
            self.title = text(doc, "title", "article", problems) or ""
            self.sections = list(text_list(doc, "sections", "article", problems))
        self._finish(problems)

    def symptoms(self, name, doc, kind):
        problems = Problems(name)
        required = {"id", "label", "system"} if kind == "symptom" else {"id", "label"}
        optional = {"hpo", "hpo_modifier", "description", "lay", "clinical", "urgent"}
        for index, entry in yamlcheck.entries(doc, kind, problems):
            item_id, where = self._entry_id(entry, index, kind, problems)
            if not check_keys(entry, where, problems, required, optional) or not item_id:
                continue
            if not self._claim("finding", item_id, problems, line_of(entry), where):
                continue
            hpo = self._term(entry, "hpo", where, problems)
            if kind == "symptom" and hpo is None and "hpo" not in entry:
                problems.add(line_of(entry), where, "a symptom needs its HPO term (hpo: {id, label})")
            self.symptom_map[item_id] = Symptom(
                id=item_id,
                label=text(entry, "label", where, problems) or item_id,
                kind=kind,
                system=text(entry, "system", where, problems, default="history"),
                hpo=hpo,
                hpo_modifier=self._term(entry, "hpo_modifier", where, problems),
                description=text(entry, "description", where, problems, default=""),
                lay_synonyms=text_list(entry, "lay", where, problems),
                clinical_synonyms=text_list(entry, "clinical", where, problems),
                urgent_note=text(entry, "urgent", where, problems, default=""),
            )
        self._finish(problems)

    def patterns(self, name, doc):
        problems = Problems(name)
        for index, entry in yamlcheck.entries(doc, "pattern", problems):
            item_id, where = self._entry_id(entry, index, "pattern", problems)
            if not check_keys(entry, where, problems, {"id", "label", "description"}, set()) or not item_id:
                continue
            if self._claim("finding", item_id, problems, line_of(entry), where):
                self.pattern_map[item_id] = Pattern(
                    item_id,
                    text(entry, "label", where, problems) or item_id,
                    text(entry, "description", where, problems) or "",
                )
        self._finish(problems)

    def red_flags(self, name, doc):
        problems = Problems(name)
        for index, entry in yamlcheck.entries(doc, "red_flag", problems):
            item_id, where = self._entry_id(entry, index, "red_flag", problems)
            if not check_keys(entry, where, problems, {"id", "message", "sources"}, set()) or not item_id:
                continue
            if self._claim("red_flag", item_id, problems, line_of(entry), where):
                self.flag_map[item_id] = RedFlagDef(
                    item_id,
                    text(entry, "message", where, problems) or "",
                    self._sources(entry, "sources", where, problems),
                )
        self._finish(problems)

    def conditions(self, name, doc):
        problems = Problems(name)
        texts = ("name", "kind", "summary", "nerves", "mechanism", "evaluation", "management", "seek_care")
        required = set(texts) | {"id", "sources", "links"}
        for index, entry in yamlcheck.entries(doc, "condition", problems):
            item_id, where = self._entry_id(entry, index, "condition", problems)
            if not check_keys(entry, where, problems, required, {"aliases", "codes"}) or not item_id:
                continue
            if not self._claim("condition", item_id, problems, line_of(entry), where):
                continue
            values = {key: text(entry, key, where, problems) or "" for key in texts}
            if values["kind"] and values["kind"] not in CONDITION_KINDS:
                problems.add(
                    line_of(entry, "kind"),
                    f"{where}.kind",
                    f"{values['kind']!r} must be one of: {', '.join(CONDITION_KINDS)}",
                )
            codes = text_list(entry, "codes", where, problems)
            for i, code in enumerate(codes):
                if not code.startswith(CODE_PREFIXES):
                    problems.add(
                        line_of(entry["codes"], i), f"{where}.codes[{i}]", f"{code!r} must be an ORPHA: or OMIM: id"
                    )
            links = self._links(entry, where, problems, codes)
            self.condition_map[item_id] = Condition(
                id=item_id,
                aliases=text_list(entry, "aliases", where, problems),
                codes=codes,
                sources=self._sources(entry, "sources", where, problems),
                links=links,
                **values,
            )
        self._finish(problems)

    def _links(self, entry, where, problems: Problems, codes) -> tuple:
        value = entry.get("links")
        if not isinstance(value, list) or not value:
            problems.add(line_of(entry, "links"), f"{where}.links", "expected a non-empty list of links")
            return ()
        links, seen = [], set()
        for i, item in enumerate(value):
            spot = f"{where}.links[{i}]"
            symptom = text(item, "symptom", spot, problems) if isinstance(item, dict) else None
            source = self._source(item, spot, problems, extra={"symptom"}, optional={"role"})
            if not symptom or not source:
                continue
            if source.kind == "annotation" and source.ref not in codes:
                problems.add(
                    line_of(item, "annotation"),
                    spot,
                    f"annotation {source.ref!r} is not one of this condition's codes {list(codes)}",
                )
            key = (symptom, source.kind, source.ref)
            if key in seen:
                problems.add(line_of(item), spot, f"link to {symptom!r} from {source} is listed twice")
            seen.add(key)
            role = text(item, "role", spot, problems, default=_default_role(source))
            if role not in LINK_ROLES:
                problems.add(line_of(item, "role"), f"{spot}.role", f"{role!r} must be one of: {', '.join(LINK_ROLES)}")
                continue
            links.append(Link(symptom, source, role))
            self.pending_links.append((problems, line_of(item, "symptom"), spot, symptom))
        return tuple(links)

    def rules(self, name, doc):
        problems = Problems(name)
        optional = {"strength"} | set(CONCLUSIONS)
        for index, entry in yamlcheck.entries(doc, "rule", problems):
            item_id, where = self._entry_id(entry, index, "rule", problems, pattern=RULE_ID)
            if not check_keys(entry, where, problems, {"id", "when", "explanation", "sources"}, optional):
                continue
            if not item_id or not self._claim("rule", item_id, problems, line_of(entry), where):
                continue
            rule = self._rule(entry, item_id, where, problems)
            if rule:
                self.rule_list.append(rule)
        self._finish(problems)

    def _rule(self, entry, item_id, where, problems: Problems):
        when = entry["when"]
        if not check_keys(when, f"{where}.when", problems, set(), {"all", "any", "at_least", "absent"}):
            return None
        all_of = text_list(when, "all", f"{where}.when", problems, pattern=ID)
        any_of = text_list(when, "any", f"{where}.when", problems, pattern=ID)
        absent = text_list(when, "absent", f"{where}.when", problems, pattern=ID)
        at_least = when.get("at_least", 1 if any_of else 0)
        if not all_of and not any_of:
            problems.add(line_of(when), f"{where}.when", "needs at least one finding in 'all' or 'any'")
        if "at_least" in when and not any_of:
            problems.add(line_of(when, "at_least"), f"{where}.when.at_least", "only makes sense with 'any'")
        elif (
            isinstance(at_least, bool) or not isinstance(at_least, int) or (any_of and not 1 <= at_least <= len(any_of))
        ):
            problems.add(
                line_of(when, "at_least"),
                f"{where}.when.at_least",
                f"must be a whole number from 1 to {len(any_of)} (the length of 'any')",
            )
            at_least = 1
        repeated = sorted({x for x in all_of + any_of + absent if (all_of + any_of + absent).count(x) > 1})
        if repeated:
            problems.add(line_of(when), f"{where}.when", f"lists {', '.join(repeated)} more than once")
        given = [key for key in CONCLUSIONS if key in entry]
        if len(given) != 1:
            problems.add(line_of(entry), where, f"needs exactly one of: {', '.join(CONCLUSIONS)}")
            return None
        conclusion = given[0]
        target = entry[conclusion]
        if not isinstance(target, str) or not ID.match(target):
            problems.add(line_of(entry, conclusion), f"{where}.{conclusion}", f"{target!r} is not a valid id")
            return None
        strength = text(entry, "strength", where, problems)
        if conclusion == "suggest" and strength not in STRENGTHS:
            problems.add(
                line_of(entry, "strength" if "strength" in entry else None),
                f"{where}.strength",
                f"a suggestion needs a strength, one of: {', '.join(STRENGTHS)}",
            )
        if conclusion != "suggest" and "strength" in entry:
            problems.add(line_of(entry, "strength"), f"{where}.strength", "only suggestions have a strength")
        rule = Rule(
            id=item_id,
            all=all_of,
            any=any_of,
            at_least=at_least if any_of else 0,
            absent=absent,
            conclusion=conclusion,
            target=target,
            strength=strength if conclusion == "suggest" else None,
            explanation=text(entry, "explanation", where, problems) or "",
            sources=self._sources(entry, "sources", where, problems),
            origin=f"{problems.name}:{line_of(entry)}",
            order=len(self.rule_list),
        )
        self.rule_where[item_id] = (problems, entry, when, where)
        return rule

    # -- references across files ---------------------------------------------------------------------
    def cross_check(self):
        for problems, line, where, source in self.pending_sources:
            if source.ref not in self.sections:
                problems.add(
                    line,
                    where,
                    f"article section {source.ref!r} is not a heading of the article (see data/article.yaml)",
                )
        for problems, line, where, symptom in self.pending_links:
            if symptom not in self.symptom_map:
                problems.add(line, where, f"unknown symptom {symptom!r}{_close(symptom, self.symptom_map)}")
        self._check_synonyms()
        inferred = {r.target for r in self.rule_list if r.conclusion == "infer"}
        suggested = {r.target for r in self.rule_list if r.conclusion == "suggest"}
        raised = {r.target for r in self.rule_list if r.conclusion == "red_flag"}
        findings = set(self.symptom_map) | set(self.pattern_map)
        for rule in self.rule_list:
            problems, entry, when, where = self.rule_where[rule.id]
            for key, refs in (("all", rule.all), ("any", rule.any)):
                for ref in refs:
                    if ref not in findings:
                        problems.add(
                            line_of(when, key), f"{where}.when.{key}", f"unknown finding {ref!r}{_close(ref, findings)}"
                        )
            for ref in rule.absent:
                if ref not in self.symptom_map:
                    problems.add(
                        line_of(when, "absent"),
                        f"{where}.when.absent",
                        f"{ref!r} is not a symptom or history item (only those can be reported absent)",
                    )
            known = {"infer": self.pattern_map, "suggest": self.condition_map, "red_flag": self.flag_map}
            if rule.target not in known[rule.conclusion]:
                problems.add(
                    line_of(entry, rule.conclusion),
                    f"{where}.{rule.conclusion}",
                    f"unknown {rule.conclusion.replace('_', ' ')} "
                    f"target {rule.target!r}{_close(rule.target, known[rule.conclusion])}",
                )
        for ids, done, what in (
            (self.pattern_map, inferred, "pattern is never inferred by a rule"),
            (self.condition_map, suggested, "condition is never suggested by a rule"),
            (self.flag_map, raised, "red flag is never raised by a rule"),
        ):
            for item_id in ids:
                if item_id not in done:
                    self.extra.append(f"{self._origin_of(item_id)}: {item_id}: {what}")

    def _origin_of(self, item_id):
        for (namespace, known), origin in self.origins.items():
            if known == item_id and namespace != "rule":
                return origin
        return "?"

    def _check_synonyms(self):
        owner: dict = {}
        for symptom in self.symptom_map.values():
            for phrase in symptom.names:
                key = normalize(phrase)
                other = owner.setdefault(key, symptom.id)
                if other != symptom.id:
                    self.extra.append(
                        f"{self.origins[('finding', symptom.id)]}: symptom {symptom.id!r}: "
                        f"phrase {phrase!r} also names {other!r}; a phrase must name one finding"
                    )


def _file_line_key(problem: str):
    name, _, rest = problem.partition(":")
    line = rest.split(":", 1)[0]
    return name, int(line) if line.isdigit() else 0


def _default_role(source: Source) -> str:
    """Article links are typical unless marked; annotations follow their frequency category."""
    if source.kind == "article" or source.frequency in ("frequent", "not stated"):
        return "typical"
    return "hallmark" if source.frequency in ("obligate", "very frequent") else "possible"


def _close(word, choices) -> str:
    near = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""
