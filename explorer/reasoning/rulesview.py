"""The knowledge base seen by a class: every rule as data for IF ... THEN ..., grouped by what it
concludes, and the knowledge network (findings -> patterns -> conditions and red flags) as nodes and
edges, with the path one case fired."""

from dataclasses import dataclass

from ..knowledge.catalog import find_condition
from ..knowledge.loader import load_knowledge
from ..knowledge.records import KnowledgeBase, Rule, Source
from ..knowledge.urgency import URGENCY_LABELS
from ..language.vocabulary import vocabulary_for
from .brief import counted, counted_with_names
from .compare import findings_behind
from .engine import SALIENCE
from .folding import FoldedSteps, count_rules, folded_rules
from .result import Result, TraceStep
from .result_data import source_dict

KIND_ORDER = {"red_flag": 0, "infer": 1, "suggest": 2}


@dataclass(frozen=True)
class RuleView:
    """One rule, ready to read as IF all AND at least N of any AND NOT absent THEN conclusion."""

    id: str
    all: tuple[tuple[str, str], ...]  # (id, label)
    any: tuple[tuple[str, str], ...]
    at_least: int
    absent: tuple[tuple[str, str], ...]
    conclusion: str  # "infer", "suggest" or "red_flag"
    target: str
    target_label: str
    strength: str | None
    salience: int
    explanation: str
    sources: tuple[Source, ...]
    origin: str
    group: str = ""  # "annotations" for the generated rules; "" for the hand-written teaching rules
    from_pack: bool = False  # a learner's rule from a rule pack (--rules), marked as theirs

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py)."""
        return f"<RuleView {self.id}: {self.conclusion} {self.target_label}" + (
            f", {self.strength}>" if self.strength else ">"
        )

    def to_dict(self) -> dict:
        pairs = lambda items: [{"id": i, "label": label} for i, label in items]  # noqa: E731
        return {
            "id": self.id,
            "if": {"all": pairs(self.all), "any": pairs(self.any), "at_least": self.at_least},
            "unless": pairs(self.absent),
            "then": {"kind": self.conclusion, "id": self.target, "label": self.target_label},
            "strength": self.strength,
            "salience": self.salience,
            "explanation": self.explanation,
            "sources": [source_dict(s) for s in self.sources],
            "origin": self.origin,
            "group": self.group or None,
        } | ({"from_pack": True} if self.from_pack else {})


@dataclass(frozen=True)
class RuleGroup:
    conclusion: str
    target: str
    label: str
    rules: tuple[RuleView, ...]

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py): a list of every group would print as some 37,000 characters."""
        return f"<RuleGroup {self.label} ({self.conclusion}): {counted_with_names((r.id for r in self.rules), 'rule')}>"

    def to_dict(self) -> dict:
        return {
            "kind": self.conclusion,
            "id": self.target,
            "label": self.label,
            "rules": [r.to_dict() for r in self.rules],
        }


def target_label(kb: KnowledgeBase, conclusion: str, target: str) -> str:
    if conclusion == "suggest":
        return kb.conditions[target].name
    if conclusion == "red_flag":
        return target.replace("_", " ")
    return kb.label(target)


def rule_view(kb: KnowledgeBase, rule: Rule) -> RuleView:
    labelled = lambda ids: tuple((i, kb.label(i)) for i in ids)  # noqa: E731
    return RuleView(
        rule.id,
        labelled(rule.all),
        labelled(rule.any),
        rule.at_least,
        labelled(rule.absent),
        rule.conclusion,
        rule.target,
        target_label(kb, rule.conclusion, rule.target),
        rule.strength,
        SALIENCE[rule.conclusion],
        rule.explanation,
        rule.sources,
        rule.origin,
        rule.group,
        rule.from_pack,
    )


