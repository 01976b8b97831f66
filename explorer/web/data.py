"""Plain data for the web pages that the CLI's JSON does not already give: rules, the knowledge network,
the example cases and a questionnaire step. Built from the public core and the formats' plain-data
functions; no web framework here, so it is tested like any other core code."""

import io
from importlib import resources

import yaml

from ..formats.cards import card_dict
from ..formats.json_format import SCHEMA_VERSION, result_to_dict, source_dict, symptom_ref
from ..knowledge.disclaimer import DISCLAIMER, SHORT_DISCLAIMER

SAVE_HEADER = (
    "# symptom-explorer questionnaire answers. Replay with: symptom-explorer ask --answers FILE\n"
    "# Also valid input for: symptom-explorer match --from FILE, and batch.\n"
)


def rule_dict(rule, kb) -> dict:
    """One rule as IF/THEN data: what must hold, what it concludes, why and on what sources."""
    targets = {"infer": kb.patterns, "suggest": kb.conditions, "red_flag": kb.red_flags}
    target = targets[rule.conclusion].get(rule.target)
    label = getattr(target, "label", None) or getattr(target, "name", None) or rule.target
    return {
        "id": rule.id,
        "if": {
            "all": [symptom_or_pattern(kb, ref) for ref in rule.all],
            "any": [symptom_or_pattern(kb, ref) for ref in rule.any],
            "at_least": rule.at_least if rule.any else 0,
            "absent": [symptom_or_pattern(kb, ref) for ref in rule.absent],
        },
        "then": {"kind": rule.conclusion, "id": rule.target, "label": label, "strength": rule.strength},
        "explanation": rule.explanation,
        "sources": [source_dict(s) for s in rule.sources],
        "origin": rule.origin,
    }


def symptom_or_pattern(kb, ref: str) -> dict:
    return {"id": ref, "label": kb.label(ref), "kind": "pattern" if ref in kb.patterns else "finding"}


def rules_data(kb) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "rules": [rule_dict(rule, kb) for rule in kb.rules],
        "disclaimer": SHORT_DISCLAIMER,
    }


def network_data(kb) -> dict:
    """The knowledge network as nodes and edges, layered: findings (0) -> patterns (1 and up, by how many
    patterns they rest on) -> conditions and red flags (last). An edge per rule premise. Node ids are
    "kind:id", since a finding and a red flag may share an id (paralysis)."""
    depth = _pattern_depths(kb)
    last = max(depth.values(), default=0) + 1
    kinds = (
        ("finding", kb.symptoms.values(), lambda s: s.label, lambda s: 0),
        ("pattern", kb.patterns.values(), lambda p: p.label, lambda p: depth[p.id]),
        ("condition", kb.conditions.values(), lambda c: c.name, lambda c: last),
        ("red_flag", kb.red_flags.values(), lambda f: f.id.replace("_", " "), lambda f: last),
    )
    nodes = [
        {"id": f"{kind}:{item.id}", "ref": item.id, "label": label(item), "kind": kind, "layer": layer(item)}
        for kind, items, label, layer in kinds
        for item in items
    ]
    conclusion_kind = {"infer": "pattern", "suggest": "condition", "red_flag": "red_flag"}
    edges = []
    for rule in kb.rules:
        target = f"{conclusion_kind[rule.conclusion]}:{rule.target}"
        premises = (
            [(r, "all") for r in rule.all] + [(r, "any") for r in rule.any] + [(r, "absent") for r in rule.absent]
        )
        for ref, role in premises:
            source = f"{'pattern' if ref in kb.patterns else 'finding'}:{ref}"
            edges.append(
                {"id": f"{rule.id}:{role}:{ref}", "source": source, "target": target, "rule": rule.id, "role": role}
            )
    used = {e["source"] for e in edges} | {e["target"] for e in edges}
    return {"schema_version": SCHEMA_VERSION, "nodes": [n for n in nodes if n["id"] in used], "edges": edges}


def _pattern_depths(kb) -> dict:
    premises: dict = {}
    for rule in kb.rules:
        if rule.conclusion == "infer":
            premises.setdefault(rule.target, set()).update(r for r in rule.all + rule.any if r in kb.patterns)

    def depth(pattern, seen=()):
        below = [depth(p, (*seen, pattern)) for p in premises.get(pattern, ()) if p not in seen]
        return 1 + max(below, default=0)

    return {p: depth(p) for p in kb.patterns}


def conditions_data(kb, conditions) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "conditions": [card_dict(c, kb) for c in conditions],
        "disclaimer": DISCLAIMER,
    }


def cases_data() -> dict:
    """The example case library shipped with the package (data/cases/examples.yaml), as given there."""
    text = resources.files("explorer.data.cases").joinpath("examples.yaml").read_text(encoding="utf-8")
    cases = [
        {
            "id": str(case["id"]),
            "note": case.get("note", ""),
            "symptoms": list(case.get("symptoms", [])),
            "absent": list(case.get("absent", [])),
        }
        for case in yaml.safe_load(text) or []
    ]
    return {"schema_version": SCHEMA_VERSION, "cases": cases, "disclaimer": SHORT_DISCLAIMER}


def question_dict(question) -> dict | None:
    if question is None:
        return None
    return {
        "finding": symptom_ref(question.finding),
        "text": question.text,
        "why": [
            {
                "condition": {"id": r.condition_id, "name": r.condition_name},
                "rules": list(r.rules),
                "links": [source_dict(s) for s in r.links],
            }
            for r in question.reasons
        ],
        "others": list(question.others),
    }


def step_data(questionnaire, result, question) -> dict:
    """One questionnaire step: the answers so far, the next question (or null when done), the result and
    the answers as the YAML `ask --save` writes."""
    kb = questionnaire.kb
    return {
        "schema_version": SCHEMA_VERSION,
        "answers": [
            {"finding": symptom_ref(kb.symptoms[a.finding]), "answer": a.answer, "entered": a.entered}
            for a in questionnaire.answers
        ],
        "question": question_dict(question),
        "result": result_to_dict(result),
        "saved": saved_yaml(questionnaire.as_case()),
        "disclaimer": DISCLAIMER,
    }


def saved_yaml(case: dict) -> str:
    """Exactly what ``ask --save`` writes for these answers."""
    return SAVE_HEADER + yaml.safe_dump([case], allow_unicode=True, sort_keys=False, default_flow_style=None)


def case_from_yaml(text: str, kb):
    """The single case in an uploaded answers file, read by the same readers as `ask --answers`."""
    from ..cases.batch import CaseError, open_cases, read_cases
    from ..errors import InputError

    fmt, cases = open_cases(io.StringIO(text), "upload", "yaml")
    found = list(read_cases(cases, fmt, kb))
    if len(found) != 1:
        raise InputError(f"the file holds {len(found)} cases; one was expected")
    if isinstance(found[0], CaseError):
        raise InputError(f"line {found[0].line}: {found[0].message}")
    return found[0]


def record_case(questionnaire, case) -> list[str]:
    """Record a loaded case's findings as answers, as `ask --answers` does; returns the texts not understood."""
    from ..knowledge.vocabulary import vocabulary_for

    vocabulary = vocabulary_for(questionnaire.kb)
    unknown = []
    for texts, answer in ((case.present, "yes"), (case.absent, "no"), (case.unsure, "unsure")):
        for text in texts:
            found = vocabulary.resolve(text).symptom
            if found is None:
                unknown.append(text)
            else:
                questionnaire.record(found.id, answer, entered=answer == "yes")
    return unknown
