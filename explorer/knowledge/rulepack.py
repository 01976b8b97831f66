"""Rule packs: a learner's rules (and new patterns or conditions) added to the built-in knowledge for one run.

A pack is one YAML text: a list of rules in the shape of ``rules/*.yaml``, or a mapping with ``rules:`` and,
optionally, ``patterns:`` and ``conditions:`` in the shapes of ``data/patterns.yaml`` and
``data/conditions.yaml``. ``apply_pack(base, text, source)`` checks it with the loader's own readers, so every
problem reads as ``check`` says it (``SOURCE:line: where: what``, with a did-you-mean for an unknown id), and
returns ``(base plus the pack, RulePack)``: the pack's rules carry ``Rule.from_pack`` and the base names them
(``KnowledgeBase.pack``), so every output made with them can say they are not the explorer's own.

Refused by name, because a class exercise must never pass for the explorer's answer or hide a warning:
an id the explorer already uses (a pack adds knowledge, it never replaces or changes any), a rule that
raises a red flag and a pack that defines one (red flags are the explorer's own safety knowledge), a
``salience`` (the engine orders firings by the kind of conclusion, red flags first, inference.py) and a
``group`` (a group's firings are folded out of sight in traces). A pack's rules only ever add facts, and
experta fires every activation in the end, so each red flag the built-in rules raise still fires.

Bounded (limits.py), so no pack can hang a run: its size in bytes, its nesting (yamlsource.py, which also
refuses an alias inside itself), the values it holds once aliases are expanded (an "alias bomb" is refused
before any reader walks it), its rule count, and the problems reported.
"""

import functools
import stat
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..errors import KnowledgeError
from ..limits import MAX_PACK_BYTES, MAX_PACK_NODES, MAX_PACK_PROBLEMS, MAX_PACK_RULE_FINDINGS, MAX_PACK_RULES
from ..records import replace
from .build_base import close_match
from .build_cycles import cycles
from .builder import Builder
from .quoting import shown
from .records import KnowledgeBase, RulePack
from .yamlcheck import Problems, check_keys, line_of, type_name
from .yamlsource import LocatedList, load_yaml_text

PACK_KEYS = ("rules", "patterns", "conditions")
# Keys a pack's rule may not hold, and why (each named in the message that refuses it).
REFUSED_RULE_KEYS = {
    "red_flag": "a rule pack may suggest a condition or infer a pattern, not raise a red flag "
    "(red flags are the explorer's own safety knowledge)",
    "salience": "a rule pack cannot set a salience: the engine orders firings by the kind of conclusion, "
    "red flags first, so no rule of a pack can fire before or instead of a red flag",
    "group": "a rule pack's rules cannot join a group (a group's firings are folded out of sight in traces)",
}


def apply_pack(base: KnowledgeBase, text: str, source: str) -> tuple[KnowledgeBase, RulePack]:
    """The knowledge of ``base`` plus the rule pack ``text`` (YAML), named ``source`` in every message;
    raises KnowledgeError listing every problem found (at most MAX_PACK_PROBLEMS of them)."""
    if not isinstance(source, str) or not source.strip() or not source.isprintable() or len(source) > 200:
        source = "rule pack"  # a name every output shows: a page's upload may name it anything
    if not isinstance(text, str):
        raise KnowledgeError([f"{source}: a rule pack must be text, got {type_name(text)}"])
    return _apply(base, text, source)


def read_pack(path: str | Path) -> str:
    """The text of the rule pack file ``path``, read in bounded memory; KnowledgeError naming ``path`` when
    it cannot be read, is not a regular file, is past MAX_PACK_BYTES or is not UTF-8."""
    shown_path = str(path)
    try:
        entry = Path(path)
        if not stat.S_ISREG(entry.stat().st_mode):
            raise KnowledgeError([f"{shown_path}: not a regular file"])
        with entry.open("rb") as stream:
            raw = stream.read(MAX_PACK_BYTES + 1)
    except OSError as exc:
        raise KnowledgeError([f"{shown_path}: cannot be read: {exc.strerror or type(exc).__name__}"]) from None
    if len(raw) > MAX_PACK_BYTES:
        raise KnowledgeError([f"{shown_path}: larger than {MAX_PACK_BYTES:,} bytes, the limit for a rule pack"])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise KnowledgeError([f"{shown_path}: not valid UTF-8 text"]) from None


