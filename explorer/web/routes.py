"""The JSON API under /api. Each endpoint returns the same JSON as the matching CLI command (`match
--format json`, `conditions --format json`, `show --format json`, `symptoms --format json`); the engine
work runs in the server's worker threads, each with its own engine (experta is not thread-safe).

The YAML after ``---`` in each docstring is that endpoint's OpenAPI description (served at
/api/openapi.json)."""

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from .. import Questionnaire, explore, get_condition, list_conditions, list_symptoms
from ..errors import ExplorerError
from ..formats.cards import card_dict, conditions_dict, symptoms_dict
from ..formats.json_format import SCHEMA_VERSION, result_to_dict
from . import data, payload
from .payload import WebInputError


def _kb(request):
    return request.app.state.kb


async def api_explore(request):
    """Explore findings: the same JSON as `match --format json`.
    ---
    summary: Related conditions for findings present and absent
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {present: {type: array, items: {type: string}},
                   absent: {type: array, items: {type: string}}}}
    responses:
      200: {description: "The result (explorer/output.schema.json)"}
      413: {description: Body too large}
      422: {description: "No findings, too many, or a bad shape"}
    """
    present, absent = payload.findings(await payload.read_json(request))
    kb = _kb(request)
    result = await run_in_threadpool(explore, present, absent, kb)
    return JSONResponse(result_to_dict(result))


async def api_parse(request):
    """Split free text into findings and say which were understood.
    ---
    summary: Free text to findings
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {text: {type: string}}}
    responses:
      200: {description: "recognized and unrecognized, shaped as in the result JSON"}
    """
    body = await payload.read_json(request)
    text = body.get("text", "")
    if not isinstance(text, str):
        raise WebInputError(422, "'text' must be a string")
    payload.check_count([text])
    result = await run_in_threadpool(explore, [text], (), _kb(request)) if text.strip() else None
    full = result_to_dict(result) if result else {"recognized": [], "unrecognized": []}
    return JSONResponse(
        {"schema_version": SCHEMA_VERSION, "recognized": full["recognized"], "unrecognized": full["unrecognized"]}
    )


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
      200: {description: "answers, question (null when done), result, saved (the YAML `ask --save` writes)"}
    """
    body = await payload.read_json(request)
    answers = payload.answers(body)
    add = body.get("add", "")
    if not isinstance(add, str):
        raise WebInputError(422, "'add' must be a string")
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
    out = data.step_data(questionnaire, questionnaire.result(), questionnaire.next_question())
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
    body = await payload.read_json(request)
    text = body.get("yaml")
    if not isinstance(text, str):
        raise WebInputError(422, "'yaml' must be the text of an answers file")
    return JSONResponse(await run_in_threadpool(_load, _kb(request), text))


def _load(kb, text: str) -> dict:
    case = data.case_from_yaml(text, kb)
    payload.check_count(list(case.present), list(case.absent), list(case.unsure))
    questionnaire = Questionnaire(kb)
    unknown = data.record_case(questionnaire, case)
    out = data.step_data(questionnaire, questionnaire.result(), questionnaire.next_question())
    out["not_understood"] = [{"input": u, "did_you_mean": [], "condition": None} for u in unknown]
    return out


async def api_symptoms(request):
    """Findings the explorer understands: the same JSON as `symptoms --format json`.
    ---
    summary: Vocabulary, optionally searched (for suggestions as you type)
    parameters: [{name: search, in: query, schema: {type: string}}]
    responses:
      200: {description: "{schema_version, symptoms, disclaimer}"}
    """
    search = request.query_params.get("search", "")[: payload.MAX_TEXT]
    return JSONResponse(symptoms_dict(list_symptoms(search or None, kb=_kb(request))))


async def api_conditions(request):
    """Every condition: the same JSON as `conditions --format json`.
    ---
    summary: Conditions the explorer can suggest
    responses:
      200: {description: "{schema_version, conditions, disclaimer}"}
    """
    return JSONResponse(conditions_dict(list_conditions(_kb(request))))


async def api_condition(request):
    """One condition card: the same JSON as `show --format json`.
    ---
    summary: A condition card by id, name, alias or code
    parameters: [{name: query, in: path, required: true, schema: {type: string}}]
    responses:
      200: {description: The card}
      404: {description: No such condition}
    """
    return JSONResponse(card_dict(_condition(request, request.path_params["query"]), _kb(request)))


def _condition(request, query: str):
    found = get_condition(query[: payload.MAX_TEXT], kb=_kb(request))
    if found is None:
        raise WebInputError(404, f"no condition called {query[: payload.MAX_TEXT]!r}")
    return found


async def api_compare(request):
    """Two condition cards side by side.
    ---
    summary: Compare two conditions
    parameters: [{name: a, in: query, required: true, schema: {type: string}},
                 {name: b, in: query, required: true, schema: {type: string}}]
    responses:
      200: {description: "{schema_version, conditions: [card, card], disclaimer}"}
      404: {description: No such condition}
    """
    a, b = (_condition(request, request.query_params.get(key, "")) for key in ("a", "b"))
    return JSONResponse(data.conditions_data(_kb(request), [a, b]))


async def api_rules(request):
    """Every rule as IF/THEN with its sources.
    ---
    summary: Rules
    responses:
      200: {description: "{schema_version, rules: [{id, if, then, explanation, sources, origin}], disclaimer}"}
    """
    return JSONResponse(data.rules_data(_kb(request)))


async def api_network(request):
    """The knowledge network, layered findings -> patterns -> conditions and red flags.
    ---
    summary: Knowledge network as nodes and edges
    responses:
      200: {description: "{schema_version, nodes: [{id, label, kind, layer}], edges: [{source, target, rule, role}]}"}
    """
    return JSONResponse(data.network_data(_kb(request)))


async def api_cases(request):
    """The example case library.
    ---
    summary: Example cases (data/cases/examples.yaml)
    responses:
      200: {description: "{schema_version, cases: [{id, note, symptoms, absent}], disclaimer}"}
    """
    return JSONResponse(data.cases_data())


async def input_error(request, exc: WebInputError):
    return JSONResponse({"error": exc.message}, status_code=exc.status)


async def explorer_error(request, exc: ExplorerError):
    return JSONResponse({"error": str(exc)}, status_code=422)
