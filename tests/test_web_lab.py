"""The Lab's endpoints (web/lab_routes.py) through Starlette's test client: a rule pack checked with the
messages `--rules FILE` gives, run on one case with the stepper's records, tried on the case library as
`rules try` does; and hostile packs (huge, cyclic, deeply nested, 2,001 rules, unknown ids, a red flag
silenced) refused with a 4xx and a message, never a 500 and never a hang."""

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from explorer.cli import cli
from explorer.limits import MAX_PACK_BYTES, MAX_PACK_RULES, WEB_MAX_LAB_BODY_BYTES, WEB_MAX_LAB_STEPS
from explorer.web import create_app

from .web_hostile import JSON, ORIGINS, check_error

LAB = Path(__file__).resolve().parents[1] / "data" / "lab"
EXERCISE = (LAB / "exercise1_sjogren_or_lupus.yaml").read_text(encoding="utf-8")
LUPUS_CASE = ["mouth ulcers", "joint pain", "fatigue", "dry eyes"]
LAB_ROUTES = ["/api/lab/validate", "/api/lab/run", "/api/lab/try"]


@pytest.fixture(scope="module")
def client(kb):
    # raise_server_exceptions=False: a 500 must show up as a 500 here, as a browser would get it
    return TestClient(create_app(kb), raise_server_exceptions=False)