def rule_groups(
    kb: KnowledgeBase | None = None, for_condition: str = "", uses: str = "", group: str | None = ""
) -> tuple[RuleGroup, ...]:
    """The rules, grouped by what they conclude (red flags, patterns, then conditions), in file order
    within a group. ``group``: the rules of that named group ("annotations"); "" (the default) the
    hand-written teaching rules, which belong to none; None every rule. ``for_condition``: only the rules
    concluding it and the pattern rules they build on. ``uses``: only the rules using that finding,
    directly or through a pattern. An unknown name matches nothing (the caller says so)."""
    kb = kb or load_knowledge()
    rules = [r for r in kb.rules if group is None or r.group == group]
    if for_condition:
        condition = find_condition(kb, for_condition)
        wanted = {condition.id} if condition else set()
        rules = [r for r in rules if r.target in _upstream(kb, wanted)]
    if uses:
        symptom = vocabulary_for(kb).resolve(uses).symptom
        finding = symptom.id if symptom else None
        rules = [r for r in rules if finding in findings_behind(kb, (*r.all, *r.any, *r.absent))]
    groups: dict = {}
    for rule in rules:
        groups.setdefault((rule.conclusion, rule.target), []).append(rule_view(kb, rule))
    ordered = sorted(groups.items(), key=lambda item: (KIND_ORDER[item[0][0]], item[1][0].target_label.lower()))
    return tuple(RuleGroup(kind, target, views[0].target_label, tuple(views)) for (kind, target), views in ordered)


def _upstream(kb: KnowledgeBase, targets: set) -> set:
    """``targets`` and every pattern the rules concluding them build on, transitively."""
    found, todo = set(targets), list(targets)
    while todo:
        target = todo.pop()
        for rule in kb.rules:
            if rule.target == target:
                for item in (*rule.all, *rule.any):
                    if item in kb.patterns and item not in found:
                        found.add(item)
                        todo.append(item)
    return found


@dataclass(frozen=True)
class Node:
    id: str  # "finding:numbness", "pattern:...", "condition:...", "red_flag:..."
    kind: str
    label: str
    fired: bool = False


@dataclass(frozen=True)
class Edge:
    source: str  # node id
    target: str
    rule: str
    negated: bool = False  # the rule needs the source finding to be reported absent
    fired: bool = False


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def __repr__(self) -> str:
        """Short, for a Python shell (brief.py): the whole network would print as some 24,000 characters."""
        fired = sum(e.fired for e in self.edges)
        return f"<Network: {counted(len(self.nodes), 'node')}, {counted(len(self.edges), 'edge')}, {fired} fired>"

    def to_dict(self) -> dict:
        return {
            "nodes": [{"id": n.id, "kind": n.kind, "label": n.label, "fired": n.fired} for n in self.nodes],
            "edges": [
                {"from": e.source, "to": e.target, "rule": e.rule, "negated": e.negated, "fired": e.fired}
                for e in self.edges
            ],
        }


def _node_id(kb: KnowledgeBase, fact: str, conclusion: str = "") -> str:
    if conclusion == "suggest":
        return f"condition:{fact}"
    if conclusion == "red_flag":
        return f"red_flag:{fact}"
    return f"pattern:{fact}" if fact in kb.patterns else f"finding:{fact}"


def flag_label(name: str, level: str) -> str:
    """A red-flag node's label, with its urgency level: "Red flag (emergency now): trouble breathing"."""
    return f"Red flag ({URGENCY_LABELS[level].lower()}): {name}" if level in URGENCY_LABELS else f"Red flag: {name}"