@functools.lru_cache(maxsize=8)  # a page sends the same pack with each request: its engine is built once
def _apply(base: KnowledgeBase, text: str, source: str) -> tuple[KnowledgeBase, RulePack]:
    parts = _parts(_parse(text, source), source)
    builder = _PackBuilder(base, source)
    if "patterns" in parts:
        builder.patterns(source, parts["patterns"])
    if "conditions" in parts:
        builder.conditions(source, parts["conditions"])
    builder.rules(source, _allowed_rules(parts.get("rules"), source, builder))
    builder.check_pack()
    problems = builder.problems
    if problems:
        shown_problems = problems[:MAX_PACK_PROBLEMS]
        if len(problems) > MAX_PACK_PROBLEMS:
            shown_problems.append(f"{source}: ... and {len(problems) - MAX_PACK_PROBLEMS:,} more problems")
        if builder.unchecked:
            shown_problems.append(
                f"{source}: {builder.unchecked:,} more rules not checked (fix the problems above first)"
            )
        raise KnowledgeError(shown_problems)
    rules = tuple(replace(rule, order=len(base.rules) + i, from_pack=True) for i, rule in enumerate(builder.rule_list))
    if not rules:
        raise KnowledgeError([f"{source}: the rule pack holds no rules"])
    patterns = tuple(p for p in builder.pattern_map if p not in base.patterns)
    conditions = tuple(c for c in builder.condition_map if c not in base.conditions)
    report = RulePack(source, tuple(r.id for r in rules), patterns, conditions)
    kb = replace(
        base,
        patterns=MappingProxyType(builder.pattern_map),
        conditions=MappingProxyType(builder.condition_map),
        rules=base.rules + rules,
        pack=report,
    )
    return kb, report


def _parse(text: str, source: str) -> Any:
    """The pack's document, refused before any reader walks it when it is too big in any way."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PACK_BYTES:
        raise KnowledgeError([f"{source}: {size:,} bytes, over the limit of {MAX_PACK_BYTES:,} bytes for a rule pack"])
    doc = load_yaml_text(text, source)
    values = _expanded_size(doc)
    if values > MAX_PACK_NODES:
        raise KnowledgeError(
            [
                f"{source}: holds more than {MAX_PACK_NODES:,} values once its aliases (*name) are expanded "
                "(the limit for a rule pack)"
            ]
        )
    return doc


def _expanded_size(doc: Any) -> int:
    """How many values ``doc`` holds with every alias expanded, counted without recursion and measuring
    each shared list or mapping once (so a doubling alias chain costs linear time); stops past the limit."""
    size: dict[int, int] = {}
    stack = [(doc, False)]
    while stack:
        node, done = stack.pop()
        children = list(node.values()) if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None or id(node) in size:
            continue
        if not done:
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        total = 1 + sum(size.get(id(c), 1) for c in children) + (len(children) if isinstance(node, dict) else 0)
        size[id(node)] = min(total, MAX_PACK_NODES + 1)
    return size.get(id(doc), 1)


def _parts(doc: Any, source: str) -> dict[str, Any]:
    """The pack's lists by kind: a list is rules alone; a mapping names its lists."""
    if isinstance(doc, list):
        return {"rules": doc}
    problems = Problems(source)
    if doc is None:
        problems.add(1, "rule pack", "is empty: write a list of rules (symptom-explorer rules new writes one)")
    elif check_keys(doc, "rule pack", problems, set(), set(PACK_KEYS) | {"red_flags"}):
        if "red_flags" in doc:
            problems.add(
                line_of(doc, "red_flags"),
                "rule pack.red_flags",
                "a rule pack cannot define red flags (they are the explorer's own safety knowledge)",
            )
        if "rules" not in doc:
            problems.add(line_of(doc), "rule pack", "missing required key 'rules'")
    if problems.items:
        raise KnowledgeError(problems.items)
    return {key: doc[key] for key in PACK_KEYS if key in doc}


def _allowed_rules(rules: Any, source: str, builder: "_PackBuilder") -> Any:
    """The pack's rule list without the entries a pack may not hold (each refused by name); the count is
    checked first, so an oversized pack is refused before its rules are read."""
    if not isinstance(rules, list):
        return rules  # the rules reader says what is wrong with it
    if len(rules) > MAX_PACK_RULES:
        over = f"{len(rules):,} rules, over the limit of {MAX_PACK_RULES:,} for a rule pack"
        raise KnowledgeError([f"{source}:{line_of(rules)}: rules: {over}"])
    problems = Problems(source)
    kept = LocatedList()
    kept.line, kept.item_lines = line_of(rules), []
    for index, entry in enumerate(rules):
        refused = [key for key in REFUSED_RULE_KEYS if isinstance(entry, dict) and key in entry]
        name = entry.get("id") if isinstance(entry, dict) else None
        where = f"rule {shown(name)}" if isinstance(name, str) else f"rule[{index}]"
        for key in refused:
            problems.add(line_of(entry, key), f"{where}.{key}", REFUSED_RULE_KEYS[key])
        named = _named_findings(entry)
        if named > MAX_PACK_RULE_FINDINGS:
            refused.append("when")
            problems.add(
                line_of(entry, "when"),
                f"{where}.when",
                f"names {named:,} findings, over the limit of {MAX_PACK_RULE_FINDINGS} for a rule of a rule pack",
            )
        if not refused:
            kept.append(entry)
            kept.item_lines.append(line_of(rules, index))
    builder.files.append(problems)
    return kept


