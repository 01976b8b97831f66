"""Reader for the rule files."""

from collections import Counter

from . import yamlcheck
from .build_base import (
    CONCLUSIONS,
    BuilderBase,
)
from .quoting import shown
from .records import (
    STRENGTHS,
    Rule,
)
from .yamlcheck import ID, RULE_ID, Problems, check_keys, line_of, text, text_list


class RulesReader(BuilderBase):
    def rules(self, name, doc):
        problems = Problems(name)
        optional = {"strength", "group"} | set(CONCLUSIONS)
        for index, entry in yamlcheck.entries(doc, "rule", problems):
            item_id, where = self._entry_id(entry, index, "rule", problems, pattern=RULE_ID)
            if not check_keys(entry, where, problems, {"id", "when", "explanation", "sources"}, optional):
                continue
            if not item_id or not self._claim("rule", item_id, problems, line_of(entry), where):
                continue
            # without 'when' (reported by check_keys as a missing key) there is no rule to read
            rule = self._rule(entry, item_id, where, problems) if "when" in entry else None
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
        # Counted once (not list.count per item), so a rule listing thousands of findings stays linear.
        repeated = sorted(x for x, n in Counter(all_of + any_of + absent).items() if n > 1)
        if repeated:
            problems.add(line_of(when), f"{where}.when", f"lists {', '.join(repeated)} more than once")
        given = [key for key in CONCLUSIONS if key in entry]
        if len(given) != 1:
            problems.add(line_of(entry), where, f"needs exactly one of: {', '.join(CONCLUSIONS)}")
            return None
        conclusion = given[0]
        target = entry[conclusion]
        if not isinstance(target, str) or not ID.match(target):
            problems.add(line_of(entry, conclusion), f"{where}.{conclusion}", f"{shown(target)} is not a valid id")
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
            group=text(entry, "group", where, problems, default=""),
            sources=self._sources(entry, "sources", where, problems, cites=all_of + any_of, scope=(target,)),
            origin=f"{problems.name}:{line_of(entry)}",
            order=len(self.rule_list),
        )
        self.rule_where[item_id] = (problems, entry, when, where)
        return rule

    # -- references across files ---------------------------------------------------------------------
