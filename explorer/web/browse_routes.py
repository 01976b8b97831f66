"""Browsing endpoints: the vocabulary, conditions and their cards, a comparison, the rules, the knowledge
network and the case library. The same JSON as the CLI's --format json where the CLI has the command,
otherwise the teaching core's records as plain data (their ``to_dict``)."""

from starlette.responses import JSONResponse

from .. import compare, get_condition, knowledge_network, list_cases, list_conditions, list_symptoms, rule_groups
from ..formats.cards import card_dict, conditions_dict, symptoms_dict
from ..formats.json_format import SCHEMA_VERSION
from ..knowledge.disclaimer import SHORT_DISCLAIMER
from ..limits import WEB_MAX_FINDING_CHARS
from .payload import WebInputError


def _kb(request):
    return request.app.state.kb


async def api_symptoms(request):
    """Findings the explorer understands: the same JSON as `symptoms --format json`.
    ---
    summary: Vocabulary, optionally searched (for suggestions as you type)
    parameters: [{name: search, in: query, schema: {type: string}}]
    responses:
      200: {description: "{schema_version, symptoms, disclaimer}"}
    """
    search = request.query_params.get("search", "")[:WEB_MAX_FINDING_CHARS]
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
    found = get_condition(query[:WEB_MAX_FINDING_CHARS], kb=_kb(request))
    if found is None:
        raise WebInputError(404, f"no condition called {query[:WEB_MAX_FINDING_CHARS]!r}")
    return found


async def api_compare(request):
    """Two conditions side by side: the same JSON as `compare --format json A B` (the findings they share,
    those only one has, the rules for each, and the findings that best tell them apart).
    ---
    summary: Compare two conditions
    parameters: [{name: a, in: query, required: true, schema: {type: string}},
                 {name: b, in: query, required: true, schema: {type: string}}]
    responses:
      200: {description: "{a, b, shared, only_a, only_b, rules_a, rules_b, questions}"}
      404: {description: No such condition}
      422: {description: a or b is missing}
    """
    missing = [key for key in ("a", "b") if not request.query_params.get(key, "").strip()]
    if missing:
        verb = "are" if len(missing) > 1 else "is"
        raise WebInputError(422, f"{' and '.join(missing)} {verb} missing: /api/compare?a=CONDITION&b=CONDITION")
    a, b = (_condition(request, request.query_params[key]) for key in ("a", "b"))
    return JSONResponse(compare(a.id, b.id, kb=_kb(request)).to_dict())


async def api_rules(request):
    """The rules as IF/THEN with their sources, grouped by what they conclude: the same JSON as
    `rules --format json` (with ?for=CONDITION, ?uses=FINDING, ?group=GROUP and ?all=1 as its --for, --uses,
    --group and --all: by default the hand-written teaching rules).
    ---
    summary: Rules
    parameters: [{name: for, in: query, schema: {type: string}}, {name: uses, in: query, schema: {type: string}},
                 {name: group, in: query, schema: {type: string}}, {name: all, in: query, schema: {type: string}}]
    responses:
      200: {description: "{schema_version, groups: [{kind, id, label, rules: [{id, if, unless, then, ...}]}]}"}
      404: {description: No such condition}
    """
    for_condition = request.query_params.get("for", "")
    uses = request.query_params.get("uses", "")[:WEB_MAX_FINDING_CHARS]
    if for_condition:
        _condition(request, for_condition)
    every = request.query_params.get("all", "") not in ("", "0", "false")
    chosen = None if every else request.query_params.get("group", "")[:WEB_MAX_FINDING_CHARS]
    groups = [group.to_dict() for group in rule_groups(_kb(request), for_condition, uses, chosen)]
    return JSONResponse({"schema_version": SCHEMA_VERSION, "groups": groups, "disclaimer": SHORT_DISCLAIMER})


async def api_network(request):
    """The knowledge network: findings, patterns, conditions and red flags, an edge per rule premise.
    ---
    summary: Knowledge network as nodes and edges (the core's knowledge_network())
    responses:
      200: {description: "{schema_version, nodes: [{id, kind, label}], edges: [{from, to, rule, negated}]}"}
    """
    return JSONResponse({"schema_version": SCHEMA_VERSION, **knowledge_network(_kb(request)).to_dict()})


async def api_cases(request):
    """The case library, each case with the answer the rules are expected to give: the same JSON as
    `cases --format json`.
    ---
    summary: Example and teaching cases (data/cases/*.yaml)
    responses:
      200: {description: "{schema_version, cases: [{id, note, symptoms, absent, expect, file}], disclaimer}"}
    """
    cases = [c.to_dict() for c in list_cases(kb=_kb(request))]
    return JSONResponse({"schema_version": SCHEMA_VERSION, "cases": cases, "disclaimer": SHORT_DISCLAIMER})
