"""The JSON API under /api: exploring (here), the questionnaire (ask_routes.py) and browsing
(browse_routes.py). Each endpoint returns the same JSON as the matching CLI command (`match
--format json`, `conditions --format json`, `show --format json`, `symptoms --format json`); the engine
work runs in the server's worker threads, each with its own engine (experta is not thread-safe).

The YAML after ``---`` in each docstring is that endpoint's OpenAPI description (served at
/api/openapi.json)."""

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from .. import explore, knowledge_network, parse, what_if
from ..errors import ExplorerError
from ..formats.json_format import SCHEMA_VERSION, result_to_dict
from ..formats.parse_format import parse_dict
from . import payload
from .bodies import ExploreBody, ParseBody, WhatIfBody, as_list
from .payload import WebInputError


def _kb(request):
    return request.app.state.kb


async def api_explore(request):
    """Explore findings: the same JSON as `match --format json`, the engine's step records included
    (the agenda before each firing, why the first won, working memory, the fact added).
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
    present, absent = payload.findings(await payload.read_body(request, ExploreBody))
    result = await run_in_threadpool(lambda: explore(present, absent, kb=_kb(request), steps=True))
    return JSONResponse(result.to_dict())


async def api_network_path(request):
    """One case's path through the knowledge network: the findings, patterns, conditions and red flags its
    firings used, as nodes and edges (the core's knowledge_network(result=..., only_fired=True)), in the
    shape of GET /api/network. The Reasoning page draws this by default, and its list twin reads the same.
    ---
    summary: A case's fired path as nodes and edges
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {present: {type: array, items: {type: string}},
                   absent: {type: array, items: {type: string}}}}
    responses:
      200: {description: "{schema_version, nodes, edges}: the network shape, only what fired"}
      422: {description: "No findings, too many, or a bad shape"}
    """
    present, absent = payload.findings(await payload.read_body(request, ExploreBody))
    kb = _kb(request)
    result = await run_in_threadpool(lambda: explore(present, absent, kb=kb))
    network = knowledge_network(kb, result, only_fired=True)
    return JSONResponse({"schema_version": SCHEMA_VERSION, **network.to_dict()})


async def api_what_if(request):
    """A case before and after some changes ("+dry mouth" add, "-dry eyes" take away, "!fever" absent),
    and what moved: the same JSON as `match --what-if CHANGE --format json`.
    ---
    summary: What if a finding changes
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {present: {type: array, items: {type: string}},
                   absent: {type: array, items: {type: string}}, changes: {type: array, items: {type: string}}}}
    responses:
      200: {description: "{changes, before, after, moves, rules_started, rules_stopped, red_flags_raised, ...}"}
      422: {description: "A change that is not +, - or ! and a known finding"}
    """
    body = await payload.read_body(request, WhatIfBody)
    changes = as_list(body.changes)
    present, absent = payload.findings(body, changes)
    kb = _kb(request)
    done = await run_in_threadpool(lambda: what_if(present, absent, changes, kb=kb))
    return JSONResponse(done.to_dict())


async def api_parse(request):
    """Free text to findings: which were understood as present, which as absent (a sentence such as "no
    dry mouth"), and which not at all, with the parser's own reading (spans, sites, corrections).
    ---
    summary: Free text to findings
    requestBody:
      content:
        application/json:
          schema: {type: object, properties: {text: {type: string}}}
    responses:
      200: {description: "recognized, absent, unrecognized and conflicting, shaped as in the result JSON, and
        parse: what `symptom-explorer parse --format json` prints for the text"}
      422: {description: "No text, not a string, too long, or too many findings"}
    """
    text = (await payload.read_body(request, ParseBody)).text
    payload.check_count([text])
    kb = _kb(request)
    result = await run_in_threadpool(explore, [text], (), kb) if text.strip() else None
    keys = ("recognized", "absent", "unrecognized", "conflicting")
    full = result_to_dict(result) if result else dict.fromkeys(keys, [])
    # "parse": exactly what `symptom-explorer parse --format json` prints for the text (spans, leftovers)
    reading = parse_dict(await run_in_threadpool(parse, text, kb))
    return JSONResponse({"schema_version": SCHEMA_VERSION, **{key: full[key] for key in keys}, "parse": reading})


async def input_error(request, exc: WebInputError):
    return JSONResponse({"error": exc.message}, status_code=exc.status)


async def explorer_error(request, exc: ExplorerError):
    return JSONResponse({"error": str(exc)}, status_code=422)