def knowledge_network(kb: KnowledgeBase | None = None, result: Result | None = None, only_fired=False) -> Network:
    """The network every rule draws; with ``result``, the edges and nodes its firings used are marked
    fired (``only_fired`` keeps just those: one case's fired path)."""
    kb = kb or load_knowledge()
    fired = {(t.rule, f) for t in (result.trace if result else ()) for f in (*t.matched_present, *t.matched_absent)}
    edges, labels = [], {}
    for rule in kb.rules:
        target = _node_id(kb, rule.target, rule.conclusion)
        label = target_label(kb, rule.conclusion, rule.target)
        if rule.conclusion == "red_flag":
            flag = kb.red_flags.get(rule.target)
            label = flag_label(label, flag.level if flag else "")
        labels[target] = (rule.conclusion, label)
        for fact, negated in [(f, False) for f in (*rule.all, *rule.any)] + [(f, True) for f in rule.absent]:
            source = _node_id(kb, fact)
            labels[source] = ("pattern" if source.startswith("pattern:") else "finding", kb.label(fact))
            edges.append(Edge(source, target, rule.id, negated, (rule.id, fact) in fired))
    if only_fired:
        edges = [e for e in edges if e.fired]
    used = {e.target for e in edges if e.fired} | {e.source for e in edges if e.fired}
    kept = {e.source for e in edges} | {e.target for e in edges}
    kind_name = {"infer": "pattern", "suggest": "condition", "red_flag": "red_flag"}
    nodes = [
        Node(node, kind_name.get(kind, kind), label, node in used)
        for node, (kind, label) in labels.items()
        if node in kept
    ]
    order = {"finding": 0, "pattern": 1, "red_flag": 2, "condition": 3}
    nodes.sort(key=lambda n: (order[n.kind], n.label.lower()))
    edges = sorted(set(edges), key=lambda e: (e.source, e.target, e.rule))
    return Network(tuple(nodes), tuple(edges))


def _add_fold(fold: FoldedSteps, t: TraceStep, nodes: dict, edges: set) -> None:
    """The fold's node (drawn as an intermediate step), its one arrow to the condition, and an unlabelled
    arrow from each finding the firing ``t`` matched."""
    middle, target = f"pattern:{fold.group}.{fold.target}", f"condition:{fold.target}"
    count = count_rules(fold.group, len(fold.rules))
    nodes.setdefault(middle, Node(middle, "pattern", f"HPO annotations of {', '.join(fold.codes)} ({count})", True))
    nodes.setdefault(target, Node(target, "condition", fold.target_label, True))
    edges.add(Edge(middle, target, count, False, True))
    for fact, label in zip(t.matched_present, t.matched_labels):
        source = f"finding:{fact}"
        nodes.setdefault(source, Node(source, "finding", label, True))
        edges.add(Edge(source, middle, "", False, True))


def fired_network(result: Result, expand: bool = False) -> Network:
    """One case's fired path, from its trace alone (no knowledge base needed): the same nodes and edges
    as ``knowledge_network(kb, result, only_fired=True)``. Unless ``expand``, a group's firings for one
    condition (annotation rules) pass through one node that says how many rules and which codes."""
    patterns = {t.target for t in result.trace if t.conclusion == "infer"}
    levels = {f.id: f.level for f in result.red_flags}
    kind_name = {"infer": "pattern", "suggest": "condition", "red_flag": "red_flag"}
    nodes: dict[str, Node] = {}
    edges: set[Edge] = set()
    folds = {} if expand else folded_rules(result.trace)
    for t in result.trace:
        if t.rule in folds:
            _add_fold(folds[t.rule], t, nodes, edges)
            continue
        prefix = kind_name[t.conclusion]
        label = t.target_label
        if t.conclusion == "red_flag":
            label = flag_label(label.replace("_", " "), levels.get(t.target, ""))
        target = f"{prefix}:{t.target}"
        nodes[target] = Node(target, prefix, label, True)
        matched = [(f, label, False) for f, label in zip(t.matched_present, t.matched_labels)]
        matched += [(f, label, True) for f, label in zip(t.matched_absent, t.matched_absent_labels)]
        for fact, fact_label, negated in matched:
            kind = "pattern" if fact in patterns else "finding"
            source = f"{kind}:{fact}"
            nodes.setdefault(source, Node(source, kind, fact_label, True))
            edges.add(Edge(source, target, t.rule, negated, True))
    order = {"finding": 0, "pattern": 1, "red_flag": 2, "condition": 3}
    ordered = sorted(nodes.values(), key=lambda n: (order[n.kind], n.label.lower()))
    return Network(tuple(ordered), tuple(sorted(edges, key=lambda e: (e.source, e.target, e.rule))))