def cli_json(tmp_path, monkeypatch, *args) -> dict:
    """The command's JSON, run in ``tmp_path`` where the pack is written as ex1.yaml (the name the page sends)."""
    (tmp_path / "ex1.yaml").write_text(EXERCISE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(cli, list(args))
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def test_validate_names_the_pack_and_gives_its_rules_as_if_then(client):
    done = client.post("/api/lab/validate", json={"pack": EXERCISE, "name": "ex1.yaml"})
    assert done.status_code == 200
    data = done.json()
    assert data["rule_pack"]["note"] == (
        "Includes 1 rule from ex1.yaml, not part of the explorer's knowledge (a learner's rule pack): "
        "lab.lupus-ulcers-with-joints."
    )
    (rule,) = data["rules"]
    assert [f["id"] for f in rule["if"]["all"]] == ["mouth_ulcers", "joint_pain", "fatigue", "dry_eyes"]
    assert rule["then"] == {
        "kind": "suggest",
        "id": "systemic_lupus_erythematosus",
        "label": "Systemic lupus erythematosus",
    }
    assert rule["strength"] == "strong" and rule["origin"] == "ex1.yaml:5"


def test_an_invalid_pack_gets_the_messages_of_the_command_line_with_their_lines(client, tmp_path, monkeypatch):
    broken = EXERCISE.replace("mouth_ulcers, joint_pain", "mouth_ulcer, joint_pain")
    done = client.post("/api/lab/validate", json={"pack": broken, "name": "ex1.yaml"})
    assert done.status_code == 422
    data = done.json()
    assert data["error"] == "the rule pack ex1.yaml is invalid"
    (problem,) = data["problems"]
    assert problem["line"] == 7
    (tmp_path / "ex1.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command = CliRunner().invoke(cli, ["match", "--rules", "ex1.yaml", "numbness"])
    assert command.exit_code == 3
    assert f"  {problem['message']}\n" in command.stderr, "the same message as --rules FILE"
    assert "unknown finding 'mouth_ulcer' (did you mean 'mouth_ulcers'?)" in problem["message"]


def test_run_gives_the_result_of_match_rules_with_the_learners_rule_on_the_agenda(client, tmp_path, monkeypatch):
    done = client.post("/api/lab/run", json={"pack": EXERCISE, "name": "ex1.yaml", "present": LUPUS_CASE})
    assert done.status_code == 200
    data = done.json()
    result = data["result"]
    expected = cli_json(tmp_path, monkeypatch, "match", "--rules", "ex1.yaml", "--format", "json", *LUPUS_CASE)
    assert result == expected
    assert result["rule_pack"]["rules"] == ["lab.lupus-ulcers-with-joints"]
    assert result["suggestions"][0]["condition"]["id"] == "systemic_lupus_erythematosus"
    fired = [t for t in result["trace"] if t.get("from_pack")]
    assert [t["rule"] for t in fired] == ["lab.lupus-ulcers-with-joints"]
    waiting = [a["rule"] for step in result["steps"] for a in step["agenda"]]
    assert "lab.lupus-ulcers-with-joints" in waiting, "the learner's rule waits on the agenda the stepper shows"
    assert [r["id"] for r in data["rules"]] == ["lab.lupus-ulcers-with-joints"]
    path_rules = {e["rule"] for e in data["path"]["edges"]}
    assert "lab.lupus-ulcers-with-joints" in path_rules
    assert any(e["rule"] == "lab.lupus-ulcers-with-joints" for e in data["network"]["edges"])
    assert data["steps_left_out"] is None


def test_run_with_a_pack_adding_a_pattern_and_a_condition_draws_them(client):
    pack = (Path(__file__).parent / "test_rulepack.py").read_text(encoding="utf-8")
    card = pack.split('CARD = """\\\n', 1)[1].split('"""', 1)[0]
    done = client.post("/api/lab/run", json={"pack": card, "name": "lab.yaml", "present": ["dry eyes"]})
    assert done.status_code == 200, done.text
    nodes = {n["id"] for n in done.json()["path"]["nodes"]}
    assert {"pattern:lab_dryness", "condition:lab_dry_syndrome"} <= nodes


def test_try_is_the_json_of_rules_try(client, tmp_path, monkeypatch):
    done = client.post("/api/lab/try", json={"pack": EXERCISE, "name": "ex1.yaml"})
    assert done.status_code == 200 and done.headers["content-type"] == "application/json"
    assert done.json() == cli_json(tmp_path, monkeypatch, "rules", "try", "ex1.yaml", "--format", "json")
    (changed,) = done.json()["changed"]
    assert changed["case"] == "lookalike-lupus" and changed["fired"] == ["lab.lupus-ulcers-with-joints"]


def test_the_vocabulary_offers_what_a_rule_may_name(client, kb):
    data = client.get("/api/lab/vocabulary").json()
    assert {f["id"] for f in data["findings"]} == set(kb.symptoms)
    assert {p["id"] for p in data["patterns"]} == set(kb.patterns)
    assert {c["id"] for c in data["conditions"]} == set(kb.conditions)
    assert data["strengths"] == ["weak", "moderate", "strong"]
    assert data["limits"] == {"bytes": MAX_PACK_BYTES, "rules": MAX_PACK_RULES}
    template = client.post("/api/lab/validate", json={"pack": data["template"], "name": "my_rules.yaml"})
    assert template.status_code == 200, "the template is valid as written"


def test_the_server_keeps_nothing_a_pack_is_gone_with_its_request(client):
    client.post("/api/lab/run", json={"pack": EXERCISE, "present": LUPUS_CASE})
    plain = client.post("/api/explore", json={"present": LUPUS_CASE}).json()
    assert "rule_pack" not in plain and plain["suggestions"][0]["condition"]["id"] == "sjogren_syndrome"
    rules = client.get("/api/rules?all=1").json()
    assert "lab.lupus-ulcers-with-joints" not in {r["id"] for g in rules["groups"] for r in g["rules"]}


def short_rule(number: int, finding: str = "dry_eyes") -> str:
    """One rule on one line, its sources an alias of the first rule's, so that 2,001 fit in the size limit."""
    sources = "&s [{reference: 'https://e.org'}]" if number == 0 else "*s"
    return (
        f"- {{id: r{number}, when: {{all: [{finding}]}}, infer: sicca_symptoms, explanation: x, sources: {sources}}}\n"
    )


def rule(when="all: [dry_eyes]", conclusion="suggest: sjogren_syndrome\n  strength: weak", rule_id="lab.rule"):
    return (
        f"- id: {rule_id}\n  when:\n    {when}\n  {conclusion}\n"
        "  explanation: A learner's rule.\n  sources:\n    - reference: https://example.org/notes\n"
    )


BOMB = (
    "\n".join(
        ["a0: &a0 [dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes, dry_eyes]"]
        + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 8)}]" for i in range(1, 9)]
    )
    + "\nrules: *a8\n"
)

