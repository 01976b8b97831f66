"""Checks across files, once everything is read: references resolve, nothing is unused."""

from ..limits import MAX_RULES
from ..records import replace
from .build_base import BuilderBase, close_match
from .build_cycles import cycle_problems
from .catalog import named_among
from .quoting import shown
from .text import normalize
from .yamlcheck import line_of


class CrossChecker(BuilderBase):
    def cross_check(self):
        self._check_citations()
        for problems, line, where, symptom in self.pending_links + self.pending_both_sides:
            if symptom not in self.symptom_map:
                problems.add(line, where, f"unknown symptom {shown(symptom)}{close_match(symptom, self.symptom_map)}")
        self._derive_worsening()
        self._check_synonyms()
        inferred = {r.target for r in self.rule_list if r.conclusion == "infer"}
        suggested = {r.target for r in self.rule_list if r.conclusion == "suggest"}
        raised = {r.target for r in self.rule_list if r.conclusion == "red_flag"}
        for rule in self.rule_list:
            self.check_rule_refs(rule)
        cycle_problems(self.rule_list, self.rule_where)
        if len(self.rule_list) > MAX_RULES:
            self.extra.append(f"{len(self.rule_list)} rules, over the limit of {MAX_RULES} rules per knowledge folder")
        for ids, done, what in (
            (self.pattern_map, inferred, "pattern is never inferred by a rule"),
            (self.condition_map, suggested, "condition is never suggested by a rule"),
            (self.flag_map, raised, "red flag is never raised by a rule"),
        ):
            for item_id in ids:
                if item_id not in done:
                    self.extra.append(f"{self._origin_of(item_id)}: {item_id}: {what}")

    def check_rule_refs(self, rule):
        """Every finding and the conclusion of ``rule`` must be known (a did-you-mean when one is close)."""
        findings = self.symptom_map.keys() | self.pattern_map.keys()
        problems, entry, when, where = self.rule_where[rule.id]
        for key, refs in (("all", rule.all), ("any", rule.any)):
            for ref in refs:
                if ref not in findings:
                    problems.add(
                        line_of(when, key),
                        f"{where}.when.{key}",
                        f"unknown finding {shown(ref)}{close_match(ref, findings)}",
                    )
        for ref in rule.absent:
            if ref not in self.symptom_map:
                problems.add(
                    line_of(when, "absent"),
                    f"{where}.when.absent",
                    f"{shown(ref)} is not a symptom or history item (only those can be reported absent)",
                )
        known = {"infer": self.pattern_map, "suggest": self.condition_map, "red_flag": self.flag_map}
        if rule.target not in known[rule.conclusion]:
            hint = close_match(rule.target, known[rule.conclusion])
            if not hint and rule.conclusion == "suggest":  # a name or alias `show` takes: "lupus", "GBS"
                named = named_among(self.condition_map.values(), rule.target)
                hint = f" (did you mean {shown(named.id)}?)" if named else ""
            problems.add(
                line_of(entry, rule.conclusion),
                f"{where}.{rule.conclusion}",
                f"unknown {rule.conclusion.replace('_', ' ')} target {shown(rule.target)}{hint}",
            )

    def _check_citations(self):
        """An article citation must name a heading, and the heading's section must mention what it is
        cited for (data/article.yaml lists the concepts of each section)."""
        known = set(self.symptom_map) | set(self.pattern_map) | set(self.condition_map) | set(self.flag_map)
        for problems, line, where, concept in self.pending_concepts:
            if concept not in known:
                problems.add(line, where, f"unknown concept {shown(concept)}{close_match(concept, known)}")
        for problems, line, where, source, cites in self.pending_sources:
            if source.ref not in self.sections:
                problems.add(
                    line,
                    where,
                    f"article section {shown(source.ref)} is not a heading of the article (see data/article.yaml)",
                )
                continue
            unsupported = [c for c in dict.fromkeys(cites) if c not in self.concepts.get(source.ref, ())]
            if unsupported:
                problems.add(
                    line,
                    where,
                    f"article section {shown(source.ref)} does not mention {', '.join(unsupported)}: cite a source "
                    "that supports this (the section's concepts are listed in data/article.yaml)",
                )

    def _origin_of(self, item_id):
        for (namespace, known), origin in self.origins.items():
            if known == item_id and namespace != "rule":
                return origin
        return "?"

    def _derive_worsening(self):
        """ "X getting worse every day" names the quickly worsening form of finding X: the phrases are built
        from X's names, so every wording of X works; a phrase another finding already owns stays its own."""
        taken = {normalize(p): s.id for s in self.symptom_map.values() for p in s.names}
        # How people say a finding is worsening quickly, after or before its name (data/words.yaml).
        after = [" ".join(cue) for cue in self.word_lists.worsening_after]
        before = [" ".join(cue) for cue in self.word_lists.worsening_before]
        for problems, line, where, finding in self.pending_worsening:
            symptom, phrases = self.symptom_map[finding], []
            for base in symptom.worsening_of:
                if base not in self.symptom_map or base == finding:
                    problems.add(line, f"{where}.worsening_of", f"{shown(base)} is not another symptom")
                    continue
                other = self.symptom_map[base]
                for name in (other.label,) + other.lay_synonyms + other.clinical_synonyms:
                    phrases += [f"{name} {words}" for words in after]
                    phrases += [f"{words} {name}" for words in before]
            own = [p for p in dict.fromkeys(phrases) if taken.get(normalize(p), finding) == finding]
            self.symptom_map[finding] = replace(symptom, derived_names=tuple(own))

    def _check_synonyms(self):
        owner: dict = {}
        for symptom in self.symptom_map.values():
            for phrase in symptom.names:
                key = normalize(phrase)
                other = owner.setdefault(key, symptom.id)
                if other != symptom.id:
                    self.extra.append(
                        f"{self.origins[('finding', symptom.id)]}: symptom {shown(symptom.id)}: "
                        f"phrase {shown(phrase)} also names {shown(other)}; a phrase must name one finding"
                    )
