"""The web app's JSON API through Starlette's test client: the same JSON as the CLI, the limits, the
headers, escaping, and 20 concurrent requests answering exactly as serial ones."""

import asyncio
import json

import httpx2
import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from starlette.testclient import TestClient

from explorer import Questionnaire, compare, explore, knowledge_network, output_schema
from explorer.cli import cli
from explorer.limits import WEB_MAX_BODY_BYTES as MAX_BODY_BYTES
from explorer.limits import WEB_MAX_FINDINGS as MAX_FINDINGS
from explorer.web import create_app

XSS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


@pytest.fixture(scope="module")
def client(kb):
    return TestClient(create_app(kb))


def cli_json(*args) -> dict:
    done = CliRunner().invoke(cli, list(args))
    assert done.exit_code in (0, 1), done.output
    return json.loads(done.stdout)


def test_explore_returns_exactly_what_match_prints_as_json(client):
    response = client.post("/api/explore", json={"present": ["tingling feet", "dry eyes"], "absent": ["fever"]})
    assert response.status_code == 200
    assert response.json() == cli_json("match", "--format", "json", "--absent", "fever", "tingling feet", "dry eyes")
    jsonschema.validate(response.json(), output_schema())
    assert response.json()["suggestions"][0]["condition"]["id"] == "sjogren_syndrome"


def test_browsing_endpoints_match_the_cli(client):
    assert client.get("/api/conditions").json() == cli_json("conditions", "--format", "json")
    assert client.get("/api/conditions/SLE").json() == cli_json("show", "--format", "json", "SLE")
    assert client.get("/api/symptoms?search=dry").json() == cli_json("symptoms", "--format", "json", "--search", "dry")


def test_unknown_condition_and_endpoint_are_json_404s(client):
    response = client.get("/api/conditions/nothing-like-this")
    assert response.status_code == 404
    assert "no condition called" in response.json()["error"]
    assert client.get("/api/nowhere").status_code == 404
    assert client.get("/api/nowhere").json() == {"error": "no such endpoint: /api/nowhere"}


def test_compare_rules_and_cases_match_the_teaching_commands(client):
    data = client.get("/api/compare", params={"a": "sjogren", "b": "SLE"}).json()
    assert data == cli_json("compare", "--format", "json", "sjogren", "SLE")
    assert "dry_eyes" in [f["id"] for f in data["only_a"]]
    assert client.get("/api/compare", params={"a": "sjogren", "b": "nothing-like-this"}).status_code == 404
    assert client.get("/api/rules").json() == cli_json("rules", "--format", "json")
    narrowed = client.get("/api/rules", params={"for": "sjogren", "uses": "dry eyes"}).json()
    assert narrowed == cli_json("rules", "--format", "json", "--for", "sjogren", "--uses", "dry eyes")
    assert client.get("/api/rules", params={"for": "nothing-like-this"}).status_code == 404
    cases = client.get("/api/cases").json()
    assert cases == cli_json("cases", "--format", "json")
    assert all(c["expect"]["first"] or c["expect"]["red_flags"] for c in cases["cases"])


