"""Rule packs (knowledge/rulepack.py): a learner's rules join the built-in knowledge for one run, checked
as `check` checks a knowledge folder, marked as theirs, unable to touch a red flag, and bounded so that
no pack, however hostile, hangs a run or ends in a traceback."""

import time

import pytest

from explorer.errors import KnowledgeError
from explorer.knowledge.rulepack import apply_pack
from explorer.limits import MAX_PACK_BYTES, MAX_PACK_PROBLEMS, MAX_PACK_RULES
from explorer.reasoning.explore import explore

SJOGREN_RULE = """\
- id: lab.dry-eyes-and-mouth
  when:
    all: [dry_eyes, dry_mouth]
  suggest: sjogren_syndrome
  strength: moderate
  explanation: Dry eyes and a dry mouth together point to the glands Sjogren's syndrome attacks.
  sources:
    - reference: https://example.org/class-notes
"""


def rule(rule_id="lab.rule", when="all: [dry_eyes]", conclusion="suggest: sjogren_syndrome", extra=""):
    strength = "\n  strength: weak" if conclusion.startswith("suggest") else ""
    return (
        f"- id: {rule_id}\n  when:\n    {when}\n  {conclusion}{strength}\n"
        f"  explanation: A learner's rule.\n  sources:\n    - reference: https://example.org/notes\n{extra}"
    )


def refused(kb, text, source="pack.yaml") -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        apply_pack(kb, text, source)
    return caught.value.problems


def test_a_pack_adds_its_rules_marked_as_the_learners_and_they_fire(kb):
    joined, pack = apply_pack(kb, SJOGREN_RULE, "rules.yaml")
    assert pack.rules == ("lab.dry-eyes-and-mouth",) and joined.pack is pack
    added = joined.rule_index["lab.dry-eyes-and-mouth"]
    assert added.from_pack and added.origin == "rules.yaml:1" and added.order == len(kb.rules)
    assert not any(r.from_pack for r in kb.rules) and len(joined.rules) == len(kb.rules) + 1
    assert kb.pack is None and "lab.dry-eyes-and-mouth" not in kb.rule_index  # the base is untouched
    assert pack.note == (
        "Includes 1 rule from rules.yaml, not part of the explorer's knowledge (a learner's rule pack): "
        "lab.dry-eyes-and-mouth."
    )
    fired = [t.rule for t in explore(["dry eyes", "dry mouth"], kb=joined).trace]
    assert "lab.dry-eyes-and-mouth" in fired
    assert "lab.dry-eyes-and-mouth" not in [t.rule for t in explore(["dry eyes", "dry mouth"], kb=kb).trace]


CARD = """\
conditions:
  - id: lab_dry_syndrome
    name: Lab dry syndrome
    kind: pattern
    summary: A made-up condition for a class exercise.
    nerves: None in particular.
    mechanism: Made up.
    evaluation: Made up.
    management: Made up.
    seek_care: See a doctor about any symptom that worries you.
    sources: [{reference: https://example.org/notes}]
    links:
      - {symptom: dry_eyes, reference: https://example.org/notes}
patterns:
  - id: lab_dryness
    label: Dryness (lab)
    description: Dry eyes or mouth, as a class named it.
rules:
  - id: lab.dryness
    when: {any: [dry_eyes, dry_mouth]}
    infer: lab_dryness
    explanation: Either dryness counts.
    sources: [{reference: https://example.org/notes}]
  - id: lab.dry-syndrome
    when: {all: [lab_dryness]}
    suggest: lab_dry_syndrome
    strength: weak
    explanation: The lab's own condition.
    sources: [{reference: https://example.org/notes}]
"""


def test_a_pack_may_add_patterns_and_conditions_that_its_rules_use(kb):
    joined, pack = apply_pack(kb, CARD, "lab.yaml")
    assert pack.patterns == ("lab_dryness",) and pack.conditions == ("lab_dry_syndrome",)
    assert "Includes 2 rules, 1 pattern and 1 condition from lab.yaml" in pack.note
    assert "lab_dryness" not in kb.patterns and "lab_dry_syndrome" not in kb.conditions
    result = explore(["dry eyes"], kb=joined)
    assert "lab_dry_syndrome" in [s.condition.id for s in result.suggestions]


def test_unknown_ids_are_refused_with_file_line_and_a_did_you_mean(kb):
    problems = refused(kb, rule(when="all: [dry_eye]", conclusion="suggest: sjogren"))
    assert "pack.yaml:3: rule 'lab.rule'.when.all: unknown finding 'dry_eye' (did you mean 'dry_eyes'?)" in problems
    assert any(p.startswith("pack.yaml:4: ") and "did you mean 'sjogren_syndrome'?" in p for p in problems)


def test_a_condition_named_as_show_takes_it_gets_its_id_offered(kb):
    problems = refused(kb, rule(when="all: [butterfly_rash]", conclusion="suggest: lupus"))
    assert any("unknown suggest target 'lupus' (did you mean 'systemic_lupus_erythematosus'?)" in p for p in problems)


