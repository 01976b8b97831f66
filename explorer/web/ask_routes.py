"""The questionnaire's endpoints: stateless, the page sends every answer so far with each step, so the
server keeps nothing between requests."""

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from .. import Questionnaire, explore
from ..formats.json_format import result_to_dict
from . import data, payload
from .bodies import LoadBody, QuestionnaireBody
from .payload import WebInputError


def _kb(request):
    return request.app.state.kb


async def api_questionnaire(request):
    """One step of the questionnaire: post every answer so far, get the next question.
    ---
    summary: Questionnaire step (stateless; the page keeps the answers)
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {answers: {type: array, items: {type: object, properties: {
                   finding: {type: string}, answer: {type: string, enum: [yes, no, unsure]}}}},
                   add: {type: string, description: "findings in the person's own words, recorded as yes"}}}
    responses:
      200: {description: "answers, question (null when done; its choices list the values to pick from for a
            time course question, where the answer is {finding: CHOICE_ID, answer: yes}), result, saved
            (the YAML `ask --save` writes)"}
    """
    body = await payload.read_body(request, QuestionnaireBody)
    answers, add = payload.answers(body), body.add
    payload.check_count([add], [a for a, _ in answers])
    return JSONResponse(await run_in_threadpool(_step, _kb(request), answers, add))


def _step(kb, answers, add: str) -> dict:
    questionnaire = Questionnaire(kb)
    for finding, answer in answers:
        if finding not in kb.symptoms:
            raise WebInputError(422, f"unknown finding id {finding!r}")
        questionnaire.record(finding, answer, entered=False)
    not_understood = []
    if add.strip():
        added = explore([add], (), kb)
        # in the order typed, as `ask` records them (the result lists them by label)
        for item in sorted(added.recognized, key=lambda r: add.find(r.input)):
            questionnaire.record(item.symptom.id, "yes", entered=True)
        not_understood = result_to_dict(added)["unrecognized"]
    if not questionnaire.answers:
        raise WebInputError(422, "no finding understood yet: name at least one symptom or history item")
    out = data.step_data(questionnaire, questionnaire.result(), questionnaire.next_question(choices=True))
    out["not_understood"] = not_understood
    return out


async def api_questionnaire_load(request):
    """Load answers saved by `ask --save` (or downloaded from the page) and continue from them.
    ---
    summary: Questionnaire answers from a saved YAML file
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {yaml: {type: string}}}
    responses:
      200: {description: "The step for those answers, as for /api/questionnaire"}
      422: {description: "Not a one-case answers file"}
    """
    text = (await payload.read_body(request, LoadBody)).yaml
    return JSONResponse(await run_in_threadpool(_load, _kb(request), text))


def _load(kb, text: str) -> dict:
    case = data.case_from_yaml(text, kb)
    payload.check_count(list(case.present), list(case.absent), list(case.unsure))
    questionnaire = Questionnaire(kb)
    unknown = data.record_case(questionnaire, case)
    out = data.step_data(questionnaire, questionnaire.result(), questionnaire.next_question(choices=True))
    out["not_understood"] = [{"input": u, "did_you_mean": [], "condition": None} for u in unknown]
    return out