def test_the_network_is_the_teaching_cores(client, kb):
    network = client.get("/api/network").json()
    assert {k: v for k, v in network.items() if k != "schema_version"} == knowledge_network(kb).to_dict()
    ids = {n["id"] for n in network["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in network["edges"])
    assert {"finding:paralysis", "red_flag:paralysis"} <= ids  # same id, two kinds, two nodes


def test_explore_with_steps_carries_the_agenda_and_working_memory(client):
    data = client.post("/api/explore", json={"present": ["tingling feet", "dry eyes"]}).json()
    assert len(data["steps"]) == len(data["trace"])
    first = data["steps"][0]
    assert first["agenda"][0]["rule"] == first["rule"] == data["trace"][0]["rule"]
    assert first["memory"] and first["added"]


def test_what_if_says_what_moved(client, kb):
    body = {"present": ["tingling feet", "dry eyes"], "changes": ["!dry eyes"]}
    data = client.post("/api/what-if", json=body).json()
    assert data["after"]["absent"][0]["symptom"]["id"] == "dry_eyes"
    sjogren = next(m for m in data["moves"] if m["condition"] == "sjogren_syndrome")
    assert sjogren["direction"] == "left"
    assert data == cli_json("match", "--format", "json", "--what-if", "!dry eyes", "tingling feet", "dry eyes")
    bad = client.post("/api/what-if", json={"present": ["numbness"], "changes": ["dry eyes"]})
    assert bad.status_code == 422 and "must start with +" in bad.json()["error"]


def test_parse_splits_free_text_and_names_what_it_did_not_understand(client):
    data = client.post("/api/parse", json={"text": "tingling feet, dry eyes, zzqx"}).json()
    assert [r["symptom"]["id"] for r in data["recognized"]] == ["dry_eyes", "tingling"]
    assert [u["input"] for u in data["unrecognized"]] == ["zzqx"]
    assert data["absent"] == [] and data["conflicting"] == []
    too_long = client.post("/api/parse", json={"text": "numbness " * 300})
    assert too_long.status_code == 422 and "longer than 2000" in too_long.json()["error"]


def test_parse_carries_what_the_parse_command_prints(client):
    text = "tinglng in my feet but no dry mouth, zzqx"
    data = client.post("/api/parse", json={"text": text}).json()
    shown = CliRunner().invoke(cli, ["parse", "--format", "json", text])
    assert data["parse"] == json.loads(shown.stdout)
    assert [r["symptom"]["id"] for r in data["recognized"]] == ["tingling"]
    assert [r["symptom"]["id"] for r in data["absent"]] == ["dry_mouth"]
    (mention,) = [m for m in data["parse"]["mentions"] if m["symptom"]["id"] == "tingling"]
    assert mention["corrections"] and mention["sites"][0]["id"] == "feet"
    assert data["parse"]["leftovers"][0]["text"] == "zzqx"


def test_questionnaire_steps_back_and_saves_what_ask_save_writes(client, kb, tmp_path):
    first = client.post("/api/questionnaire", json={"add": "numbness, dry eyes"}).json()
    assert [a["finding"]["id"] for a in first["answers"]] == ["numbness", "dry_eyes"]  # as typed
    question = first["question"]["finding"]["id"]
    # the first question is the spread, a choice: it says what it tells apart in a sentence of its own
    assert first["question"]["why"] == [] and first["question"]["choices"]
    assert first["question"]["tells_apart"] == ["Sjögren's syndrome", "Peripheral neuropathy"]
    assert first["question"]["why_text"].startswith("Where it started and how it moved tells Sjögren's syndrome")
    answers = [{"finding": a["finding"]["id"], "answer": a["answer"]} for a in first["answers"]]
    second = client.post(
        "/api/questionnaire", json={"answers": [*answers, {"finding": question, "answer": "unsure"}]}
    ).json()
    assert second["answers"][-1] == {"finding": first["question"]["finding"], "answer": "unsure", "entered": False}
    assert second["question"]["why"], "every yes/no question says which suggestions it helps tell apart"
    back = client.post("/api/questionnaire", json={"answers": answers}).json()
    assert back["question"] == first["question"] and back["result"] == first["result"]
    # the download is byte for byte the file `ask --save` writes for the same answers
    done = CliRunner().invoke(
        cli, ["ask", "--save", str(tmp_path / "a.yaml")], input="numbness, dry eyes\n\nnot sure\nquit\n"
    )
    assert done.exit_code in (0, 1), done.output
    assert second["saved"] == (tmp_path / "a.yaml").read_text(encoding="utf-8")
    loaded = client.post("/api/questionnaire/load", json={"yaml": second["saved"]}).json()
    assert [(a["finding"]["id"], a["answer"]) for a in loaded["answers"]] == [
        (a["finding"]["id"], a["answer"]) for a in second["answers"]
    ]
    assert loaded["question"] == second["question"]


def test_questionnaire_rejects_bad_answers_and_bad_files(client):
    bad = client.post("/api/questionnaire", json={"answers": [{"finding": "dry_eyes", "answer": "maybe"}]})
    assert bad.status_code == 422 and "yes, no or unsure" in bad.json()["error"]
    unknown = client.post("/api/questionnaire", json={"answers": [{"finding": "<b>x</b>", "answer": "yes"}]})
    assert unknown.status_code == 422
    assert client.post("/api/questionnaire", json={"add": "zzqx"}).status_code == 422
    broken = client.post("/api/questionnaire/load", json={"yaml": "- id: [unclosed"})
    assert broken.status_code == 422 and "malformed" in broken.json()["error"]
    two = client.post(
        "/api/questionnaire/load", json={"yaml": "- {id: a, symptoms: [numbness]}\n- {id: b, symptoms: [numbness]}\n"}
    )
    assert two.status_code == 422 and "one was expected" in two.json()["error"]


# --- Time course and pattern in the browser (issue 21): the same data as the CLI's, from the same core.


def test_compare_carries_the_time_course_rows_of_the_compare_command(client, kb):
    data = client.get("/api/compare", params={"a": "GBS", "b": "diabetic neuropathy"}).json()
    core = compare("guillain_barre_syndrome", "diabetic_neuropathy", kb=kb)
    assert data["time_course"] == core.to_dict()["time_course"]
    assert [row["dimension"] for row in data["time_course"]] == [row.split(":")[0] for row in core.course_rows()]
    onset = data["time_course"][0]
    assert onset["dimension"] == "onset"
    assert ("onset_acute", "hallmark") in [(f["id"], f["role"]) for f in onset["a"]]
    # diabetic neuropathy's one hallmark onset is chronic; a rule (diabetic amyotrophy) names the quicker ones
    assert [(f["id"], f["role"]) for f in onset["b"] if f["role"] != "rule"] == [("onset_chronic", "hallmark")]


def test_explore_says_what_it_read_as_time_course(client):
    parsed = client.post("/api/parse", json={"text": "diabetes, my legs got weak over the weekend, cant walk"}).json()
    said = {r["symptom"]["id"]: r["input"] for r in parsed["recognized"]}
    assert said["onset_acute"] == "over the weekend" and said["severity_cannot_walk"] == "cant walk"
    labels = [r["symptom"]["label"] for r in parsed["recognized"]]
    result = client.post("/api/explore", json={"present": labels}).json()  # what the Explore page sends
    read = [(c["dimension"], c["value"]["id"]) for c in result["time_course"]]
    assert read == [("onset", "onset_acute"), ("severity", "severity_cannot_walk")]
    assert result["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"
    assert client.post("/api/explore", json={"present": ["numbness"]}).json()["time_course"] == []


def test_questionnaire_asks_the_onset_as_a_choice_as_ask_does(client, kb, tmp_path):
    first = client.post("/api/questionnaire", json={"add": "diabetes, numb feet"}).json()
    question = first["question"]
    assert question["text"] == kb.time_course.ask[0][1]
    choices = [c["id"] for c in question["choices"]]
    assert choices == ["onset_sudden", "onset_acute", "onset_subacute", "onset_chronic"]
    assert [c["text"] for c in question["choices"]][1] == "acute (days)"
    answers = [{"finding": a["finding"]["id"], "answer": a["answer"]} for a in first["answers"]]
    picked = client.post(
        "/api/questionnaire", json={"answers": [*answers, {"finding": "onset_acute", "answer": "yes"}]}
    )
    step = picked.json()
    assert step["answers"][-1]["finding"]["id"] == "onset_acute"
    assert [c["value"]["id"] for c in step["result"]["time_course"]] == ["onset_acute"]
    onset = step["question"] is not None and step["question"]["finding"]["id"].startswith("onset_")
    assert not onset, "the onset is not asked twice"
    # the terminal's `ask` offers the same choice and, picking 2, saves the same file
    done = CliRunner().invoke(
        cli, ["ask", "--save", str(tmp_path / "a.yaml")], input="diabetes, numb feet\n\n2\nquit\n"
    )
    assert done.exit_code in (0, 1), done.output
    told = " ".join(done.output.split())  # `ask` wraps its lines
    assert question["text"] in told and "2. acute (days)" in told
    assert step["saved"] == (tmp_path / "a.yaml").read_text(encoding="utf-8")
    loaded = client.post("/api/questionnaire/load", json={"yaml": first["saved"]}).json()
    assert loaded["question"] == question  # a loaded file goes on as the page does
    yes_no = client.post("/api/questionnaire", json={"add": "dry eyes, dry mouth"}).json()["question"]
    assert yes_no["choices"] == [] and yes_no["tells_apart"] == [] and yes_no["why_text"] == ""
    assert yes_no["urgency"] is None  # not a warning sign: asked for what it tells apart only
    urgent = client.post("/api/questionnaire", json={"add": "weak legs, flu"}).json()["question"]
    assert urgent["text"] == "Have you noticed this: weakness that spreads or worsens quickly?"
    assert urgent["urgency"] == "emergency"  # why it comes before every other question


@pytest.mark.parametrize(
    "body, status, message",
    [
        ({}, 422, "no findings given"),
        ({"present": "numbness", "colour": "red"}, 422, "unknown key"),
        ({"present": [1, 2]}, 422, "list of strings"),
        ({"present": ["x" * 201]}, 422, "longer than 200"),
        ({"present": ["numbness"] * (MAX_FINDINGS + 1)}, 422, "too many findings"),
        ({"present": [",".join(["ab"] * (MAX_FINDINGS + 1))]}, 422, "too many findings"),
    ],
)
def test_explore_limits_are_clear_4xx(client, body, status, message):
    response = client.post("/api/explore", json=body)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_oversized_and_malformed_bodies(client):
    big = client.post(
        "/api/explore", content=b"{" + b" " * MAX_BODY_BYTES + b"}", headers={"content-type": "application/json"}
    )
    assert big.status_code == 413 and "larger than" in big.json()["error"]
    as_json = {"content-type": "application/json"}
    assert client.post("/api/explore", content=b"{not json", headers=as_json).status_code == 400
    wrong = client.post("/api/explore", content=b"[1]", headers=as_json)
    assert wrong.json() == {"error": "the request body must be an object, not a list"}


def test_every_response_carries_the_security_headers(client):
    for response in (
        client.get("/"),
        client.get("/api/rules"),
        client.get("/api/nowhere"),
        client.get("/static/app.css"),
    ):
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "default-src 'none'" in policy and "unsafe" not in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_and_answers_are_never_stored_and_the_shipped_files_are_checked_each_time(client):
    # Pages and answers show findings: no browser or proxy keeps them. The shipped scripts hold nothing of
    # the person's: kept, but asked for again with their ETag, so an upgraded package is seen at once.
    for response in (client.get("/"), client.post("/api/explore", json={"present": ["numbness"]})):
        assert response.headers["cache-control"] == "no-store"
    script = client.get("/static/vendor/cytoscape.min.js")
    assert script.headers["cache-control"] == "no-cache" and script.headers["etag"]
    again = client.get("/static/vendor/cytoscape.min.js", headers={"if-none-match": script.headers["etag"]})
    assert again.status_code == 304 and again.headers["cache-control"] == "no-cache"


def test_user_text_comes_back_as_data_never_as_markup(client):
    data = client.post("/api/explore", json={"present": ["numbness", *XSS]}).json()
    # however the text is cut into leftovers, each piece comes back verbatim, never entity-escaped
    inputs = [u["input"] for u in data["unrecognized"]]
    assert inputs and all(any(piece in x for x in XSS) for piece in inputs)
    assert "<script" in " ".join(inputs) and "&lt;" not in " ".join(inputs)
    # the page's scripts only ever set text: no HTML parsing of anything
    for script in ("dom", "results", "explore", "reasoning", "ask", "library", "main"):
        code = client.get(f"/static/js/{script}.js").text
        for sink in (".innerHTML", ".outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, (script, sink)


def test_the_page_and_its_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    for asset in (
        "/static/app.css",
        "/static/js/main.js",
        "/static/vendor/cytoscape.min.js",
        "/static/vendor/cytoscape.LICENSE",
    ):
        assert client.get(asset).status_code == 200, asset
        assert asset in page.text or not asset.endswith((".css", "main.js", "min.js")), asset
    assert "http://" not in page.text and "https://" not in page.text, "nothing from a CDN"


def test_openapi_describes_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {
        "/api/explore",
        "/api/what-if",
        "/api/parse",
        "/api/questionnaire",
        "/api/rules",
        "/api/conditions",
        "/api/compare",
        "/api/cases",
    }
    assert "post" in schema["paths"]["/api/explore"]


def test_twenty_concurrent_requests_answer_exactly_as_serial_ones(client, kb):
    bodies = [
        {"present": ["tingling feet", "dry eyes"]},
        {"present": ["butterfly rash", "joint pain", "tiredness"]},
        {"present": ["weak legs", "tingling feet", "recent stomach bug", "weakness spreading up the legs"]},
        {"present": ["joint pain", "swollen joints", "morning stiffness"], "absent": ["butterfly rash"]},
        {"present": ["burning feet", "numbness", "type 2 diabetes"]},
    ] * 4
    serial = [client.post("/api/explore", json=body).json() for body in bodies]

    async def together():
        transport = httpx2.ASGITransport(app=create_app(kb))
        async with httpx2.AsyncClient(transport=transport, base_url="http://test") as http:
            responses = await asyncio.gather(*(http.post("/api/explore", json=body) for body in bodies))
        return [r.json() for r in responses]

    assert asyncio.run(together()) == serial
    assert len({json.dumps(s, sort_keys=True) for s in serial}) == 5


def test_saved_yaml_is_valid_batch_input(client, kb):
    step = client.post("/api/questionnaire", json={"add": "joint pain, swollen joints"}).json()
    case = yaml.safe_load(step["saved"])[0]
    q = Questionnaire(kb)
    for a in step["answers"]:
        q.record(a["finding"]["id"], a["answer"])
    assert case == q.as_case()


def test_a_local_server_answers_only_to_local_host_names(kb):
    from explorer.web.app import LOCAL_HOSTS

    local = TestClient(create_app(kb, allowed_hosts=LOCAL_HOSTS), base_url="http://127.0.0.1:8000")
    assert local.get("/api/conditions").status_code == 200
    assert local.get("/api/conditions", headers={"host": "localhost:8000"}).status_code == 200
    rebound = local.get("/api/conditions", headers={"host": "attacker.example:8000"})
    assert rebound.status_code == 400
    assert rebound.headers["content-security-policy"]


def test_every_answer_matches_the_published_schema(client):
    defs = output_schema()["$defs"]

    def check(data, definition):
        jsonschema.validate(data, {"$ref": f"#/$defs/{definition}", "$defs": defs})

    check(client.post("/api/explore", json={"present": ["weak legs", "recent stomach bug"]}).json(), "result")
    check(client.post("/api/parse", json={"text": "numbness, zzqx"}).json(), "parse_reading")
    step = client.post("/api/questionnaire", json={"add": "numbness, dry eyes, qqq"}).json()
    check(step, "questionnaire_step")
    check(client.post("/api/questionnaire", json={"add": "diabetes, numb feet"}).json(), "questionnaire_step")
    check(client.post("/api/questionnaire/load", json={"yaml": step["saved"]}).json(), "questionnaire_step")
    check(client.get("/api/network").json(), "network")
    check(client.post("/api/what-if", json={"present": ["numbness"], "changes": ["+dry eyes"]}).json(), "what_if")
    check(client.get("/api/compare", params={"a": "GBS", "b": "MS"}).json(), "comparison")
    check(client.get("/api/rules").json(), "rule_list")
    check(client.get("/api/cases").json(), "case_list")


def test_a_cases_path_is_the_fired_part_of_the_network(client, kb):
    """What the Reasoning page draws by default (and lists in its twin): only what the case's firings used."""
    body = {"present": ["tingling feet", "dry eyes"], "absent": ["fever"]}
    path = client.post("/api/network/path", json=body).json()
    result = explore(["tingling feet", "dry eyes"], ["fever"], kb=kb)
    expected = knowledge_network(kb, result, only_fired=True).to_dict()
    assert {k: v for k, v in path.items() if k != "schema_version"} == expected
    ids = {n["id"] for n in path["nodes"]}
    assert {"finding:dry_eyes", "pattern:sicca_symptoms", "condition:sjogren_syndrome"} <= ids
    assert len(ids) < len(client.get("/api/network").json()["nodes"]) / 4
    assert all(n["fired"] for n in path["nodes"]) and all(e["fired"] for e in path["edges"])
    jsonschema.validate(path, {"$ref": "#/$defs/network", "$defs": output_schema()["$defs"]})
    assert client.post("/api/network/path", json={}).status_code == 422
    assert client.post("/api/network/path", json={"present": "numbness", "extra": 1}).status_code == 422
