"""The Lab's endpoints: a learner's rule pack (knowledge/rulepack.py) checked, run on one case and tried on
the case library. Stateless like every endpoint: the pack travels with each request, is joined to the
served knowledge for that request only, and nothing is written. An invalid pack is a 422 listing every
problem as `check` words it ("NAME:line: where: what"), with the line apart for the page to point at.
A server started with `serve --rules FILE` answers 409: its outputs name that pack, and a second one
joined on top would go unsaid.

The YAML after ``---`` in each docstring is that endpoint's OpenAPI description (served at
/api/openapi.json)."""

import re
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from .. import explore, knowledge_network
from ..errors import KnowledgeError
from ..formats.json_format import SCHEMA_VERSION
from ..formats.registry import Context, render
from ..knowledge.disclaimer import SHORT_DISCLAIMER
from ..knowledge.loader import packaged_folders
from ..knowledge.records import STRENGTHS, KnowledgeBase, RulePack
from ..knowledge.rulepack import apply_pack
from ..limits import MAX_PACK_BYTES, MAX_PACK_RULES, WEB_MAX_LAB_BODY_BYTES, WEB_MAX_LAB_STEPS
from ..reasoning.rulesview import rule_view
from . import payload
from .bodies import LabBody, LabRunBody, as_list
from .payload import WebInputError


class PackProblems(Exception):
    """The pack sent is not a valid rule pack: answered 422 with every problem (pack_problems)."""

    def __init__(self, name: str, problems: list[str]):
        super().__init__(f"the rule pack {name} is invalid")
        self.name, self.problems = name, problems


async def pack_problems(request, exc: PackProblems):
    line = re.compile(rf"^{re.escape(exc.name)}:(\d+):")
    problems = [{"line": int(m.group(1)) if (m := line.match(p)) else None, "message": p} for p in exc.problems]
    return JSONResponse({"error": str(exc), "problems": problems}, status_code=422)


Lab = TypeVar("Lab", bound=LabBody)


async def _joined(request, shape: type[Lab]) -> tuple[KnowledgeBase, RulePack, Lab]:
    """The served knowledge plus the request's pack (the body read as ``shape``), or PackProblems."""
    served = request.app.state.kb
    if served.pack is not None:  # every output names one pack: a second would go unsaid
        raise WebInputError(
            409,
            f"this server runs with the rule pack {served.pack.source} (serve --rules); the Lab adds a pack to "
            "the explorer's own knowledge only: start serve without --rules to use it",
        )
    body = await payload.read_body(request, shape, WEB_MAX_LAB_BODY_BYTES)
    try:
        joined, pack = await run_in_threadpool(apply_pack, served, body.pack, body.name)
    except KnowledgeError as exc:
        raise PackProblems(body.name, exc.problems) from None
    return joined, pack, body


def _rules(kb: KnowledgeBase) -> list[dict]:
    """The pack's rules as IF/THEN data, in the shape of GET /api/rules (the form is filled from it)."""
    pack = kb.pack.rules if kb.pack else ()
    return [rule_view(kb, kb.rule_index[rule_id]).to_dict() for rule_id in pack]


async def api_lab_validate(request):
    """Check a rule pack as `check` checks a knowledge folder (`--rules FILE` gives the same messages).
    ---
    summary: Check a rule pack
    requestBody:
      content:
        application/json:
          schema: {type: object, required: [pack], properties: {pack: {type: string, description: YAML},
                   name: {type: string, description: "the file name messages give (rules.yaml)"}}}
    responses:
      200: {description: "{schema_version, rule_pack: {source, rules, patterns, conditions, note}, rules}"}
      422: {description: "{error, problems: [{line, message}]}: the pack is invalid (or the body has a bad shape)"}
      409: {description: "The server runs with a rule pack of its own (serve --rules)"}
    """
    joined, pack, _ = await _joined(request, LabBody)
    return JSONResponse({"schema_version": SCHEMA_VERSION, "rule_pack": pack.to_dict(), "rules": _rules(joined)})