def test_a_rule_without_when_is_a_missing_key_not_a_crash(kb):
    text = "- id: lab.rule\n  if: {all: [numbness]}\n  suggest: sjogren_syndrome\n  explanation: x\n"
    problems = refused(kb, text)
    assert "pack.yaml:1: rule 'lab.rule': missing required key 'when'" in problems
    assert any("unknown key 'if'" in p for p in problems)


def test_a_pattern_a_pack_defines_but_never_infers_is_reported_as_check_does(kb):
    text = "patterns:\n  - {id: lab_unused, label: Unused, description: Never inferred.}\nrules:\n" + rule()
    assert refused(kb, text) == ["pack.yaml:2: lab_unused: pattern is never inferred by a rule"]


@pytest.mark.parametrize(
    "text, named",
    [
        (rule(rule_id="red-flag.breathing"), "'red-flag.breathing' is the explorer's own (explorer/rules/20_red_flags"),
        (rule(conclusion="red_flag: breathing"), "not raise a red flag"),
        (rule(extra="  salience: 99\n"), "cannot set a salience"),
        (rule(extra="  group: annotations\n"), "cannot join a group"),
        ("red_flags: []\nrules:\n" + rule().replace("- ", "  - ", 1).replace("\n  ", "\n    "), "cannot define red"),
        ("patterns: [{id: trouble_breathing, label: X, description: Y}]\nrules:\n" + rule(), "explorer's own"),
    ],
    ids=["existing-red-flag-rule-id", "raise-red-flag", "salience", "group", "red-flag-section", "finding-id"],
)
def test_a_pack_cannot_replace_raise_or_outrank_a_red_flag(kb, text, named):
    problems = refused(kb, text)
    assert any(named in p for p in problems), problems


def test_a_red_flag_still_fires_whatever_a_pack_infers_from_it(kb):
    text = rule(when="all: [trouble_breathing]", conclusion="infer: motor_nerve_symptoms")
    joined, _ = apply_pack(kb, text, "pack.yaml")
    assert [f.id for f in explore(["trouble breathing"], kb=joined).red_flags] == ["breathing"]


def test_an_existing_rule_id_and_a_repeated_one_are_refused(kb):
    problems = refused(kb, rule(rule_id="sjogren.sicca") + rule(rule_id="lab.twice") + rule(rule_id="lab.twice"))
    assert any("'sjogren.sicca' is the explorer's own (explorer/rules/40_autoimmune.yaml:" in p for p in problems)
    assert any("duplicate id 'lab.twice' (first defined at pack.yaml:9)" in p for p in problems)


def test_a_cycle_through_the_built_in_patterns_is_refused_with_its_path(kb):
    text = rule(when="all: [peripheral_nerve_involvement]", conclusion="infer: sensory_nerve_symptoms")
    (problem,) = refused(kb, text)
    assert problem.startswith("pack.yaml:3: rule 'lab.rule'.when: pattern rules form a cycle: ")
    assert "peripheral_nerve_involvement" in problem and "sensory_nerve_symptoms" in problem


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "pack.yaml:1: rule pack: is empty"),
        ("- id: [unclosed\n", "pack.yaml:2: "),
        ("rules: 3\n", "pack.yaml:1: rule: expected a list of entries, got a number"),
        ("patterns: []\n", "missing required key 'rules'"),
        ("rules: []\nextras: []\n", "unknown key 'extras' (allowed: conditions, patterns, red_flags, rules)"),
        ("rules: []\n", "pack.yaml: the rule pack holds no rules"),
    ],
)
def test_malformed_packs_get_a_message(kb, text, message):
    assert any(message in p for p in refused(kb, text)), refused(kb, text)


def test_a_pack_that_is_not_text_is_refused(kb):
    with pytest.raises(KnowledgeError, match="a rule pack must be text"):
        apply_pack(kb, b"- id: x", "pack.yaml")  # type: ignore[arg-type]


def quickly_refused(kb, text) -> list[str]:
    start = time.perf_counter()
    problems = refused(kb, text)
    assert time.perf_counter() - start < 5
    return problems


def test_a_huge_pack_is_refused_by_its_size(kb):
    text = SJOGREN_RULE + "# " + "x" * MAX_PACK_BYTES + "\n"
    assert quickly_refused(kb, text) == [
        f"pack.yaml: {len(text):,} bytes, over the limit of {MAX_PACK_BYTES:,} bytes for a rule pack"
    ]


def short_rule(number: int, finding: str = "dry_eyes") -> str:
    """One rule on one line, its sources an alias of the first rule's, so that 2,001 fit in the size limit."""
    sources = "&s [{reference: 'https://e.org'}]" if number == 0 else "*s"
    return (
        f"- {{id: r{number}, when: {{all: [{finding}]}}, infer: sicca_symptoms, explanation: x, sources: {sources}}}\n"
    )


