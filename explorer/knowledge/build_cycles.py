"""Pattern rules must not go round in a circle: a pattern inferred from itself, directly or through
other patterns, can never fire for a real case and makes any search over the rules loop. The check
walks the graph without recursion and names each cycle's path once."""

from .quoting import shown
from .yamlcheck import line_of


def cycle_problems(rules, rule_where) -> None:
    """Add a problem at the rule that closes each cycle of pattern rules (``rule_where``: rule id ->
    (problems, entry, when, where), as the rules reader records it)."""
    edges: dict = {}  # pattern -> [(pattern it is inferred from, rule id)]
    for rule in rules:
        if rule.conclusion != "infer":
            continue
        problems, entry, when, where = rule_where[rule.id]
        for ref in dict.fromkeys(rule.all + rule.any):
            if ref == rule.target:
                problems.add(
                    line_of(when), f"{where}.when", f"pattern {shown(ref)} is inferred from itself (rule {rule.id})"
                )
            else:
                edges.setdefault(rule.target, []).append((ref, rule.id))
    for path, rule_id in cycles(edges):
        problems, entry, when, where = rule_where[rule_id]
        problems.add(line_of(when), f"{where}.when", "pattern rules form a cycle: " + " <- ".join(path))


def cycles(edges: dict):
    """Each cycle once, as (path of patterns, the rule that closes it)."""
    state: dict = {}  # pattern -> "open" while on the current path, "done" after
    for start in sorted(edges):
        if start in state:
            continue
        path, stack = [start], [iter(edges.get(start, ()))]
        state[start] = "open"
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = "done"
                stack.pop()
                continue
            ref, rule_id = step
            if state.get(ref) == "open":
                yield [*path[path.index(ref) :], ref], rule_id
            elif ref not in state and ref in edges:
                state[ref] = "open"
                path.append(ref)
                stack.append(iter(edges[ref]))
