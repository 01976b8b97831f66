"""Plain data for the web pages that the core's records do not already give: a questionnaire step, and
answers files read from and written as text. No web framework here, so it is tested like core code."""

import io

import yaml

from ..formats.json_format import SCHEMA_VERSION, result_to_dict, source_dict, symptom_ref
from ..knowledge.disclaimer import DISCLAIMER
from ..reasoning.questionnaire import asked_as_urgent

SAVE_HEADER = (
    "# symptom-explorer questionnaire answers. Replay with: symptom-explorer ask --answers FILE\n"
    "# Also valid input for: symptom-explorer match --from FILE, and batch.\n"
)


def question_dict(question, kb) -> dict | None:
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
        # A choice question (time course: onset, spread, symmetry): pick one; empty for a yes/no question.
        "choices": [{**symptom_ref(c), "text": shown} for c, shown in zip(question.choices, question.shown)],
        # for a choice question: the conditions it tells apart, and the sentence saying so
        "tells_apart": list(question.separates),
        "why_text": question.why() if question.choices else "",
        # a warning sign on its own: the urgency level a yes raises, which is why it is asked first; else null
        "urgency": asked_as_urgent(kb, question),
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
        "question": question_dict(question, kb),
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
    from ..language.vocabulary import vocabulary_for

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