def test_2001_rules_are_refused_and_2000_accepted(kb):
    many = "".join(short_rule(i) for i in range(MAX_PACK_RULES + 1))
    assert quickly_refused(kb, many) == ["pack.yaml:1: rules: 2,001 rules, over the limit of 2,000 for a rule pack"]
    enough = "".join(short_rule(i) for i in range(MAX_PACK_RULES))
    joined, pack = apply_pack(kb, enough, "pack.yaml")
    assert len(pack.rules) == MAX_PACK_RULES and len(joined.rules) == len(kb.rules) + MAX_PACK_RULES


def test_a_cyclic_alias_is_refused(kb):
    (problem,) = quickly_refused(kb, "rules: &loop [*loop]\n")
    assert problem.startswith("pack.yaml:1: an alias refers to a list or mapping that contains it")


def test_an_alias_bomb_is_refused_before_any_reader_walks_it(kb):
    bomb = ["a0: &a0 [dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 8)}]" for i in range(1, 9)]
    (problem,) = quickly_refused(kb, "\n".join(bomb) + "\nrules: *a8\n")
    assert "holds more than 100,000 values once its aliases (*name) are expanded" in problem


def test_a_deeply_nested_pack_is_refused(kb):
    (problem,) = quickly_refused(kb, "rules: " + "[" * 40 + "]" * 40 + "\n")
    assert "nested more than 32 levels deep (the limit)" in problem


def test_a_rule_naming_thousands_of_unknown_findings_is_refused_quickly(kb):
    findings = ", ".join(f"made_up_{i}" for i in range(5000))
    (problem,) = quickly_refused(kb, rule(when=f"all: [{findings}]"))
    assert "names 5,000 findings, over the limit of 50 for a rule of a rule pack" in problem


def test_thousands_of_unknown_ids_report_a_bounded_number_of_problems_quickly(kb):
    text = "".join(short_rule(i, finding=f"made_up_{i}") for i in range(MAX_PACK_RULES))
    problems = quickly_refused(kb, text)
    assert len(problems) == MAX_PACK_PROBLEMS + 1
    assert problems[-1] == "pack.yaml: 1,900 more rules not checked (fix the problems above first)"


def test_a_long_pack_is_named_by_its_first_rules_then_counted(kb):
    text = "".join(short_rule(i) for i in range(30))
    note = apply_pack(kb, text, "pack.yaml")[1].note
    assert note.endswith(": r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11 and 18 more.")


@pytest.mark.parametrize("source", ["", "a\nb.yaml", "x" * 201, "\x1b[31m.yaml"])
def test_a_source_name_no_output_could_show_is_replaced(kb, source):
    assert apply_pack(kb, SJOGREN_RULE, source)[1].source == "rule pack"


def _labels_giving(kb, fact: str) -> list[str]:
    """The findings' labels that make ``fact``: its own label, or those of a rule inferring the pattern."""
    if fact in kb.symptoms:
        return [kb.symptoms[fact].label]
    maker = next(r for r in kb.rules if r.conclusion == "infer" and r.target == fact)
    return [label for f in list(maker.all) + list(maker.any[: maker.at_least]) for label in _labels_giving(kb, f)]


def test_every_red_flag_still_fires_from_its_own_findings_with_a_pack_built_on_them(kb):
    """A pack that infers every pattern and suggests a condition from each red-flag finding cannot stop any
    red-flag rule firing: pack rules only add facts, and red-flag rules keep the highest salience."""
    flag_rules = [r for r in kb.rules if r.conclusion == "red_flag"]
    # the findings only: a red-flag rule may also name a pattern (quick_onset), and a pack rule inferring one
    # pattern from another could close a cycle, which the pack check refuses before anything runs
    findings = sorted({f for r in flag_rules for f in r.all + r.any} - set(kb.patterns))
    text = "".join(
        rule(rule_id=f"lab.p{i}", when=f"all: [{finding}]", conclusion=f"infer: {pattern}")
        + rule(rule_id=f"lab.s{i}", when=f"all: [{finding}]", conclusion="suggest: sjogren_syndrome")
        for i, finding in enumerate(findings)
        for pattern in [sorted(kb.patterns)[i % len(kb.patterns)]]
    )
    joined, _ = apply_pack(kb, text, "pack.yaml")
    for flag_rule in flag_rules:
        present = list(flag_rule.all) + list(flag_rule.any[: flag_rule.at_least])
        texts = [label for f in present for label in _labels_giving(kb, f)]
        expected = {f.id for f in explore(texts, kb=kb).red_flags}
        assert flag_rule.target in expected
        # none stops firing; a pattern the pack infers may raise one more (the pack's own claim, followed)
        assert expected <= {f.id for f in explore(texts, kb=joined).red_flags}, flag_rule.id
