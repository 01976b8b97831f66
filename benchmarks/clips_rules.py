"""The same rules run by CLIPS (through clipspy, a benchmark-only dependency: pip install '.[bench]').

Each YAML rule becomes one CLIPS rule over ``finding``, ``absent`` and ``group-met`` facts, as in our
engine: an "any ... at_least N" group is counted by ``hit`` facts and met by a rule that counts them;
a pattern rule asserts the finding it infers. Fired rules are recorded as ``fired`` facts, so the
benchmark can check that CLIPS and the explorer fire the same rules before comparing their speed.
"""

SALIENCE = {"red_flag": 30, "infer": 20, "suggest": 10}

TEMPLATES = """
(deftemplate finding (slot id))
(deftemplate absent (slot id))
(deftemplate hit (slot rule) (slot id))
(deftemplate group-met (slot rule))
(deftemplate fired (slot rule))
"""


def clips_source(kb) -> str:
    """CLIPS constructs for every rule of ``kb``."""
    parts = [TEMPLATES]
    for rule in kb.rules:
        name = f"r{rule.order}"
        if rule.any:
            alternatives = "|".join(rule.any)
            parts.append(
                f"(defrule {name}-hit (declare (salience 100)) (finding (id ?f&{alternatives}))"
                f" => (assert (hit (rule {name}) (id ?f))))"
            )
            parts.append(
                f"(defrule {name}-group (declare (salience 90)) (hit (rule {name})) (not (group-met (rule {name})))"
                f" (test (>= (length$ (find-all-facts ((?h hit)) (eq ?h:rule {name}))) {rule.at_least}))"
                f" => (assert (group-met (rule {name}))))"
            )
        conditions = [f"(finding (id {ref}))" for ref in rule.all]
        if rule.any:
            conditions.append(f"(group-met (rule {name}))")
        conditions += [f"(absent (id {ref}))" for ref in rule.absent]
        action = f"(assert (fired (rule {rule.id})))"
        if rule.conclusion == "infer":
            action += f" (assert (finding (id {rule.target})))"
        parts.append(
            f"(defrule {name} (declare (salience {SALIENCE[rule.conclusion]})) {' '.join(conditions)} => {action})"
        )
    return "\n".join(parts)


class ClipsEngine:
    """A CLIPS environment loaded with ``kb``'s rules; ``run`` is reset + assert + run, like Engine.run."""

    def __init__(self, kb):
        import clips

        self.clips = clips
        self.env = clips.Environment()
        for construct in _constructs(clips_source(kb)):
            self.env.build(construct)
        self.finding = self.env.find_template("finding")
        self.absent = self.env.find_template("absent")

    def run(self, present, absent) -> None:
        symbol = self.clips.Symbol
        self.env.reset()
        for finding in sorted(present):
            self.finding.assert_fact(id=symbol(finding))
        for finding in sorted(absent):
            self.absent.assert_fact(id=symbol(finding))
        self.env.run()

    def fired(self) -> set:
        return {str(fact["rule"]) for fact in self.env.facts() if fact.template.name == "fired"}


def _constructs(source: str):
    """Split CLIPS source into top-level constructs (clipspy builds one at a time)."""
    depth, start = 0, None
    for i, char in enumerate(source):
        if char == "(":
            if depth == 0:
                start = i
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                yield source[start : i + 1]