def _named_findings(entry: Any) -> int:
    """How many findings a rule entry's ``when`` lists name (0 for an entry of another shape)."""
    when = entry.get("when") if isinstance(entry, dict) else None
    if not isinstance(when, dict):
        return 0
    return sum(len(when[key]) for key in ("all", "any", "absent") if isinstance(when.get(key), list))


class _PackBuilder(Builder):
    """The loader's Builder, holding the base's knowledge already, reading only a pack's entries."""

    def __init__(self, base: KnowledgeBase, source: str):
        super().__init__()
        self.base, self.source = base, source
        self.unchecked = 0  # rules left unchecked once MAX_PACK_PROBLEMS problems were found
        self.symptom_map = dict(base.symptoms)
        self.pattern_map = dict(base.patterns)
        self.flag_map = dict(base.red_flags)
        self.condition_map = dict(base.conditions)
        self.sections = list(base.article_sections)
        self.concepts = dict(base.article_concepts)
        self.urgency_list = list(base.urgency)
        self.word_lists = base.words
        self.title = base.article_title

    def _claim(self, namespace: str, item_id: str, problems: Problems, line: int, where: str) -> bool:
        """A pack's id must be new: one of the explorer's own is refused by name, with where it is."""
        own = _own_origin(self.base, namespace, item_id)
        if own is None:
            return super()._claim(namespace, item_id, problems, line, where)
        rule = self.base.rule_index.get(item_id) if namespace == "rule" else None
        why = " (a rule that raises a red flag: a pack cannot remove or silence one)"
        problems.add(
            line,
            where,
            f"{shown(item_id)} is the explorer's own ({own}): a rule pack adds knowledge, it cannot replace "
            f"or change it; choose a new id{why if rule and rule.conclusion == 'red_flag' else ''}",
        )
        return False

    def check_pack(self) -> None:
        """The loader's checks across files, for the pack's entries only (the base passed them already)."""
        self._check_citations()
        for problems, line, where, symptom in self.pending_links:
            self.check_link(problems, line, where, symptom)
        for index, rule in enumerate(self.rule_list):
            if sum(len(p.items) for p in self.files) >= MAX_PACK_PROBLEMS:
                # each unknown id costs a did-you-mean search: enough has been said
                self.unchecked = len(self.rule_list) - index
                break
            self.check_rule_refs(rule)
        self._check_cycles()
        targets = {r.target for r in self.rule_list}
        for namespace, ids, what in (
            ("finding", self.pattern_map, "pattern is never inferred by a rule"),
            ("condition", self.condition_map, "condition is never suggested by a rule"),
        ):
            for item_id in ids:
                if (namespace, item_id) in self.origins and item_id not in targets:
                    self.extra.append(f"{self.origins[(namespace, item_id)]}: {item_id}: {what}")

    def check_link(self, problems: Problems, line: int, where: str, symptom: str) -> None:
        if symptom not in self.symptom_map:
            problems.add(line, where, f"unknown symptom {shown(symptom)}{close_match(symptom, self.symptom_map)}")

    def _check_cycles(self) -> None:
        """Pattern rules must not go round in a circle (build_cycles.py): the base has none, so any cycle
        runs through a rule of the pack, and is reported there."""
        mine = {r.id: r for r in self.rule_list if r.conclusion == "infer"}
        edges: dict = {}
        for rule in [r for r in self.base.rules if r.conclusion == "infer"] + list(mine.values()):
            for ref in dict.fromkeys(rule.all + rule.any):
                if ref == rule.target and rule.id in mine:
                    problems, _entry, when, where = self.rule_where[rule.id]
                    problems.add(line_of(when), f"{where}.when", f"pattern {shown(ref)} is inferred from itself")
                elif ref != rule.target:
                    edges.setdefault(rule.target, []).append((ref, rule.id))
        for path, rule_id in cycles(edges):
            if rule_id not in mine:  # closed by a built-in rule: name the pack's rule on the path
                on_path = [r.id for r in mine.values() if r.target in path and set(r.all + r.any) & set(path)]
                rule_id = (on_path or list(mine))[0]
            problems, _entry, when, where = self.rule_where[rule_id]
            problems.add(line_of(when), f"{where}.when", "pattern rules form a cycle: " + " <- ".join(path))


def _own_origin(base: KnowledgeBase, namespace: str, item_id: str) -> str | None:
    """Where the base defines ``item_id`` in ``namespace`` (the loader's namespaces), or None."""
    if namespace == "rule":
        rule = base.rule_index.get(item_id)
        return rule.origin if rule else None
    held = {
        "finding": (base.symptoms, base.patterns),
        "condition": (base.conditions,),
        "red_flag": (base.red_flags,),
    }.get(namespace, ())
    return f"{base.where or 'built-in'} knowledge" if any(item_id in ids for ids in held) else None
