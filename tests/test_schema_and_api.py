"""The published JSON Schema validates real outputs, and the Python API returns the records that back
the CLI's JSON."""

import json

import jsonschema
import pytest
from click.testing import CliRunner

import explorer
from explorer.cli import cli

CASES = [
    (["numbness", "dry eyes"], ["dry mouth"]),
    (["weakness", "tingling", "recent flu", "trouble breathing"], []),
    (["xyzzy", "tinggeling", "tinglng in my feet but no dry mouth"], []),
    (["numbness"], ["numbness", "fever"]),
    (["butterfly rash", "joint pain", "tired", "HP:0001596"], []),
]


@pytest.fixture(scope="module")
def schema():
    data = explorer.output_schema()
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def batch_validator(schema):
    return jsonschema.Draft202012Validator({**schema, "$ref": "#/$defs/batch_record"})


@pytest.mark.parametrize("present,absent", CASES)
def test_match_json_output_validates(schema, present, absent):
    args = ["match", "--format", "json", *present] + [f"--absent={a}" for a in absent]
    data = json.loads(CliRunner().invoke(cli, args).stdout)
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_a_broken_result(schema):
    data = explorer.explore(["numbness"]).to_dict()
    data["suggestions"][0]["strength"] = "87%"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
    del data["disclaimer"]
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_batch_records_validate(schema):
    stdin = (
        "\n".join(
            json.dumps(line)
            for line in [
                {"id": "ok", "symptoms": ["numbness"]},
                {"id": "bad", "symptoms": 3},
                {"id": "partial", "symptoms": ["tingling", "x"]},
                {"id": "pp", "phenotypicFeatures": [{"type": {"id": "HP:0000217"}}]},
            ]
        )
        + "\nnot json\n"
    )
    out = CliRunner().invoke(cli, ["batch", "-", "--input-format", "jsonl"], input=stdin).stdout
    validator = batch_validator(schema)
    lines = out.splitlines()
    assert len(lines) == 5
    for line in lines:
        validator.validate(json.loads(line))
    array = json.loads(
        CliRunner().invoke(cli, ["batch", "-", "--input-format", "jsonl", "--format", "json"], input=stdin).stdout
    )
    assert len(array) == 5
    for record in array:  # batch --format json: each element is a batch_record too
        validator.validate(record)


def test_api_records_back_the_cli_json():
    # match --format json records the engine's steps too (the "steps" key), so ask the API for them
    result = explorer.explore(["numbness", "dry eyes"], absent=["dry mouth"], steps=True)
    assert isinstance(result, explorer.Result)
    top = result.suggestions[0]
    assert isinstance(top, explorer.Suggestion) and top.condition.name == "Sjögren's syndrome"
    assert isinstance(top.supporting[0], explorer.Evidence)
    cli_json = json.loads(
        CliRunner().invoke(cli, ["match", "--format", "json", "--absent", "dry mouth", "numbness", "dry eyes"]).stdout
    )
    assert result.to_dict() == cli_json


def test_records_are_frozen():
    result = explorer.explore(["numbness"])
    with pytest.raises(AttributeError):
        result.suggestions[0].strength = "strong"


def test_api_browsing_and_custom_knowledge(kb_copy):
    assert explorer.get_condition("GBS").id == "guillain_barre_syndrome"
    assert explorer.get_condition("nonsense") is None
    assert {c.id for c in explorer.list_conditions()} >= {"sjogren_syndrome", "toxic_neuropathy"}
    assert [s.id for s in explorer.list_symptoms("xerostomia")] == ["dry_mouth"]
    custom = explorer.load_knowledge(kb_copy)
    assert explorer.explore(["numbness"], kb=custom).suggestions[0].condition.id == "peripheral_neuropathy"


def test_api_errors_are_our_own_types(tmp_path):
    with pytest.raises(explorer.InputError):
        explorer.explore([])
    with pytest.raises(explorer.KnowledgeError):
        explorer.load_knowledge(tmp_path)
    bad = tmp_path / "cases.csv"
    bad.write_text("wrong,header\n", encoding="utf-8")
    with pytest.raises(explorer.BatchFileError):
        list(explorer.explore_file(bad))