# (pack, status, part of the error or of a problem)
HOSTILE = [
    pytest.param("x" * (MAX_PACK_BYTES + 1), 422, "'pack' is longer than 262144 characters", id="huge"),
    pytest.param(
        "# " + "é" * (MAX_PACK_BYTES // 2) + "\n" + rule(), 422, "over the limit of 262,144 bytes", id="huge-in-bytes"
    ),
    pytest.param("rules: &loop [*loop]\n", 422, "an alias refers to a list or mapping that contains it", id="cyclic"),
    pytest.param(BOMB, 422, "more than 100,000 values once its aliases", id="alias-bomb"),
    pytest.param("rules: " + "[" * 40 + "]" * 40 + "\n", 422, "nested more than 32 levels deep", id="deep"),
    pytest.param(
        "".join(short_rule(i) for i in range(MAX_PACK_RULES + 1)), 422, "2,001 rules, over the limit", id="2001-rules"
    ),
    pytest.param(rule(when="all: [dry_eye]"), 422, "unknown finding 'dry_eye' (did you mean", id="unknown-id"),
    pytest.param(rule(rule_id="red-flag.breathing"), 422, "is the explorer's own", id="red-flag-rule-id"),
    pytest.param(rule(conclusion="red_flag: breathing"), 422, "not raise a red flag", id="raise-red-flag"),
    pytest.param(rule() + "  salience: 99\n", 422, "cannot set a salience", id="salience"),
    pytest.param("", 422, "is empty", id="empty"),
    pytest.param("- id: [unclosed\n", 422, "ex.yaml:2: ", id="not-yaml"),
    pytest.param(
        "".join(short_rule(i, f"made_up_{i}") for i in range(2000)), 422, "more rules not checked", id="2000-unknown"
    ),
]


@pytest.mark.parametrize("route", LAB_ROUTES)
@pytest.mark.parametrize("pack, status, part", HOSTILE)
def test_a_hostile_pack_is_refused_with_a_message_quickly(client, route, pack, status, part):
    start = time.perf_counter()
    done = client.post(
        route,
        json={"pack": pack, "name": "ex.yaml", "present": ["dry eyes"]}
        if "run" in route
        else {"pack": pack, "name": "ex.yaml"},
    )
    assert time.perf_counter() - start < 10
    assert done.status_code == status, done.text[:300]
    assert "Traceback" not in done.text
    data = done.json()
    said = [data["error"]] + [p["message"] for p in data.get("problems", [])]
    assert any(part in line for line in said), said[:3]


@pytest.mark.parametrize(
    "body, part",
    [
        ({"pack": EXERCISE, "name": "../etc/passwd"}, "'name' must be a plain file name"),
        ({"pack": EXERCISE, "name": "a\nb"}, "'name' must be a plain file name"),
        ({"pack": EXERCISE, "name": ""}, "'name' is empty"),
        ({"pack": EXERCISE, "name": "n" * 101}, "'name' is longer than 100 characters"),
        ({"pack": ["- id: x"]}, "'pack' must be a string, not a list"),
        ({"name": "x.yaml"}, 'pack is missing: send {"pack": ...}'),
        ({"pack": EXERCISE, "present": ["numbness"]}, "unknown key 'present'; expected pack, name"),
    ],
)
def test_a_bad_body_is_a_clear_422(client, body, part):
    done = client.post("/api/lab/validate", json=body)
    check_error(done.status_code, done.headers["content-type"], done.text, 422, part)


def test_run_needs_findings_within_the_limit(client):
    done = client.post("/api/lab/run", json={"pack": EXERCISE, "present": ["numbness"] * 61})
    check_error(done.status_code, done.headers["content-type"], done.text, 422, "too many findings")
    done = client.post("/api/lab/run", json={"pack": EXERCISE})
    assert done.status_code == 422 and "Traceback" not in done.text


def test_a_body_past_the_labs_limit_is_refused_while_it_is_read(client):
    chunks = (b" " * 65536 for _ in range(WEB_MAX_LAB_BODY_BYTES // 65536 + 2))  # chunked: no Content-Length
    done = client.post("/api/lab/validate", content=chunks, headers={"content-type": JSON})
    check_error(done.status_code, done.headers["content-type"], done.text, 413, f"larger than {WEB_MAX_LAB_BODY_BYTES}")


def test_2000_rules_that_all_fire_run_without_step_records_and_say_so(client):
    pack = "".join(short_rule(i) for i in range(MAX_PACK_RULES))
    start = time.perf_counter()
    done = client.post("/api/lab/run", json={"pack": pack, "present": ["dry eyes"]})
    assert time.perf_counter() - start < 30
    assert done.status_code == 200
    data = done.json()
    assert "steps" not in data["result"] and len(data["result"]["trace"]) > MAX_PACK_RULES
    assert data["steps_left_out"].startswith(f"This run fired {len(data['result']['trace']):,} rules")
    assert f"at most {WEB_MAX_LAB_STEPS} firings" in data["steps_left_out"]


@pytest.mark.parametrize("route", LAB_ROUTES)
def test_only_json_is_read_and_only_from_the_page_itself(client, route, monkeypatch):
    body = json.dumps({"pack": EXERCISE}).encode()
    done = client.post(route, content=body, headers={"content-type": "text/plain"})
    check_error(done.status_code, done.headers["content-type"], done.text, 415, "Content-Type: application/json")
    import explorer.web.lab_routes as lab_routes

    monkeypatch.setattr(lab_routes, "apply_pack", lambda *a: pytest.fail("a foreign request was processed"))
    for param in ORIGINS:
        headers, status = param.values
        if status == 403:
            done = client.post(route, content=body, headers={"content-type": JSON, **headers("testserver")})
            check_error(done.status_code, done.headers["content-type"], done.text, 403, "refused")


@pytest.mark.slow  # a real serve process
def test_the_installed_serve_refuses_hostile_packs_and_keeps_answering(tmp_path):
    """As a user runs it: the installed `symptom-explorer serve`, hostile packs over real HTTP, then a good
    run; each refusal a 4xx with its message, nothing on stderr but the server's own lines, no traceback."""
    import subprocess

    from .test_web_hostile_serve import request, start_serve, stop

    process, port = start_serve(tmp_path, subprocess.PIPE)
    try:
        for param in HOSTILE:
            pack, status, part = param.values
            body = json.dumps({"pack": pack, "name": "ex.yaml"}).encode()
            start = time.perf_counter()
            got, content_type, text = request(port, "POST", "/api/lab/try", body, {"content-type": JSON}, timeout=30)
            assert time.perf_counter() - start < 15, param.id
            assert got == status and content_type.startswith("application/json"), (param.id, text[:200])
            said = json.loads(text)
            assert any(part in line for line in [said["error"]] + [p["message"] for p in said.get("problems", [])])
        body = json.dumps({"pack": EXERCISE, "name": "ex1.yaml", "present": LUPUS_CASE}).encode()
        got, _, text = request(port, "POST", "/api/lab/run", body, {"content-type": JSON}, timeout=30)
        assert got == 200 and json.loads(text)["result"]["suggestions"][0]["condition"]["id"] == (
            "systemic_lupus_erythematosus"
        )
    finally:
        err = stop(process)
    assert b"Traceback" not in err, err.decode()[-2000:]


def test_a_server_started_with_a_rule_pack_refuses_a_second_one_by_name(kb):
    from explorer.knowledge.rulepack import apply_pack

    served, _ = apply_pack(kb, EXERCISE, "class.yaml")
    with_pack = TestClient(create_app(served), raise_server_exceptions=False)
    for route in LAB_ROUTES:
        done = with_pack.post(route, json={"pack": EXERCISE, "name": "mine.yaml", "present": ["dry eyes"]})
        check_error(
            done.status_code, done.headers["content-type"], done.text, 409, "rule pack class.yaml (serve --rules)"
        )
    assert with_pack.post("/api/explore", json={"present": LUPUS_CASE}).json()["rule_pack"]["source"] == "class.yaml"