async def api_lab_run(request):
    """One case with the rule pack: the JSON of `match --rules FILE --format json` with the engine's step
    records, its fired path, the whole network with the pack and the pack's rules as IF/THEN, which the
    Reasoning page and its stepper show. A run firing more than WEB_MAX_LAB_STEPS rules comes without step
    records (each lists the whole agenda), and says so in ``steps_left_out``.
    ---
    summary: Run one case with a rule pack
    requestBody:
      content:
        application/json:
          schema: {type: object, required: [pack], properties: {pack: {type: string}, name: {type: string},
                   present: {type: array, items: {type: string}}, absent: {type: array, items: {type: string}}}}
    responses:
      200: {description: "{schema_version, result (with rule_pack), path, network, rules, steps_left_out}"}
      422: {description: "{error, problems}: the pack is invalid; or no findings, too many, or a bad shape"}
      409: {description: "The server runs with a rule pack of its own (serve --rules)"}
    """
    joined, _, body = await _joined(request, LabRunBody)
    present, absent = as_list(body.present), as_list(body.absent)
    payload.check_count(present, absent)
    return JSONResponse(await run_in_threadpool(_run, joined, present, absent))


def _run(kb: KnowledgeBase, present: list[str], absent: list[str]) -> dict:
    result = explore(present, absent, kb=kb)
    left_out = None
    if len(result.trace) > WEB_MAX_LAB_STEPS:
        left_out = (
            f"This run fired {len(result.trace):,} rules; the stepper shows runs of at most {WEB_MAX_LAB_STEPS} "
            "firings, so only the result and its path are shown."
        )
    else:
        result = explore(present, absent, kb=kb, steps=True)
    return {
        "schema_version": SCHEMA_VERSION,
        "result": result.to_dict(),
        "path": knowledge_network(kb, result, only_fired=True).to_dict(),
        "network": knowledge_network(kb).to_dict(),
        "rules": _rules(kb),
        "steps_left_out": left_out,
    }


async def api_lab_try(request):
    """The case library with and without the rule pack: the same JSON as `rules try FILE --format json`
    (each case the pack changed and how, the pack's rules that fired there, and those that fired nowhere).
    ---
    summary: Try a rule pack on every example case
    requestBody:
      content:
        application/json:
          schema: {type: object, required: [pack], properties: {pack: {type: string}, name: {type: string}}}
    responses:
      200: {description: "{schema_version, rule_pack, cases, changed: [{case, changes, fired}], never_fired,
        disclaimer}"}
      422: {description: "{error, problems}: the pack is invalid"}
      409: {description: "The server runs with a rule pack of its own (serve --rules)"}
    """
    joined, _, _ = await _joined(request, LabBody)
    text = await run_in_threadpool(_try, request.app.state.kb, joined)
    return Response(text, media_type="application/json")


def _try(base: KnowledgeBase, joined: KnowledgeBase) -> str:
    from ..cases.library import list_cases
    from ..cases.packtrial import try_pack

    trial = try_pack(base, joined, list_cases(kb=joined))
    return render("pack_trial", "json", trial, Context(joined))


async def api_lab_vocabulary(request):
    """What the Lab's rule form offers: the findings and patterns a rule may name, the conditions it may
    suggest, the strengths, a pack's limits and the template `rules new` writes.
    ---
    summary: The rule form's choices
    responses:
      200: {description: "{schema_version, findings, patterns, conditions, strengths, limits, template, disclaimer}"}
    """
    kb = request.app.state.kb
    template = packaged_folders()[0].joinpath("lab", "rule_template.yaml").read_text(encoding="utf-8")
    return JSONResponse(
        {
            "schema_version": SCHEMA_VERSION,
            "findings": [{"id": s.id, "label": s.label} for s in kb.symptoms.values()],
            "patterns": [{"id": p.id, "label": p.label} for p in kb.patterns.values()],
            "conditions": [{"id": c.id, "label": c.name} for c in kb.conditions.values()],
            "strengths": list(STRENGTHS),
            "limits": {"bytes": MAX_PACK_BYTES, "rules": MAX_PACK_RULES},
            "template": template,
            "disclaimer": SHORT_DISCLAIMER,
        }
    )
