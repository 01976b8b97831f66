"""Time course, spread, symmetry and severity as evidence (data/time_course.yaml, rules/60_time_course.yaml,
explorer/language/time_course.py): read from free text, HPO terms and Phenopackets; weighed and used by
rules; the emergency flag for a recent weakness that stops walking, and none for a chronic stable picture."""

import collections
import json

import pytest
from click.testing import CliRunner

from explorer import explore
from explorer.cli import cli
from explorer.errors import InputError
from explorer.language.parser import parse
from explorer.reasoning.whatif import what_if

DIABETIC_ACUTE = (
    "I have type 2 diabetes. Over the last four days my legs have become weak, first my ankles and then "
    "my thighs. Today I can't walk at all."
)
DIABETIC_CHRONIC = "I have type 2 diabetes. For years both my feet have slowly gone numb, starting in my toes."


def course(text, kb) -> dict:
    """course finding id -> the ids of the findings it was said of, for one text."""
    return {m.symptom.id: [s.id for s in m.qualifies] for m in parse(text, kb).mentions if m.symptom.kind == "course"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("my legs have been weak over the weekend", {"onset_acute"}),
        ("numb feet for years", {"onset_chronic"}),
        ("the tingling comes and goes", {"course_relapsing"}),
        ("it started in my toes and is creeping up", {"spread_from_feet", "spread_ascending"}),
        ("numbness in both feet", {"symmetry_both_sides"}),
        ("tingling in only my left arm", {"symmetry_one_side", "spread_one_limb"}),
        ("my legs are weak and I can't walk without help", {"severity_cannot_walk"}),
        ("my legs are weak and now I cannot walk", {"severity_cannot_walk"}),
        ("my right foot dropped, then my left hand went numb", {"symmetry_patchy"}),
        ("weak legs two weeks after a stomach bug", {"course_after_infection", "onset_acute"}),
        ("tingling for three weeks", {"onset_subacute"}),
    ],
)
def test_the_reader_reads_time_course_and_pattern(kb, text, expected):
    assert set(course(text, kb)) == expected


def test_days_of_weakness_that_stop_walking_warn_however_cannot_is_spelt(kb):
    for text in ("over four days my legs got weak and now I cannot walk", "my legs got weak in 4 days, can't walk"):
        assert "spreading_weakness" in {flag.id for flag in explore([text], kb=kb).red_flags}, text


def test_a_value_is_linked_to_the_findings_of_its_sentence_or_to_the_whole_picture(kb):
    assert course("my feet have been numb for years", kb) == {"onset_chronic": ["numbness"]}
    assert course("My feet are numb. It has been like this for years.", kb) == {"onset_chronic": []}


def test_the_dates_of_a_history_sentence_are_not_the_findings_course(kb):
    # "for fifteen years" dates the diabetes, not the weakness that came this week (weakness over days is read
    # as weakness that worsens quickly, issue 21)
    got = course("I've had diabetes for fifteen years. My legs got weak over three days.", kb)
    assert got == {"onset_acute": ["rapidly_spreading_weakness"]}


def test_the_shortest_onset_is_kept(kb):
    assert set(course("numb feet for years, and since yesterday my legs are weak", kb)) == {"onset_acute"}


def test_the_diabetic_with_acute_weakness_gets_gbs_first_and_the_emergency_flag(kb):
    result = explore([DIABETIC_ACUTE], kb=kb)
    assert result.suggestions[0].condition.id == "guillain_barre_syndrome"
    assert "spreading_weakness" in {f.id for f in result.red_flags}
    assert "red-flag.recent-weakness-disabling" in {t.rule for t in result.trace}


def test_the_diabetic_with_a_slow_picture_gets_diabetic_neuropathy_and_no_flag(kb):
    result = explore([DIABETIC_CHRONIC], kb=kb)
    assert result.suggestions[0].condition.id == "diabetic_neuropathy"
    assert "time.diabetic-chronic-distal" in {t.rule for t in result.trace}
    assert result.red_flags == ()


def test_a_chronic_stable_picture_never_raises_the_flag_by_itself(kb):
    text = "I can't walk without help. My legs have been weak for years and it hasn't changed."
    result = explore([text], kb=kb)
    assert {"onset_chronic", "course_stable", "severity_cannot_walk"} <= {r.symptom.id for r in result.recognized}
    assert result.red_flags == ()


@pytest.mark.parametrize(
    "findings,rule,condition",
    [
        (["acute onset", "ascending spread", "numbness"], "time.gbs-recent-ascending", "guillain_barre_syndrome"),
        (["relapsing remitting", "numbness"], "time.ms-relapsing", "multiple_sclerosis"),
        (["Course: follows an exposure", "tingling"], "time.toxic-follows-exposure", "toxic_neuropathy"),
        (
            ["patchy", "numbness", "butterfly rash"],
            "time.vasculitic-patchy-lupus-signs",
            "systemic_lupus_erythematosus",
        ),
        (
            ["chronic", "heavy drinking", "numbness", "symmetric"],
            "time.alcohol-chronic-distal",
            "alcohol_related_neuropathy",
        ),
    ],
)
def test_rules_fire_on_the_course_facts(kb, findings, rule, condition):
    result = explore(findings, kb=kb)
    assert rule in {t.rule for t in result.trace}
    assert condition in {s.condition.id for s in result.suggestions}


def test_without_the_course_fact_the_rule_does_not_fire(kb):
    assert "time.ms-relapsing" not in {t.rule for t in explore(["numbness"], kb=kb).trace}


def test_a_course_value_is_no_finding_of_its_own_for_the_strength_word(kb):
    # one finding with its course is still one finding: never more than weak
    result = explore(["numbness", "relapsing remitting"], kb=kb)
    assert {s.strength for s in result.suggestions} == {"weak"}


def test_hpo_onset_and_course_terms_in_match_input(kb):
    result = explore(["HP:0011009", "HP:0012832", "muscle weakness", "HP:0003676"], kb=kb)
    ids = {r.symptom.id for r in result.recognized}
    assert {"onset_acute", "symmetry_both_sides", "course_progressing"} <= ids


def test_match_json_adds_the_time_course_key():
    done = CliRunner().invoke(cli, ["match", DIABETIC_ACUTE, "--format", "json"])
    data = json.loads(done.stdout)
    assert data["schema_version"] == 1
    got = {(c["dimension"], c["value"]["id"]) for c in data["time_course"]}
    assert {("onset", "onset_acute"), ("spread", "spread_ascending"), ("severity", "severity_cannot_walk")} <= got
    onset = next(c for c in data["time_course"] if c["dimension"] == "onset")
    # legs weak over four days: weakness that worsens quickly (issue 21)
    assert onset["qualifies"] == [
        {"id": "rapidly_spreading_weakness", "label": "Weakness that spreads or worsens quickly"}
    ]
    assert data["urgency"]["level"] == "emergency"
    assert json.loads(CliRunner().invoke(cli, ["match", "numbness", "--format", "json"]).stdout)["time_course"] == []


def test_match_text_shows_the_flag_first_and_the_course_in_the_findings_used():
    done = CliRunner().invoke(cli, ["match", DIABETIC_ACUTE, "--explain"])
    assert done.exit_code == 1, done.output  # 1: a few words were not used ("become", "first"), as it says
    assert '"can\'t walk"' not in done.stdout and '"last four"' not in done.stdout  # read as course, not left over
    assert done.stdout.index("emergency") < done.stdout.index("Guillain-Barré syndrome")
    assert "Onset: acute (days)" in done.stdout and "red-flag.recent-weakness-disabling" in done.stdout


def test_what_if_onset_chronic_clears_the_flag(kb):
    compared = what_if([DIABETIC_ACUTE], changes=["onset=chronic"], kb=kb)
    assert "spreading_weakness" in compared.red_flags_cleared
    assert "onset_chronic" in {r.symptom.id for r in compared.after.recognized}
    assert "onset_acute" not in {r.symptom.id for r in compared.after.recognized}


@pytest.mark.parametrize("change,says", [("onset=weekly", "sudden, acute, subacute, chronic"), ("pace=fast", "onset")])
def test_what_if_with_an_unknown_dimension_or_value_is_a_clear_error(kb, change, says):
    with pytest.raises(InputError, match=says):
        what_if(["numbness"], changes=[change], kb=kb)
    done = CliRunner().invoke(cli, ["match", "numbness", "--what-if", change])
    assert done.exit_code == 2 and says in done.output and "Traceback" not in done.output


def test_batch_reads_the_course_in_every_format(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"id": "d1", "symptoms": [DIABETIC_ACUTE]}) + "\n")
    done = CliRunner().invoke(cli, ["batch", str(cases), "--format", "jsonl"])
    record = json.loads(done.stdout.splitlines()[0])
    assert record["result"]["urgency"]["level"] == "emergency"
    assert "onset_acute" in {c["value"]["id"] for c in record["result"]["time_course"]}


def _phenopacket(features) -> dict:
    return {
        "id": "pp-1",
        "subject": {"id": "patient-1", "sex": "FEMALE"},
        "phenotypicFeatures": features,
        "metaData": {"created": "2026-12-03T00:00:00Z", "createdBy": "test", "phenopacketSchemaVersion": "2.0"},
    }


def test_phenopacket_onset_and_modifiers_are_read(tmp_path):
    packet = _phenopacket(
        [
            {
                "type": {"id": "HP:0007340", "label": "Lower limb muscle weakness"},
                "onset": {"ontologyClass": {"id": "HP:0011009", "label": "Acute"}},
                "modifiers": [{"id": "HP:0012832", "label": "Bilateral"}, {"id": "HP:0003676", "label": "Progressive"}],
            },
            {"type": {"id": "HP:0001284", "label": "Areflexia"}},
        ]
    )
    path = tmp_path / "pp.json"
    path.write_text(json.dumps(packet))
    done = CliRunner().invoke(cli, ["batch", str(path), "--format", "jsonl"])
    result = json.loads(done.stdout.splitlines()[0])["result"]
    got = {c["value"]["id"] for c in result["time_course"]}
    assert got == {"onset_acute", "symmetry_both_sides", "course_progressing"}
    assert result["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"


def test_phenopacket_v1_onset_term_and_an_excluded_feature(tmp_path):
    packet = _phenopacket(
        [
            {
                "type": {"id": "HP:0003474", "label": "Somatic sensory dysfunction"},
                "onset": {"id": "HP:0011010", "label": "Chronic"},
            },
            {"type": {"id": "HP:0001324", "label": "Muscle weakness"}, "excluded": True, "onset": {"id": "HP:0011009"}},
        ]
    )
    path = tmp_path / "pp.json"
    path.write_text(json.dumps(packet))
    done = CliRunner().invoke(cli, ["batch", str(path), "--format", "jsonl"])
    result = json.loads(done.stdout.splitlines()[0])["result"]
    assert {c["value"]["id"] for c in result["time_course"]} == {"onset_chronic"}  # an excluded feature's onset is not


def test_batch_columns_give_the_course_and_a_bad_value_names_its_line(tmp_path):
    table = tmp_path / "cases.csv"
    table.write_text(
        'id,present,onset,spread\nd1,"weak legs, diabetes",acute,ascending\nd2,numb feet,weekly,\n'
        'd3,numb feet,chronic,"from feet, ascending"\n'
    )
    done = CliRunner().invoke(cli, ["batch", str(table), "--format", "jsonl"])
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.exit_code == 1  # one case failed
    assert [r["status"] for r in records] == ["ok", "error", "ok"]
    assert records[1]["case"]["line"] == 3
    assert records[1]["error"] == "'onset': \"weekly\" is not a value of onset: sudden, acute, subacute, chronic"
    got = {c["value"]["id"] for c in records[2]["result"]["time_course"]}
    assert got == {"onset_chronic", "spread_from_feet"}  # a climb over years is the length-dependent spread
    assert records[2]["result"]["unrecognized"] == []


def test_a_yaml_case_field_that_is_not_text_is_refused_with_its_line(tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "- id: y1\n  symptoms: [numbness]\n  onset: 3\n- id: y2\n  symptoms: [numbness]\n  symmetry: one side\n"
    )
    records = [
        json.loads(line)
        for line in CliRunner().invoke(cli, ["batch", str(cases), "--format", "jsonl"]).stdout.splitlines()
    ]
    assert (records[0]["case"]["line"], records[0]["error"]) == (1, "'onset' must be text, such as onset: sudden")
    assert {c["value"]["id"] for c in records[1]["result"]["time_course"]} == {"symmetry_one_side"}


def test_a_column_value_entered_on_its_own_wins_over_the_story(kb):
    result = explore([DIABETIC_ACUTE, "Onset: chronic (months to years)"], kb=kb)
    ids = {r.symptom.id for r in result.recognized}
    assert "onset_chronic" in ids and "onset_acute" not in ids
    assert result.red_flags == ()


def test_the_case_library_holds_time_course_look_alike_pairs(kb):
    from explorer.cases.library import list_cases, run_case

    cases = {c.id: c for c in list_cases(kb=kb) if c.id.startswith("time-")}
    assert len(cases) >= 12  # at least six pairs
    diabetic = run_case(cases["time-diabetic-acute-weakness"], kb)
    assert diabetic.suggestions[0].condition.id == "guillain_barre_syndrome"
    assert [f.id for f in diabetic.red_flags] == ["spreading_weakness"]
    assert run_case(cases["time-chronic-cannot-walk"], kb).red_flags == ()


def test_ask_offers_when_did_it_start_as_a_choice_and_records_the_pick():
    # the six urgent features are asked first (no), then the onset choice; 2 = over days
    answers = "diabetes, weak legs\n\n" + "no\n" * 6 + "yes\nwhy\n2\nquit\n"
    done = CliRunner().invoke(cli, ["ask"], input=answers)
    assert "When did it start" in done.stdout and "    2. acute (days)" in done.stdout
    assert "Answer with a number from 1 to 4" in done.stdout  # "yes" is no answer to a choice
    assert "How fast it came tells Diabetic neuropathy" in done.stdout
    assert "Onset: acute (days)" in done.stdout.split("What was found so far")[-1]
    assert "Traceback" not in done.output


def test_the_choice_is_not_offered_when_it_would_change_nothing(kb):
    from explorer.reasoning.questionnaire import Questionnaire, course_question

    session = Questionnaire(kb)
    session.record("dry_eyes", "yes", entered=True)
    session.record("dry_mouth", "yes", entered=True)
    assert course_question(session, session.result()) is None
    session = Questionnaire(kb)
    for finding in ("diabetes", "leg_weakness"):
        session.record(finding, "yes", entered=True)
    assert course_question(session, session.result()) is not None
    session.record("onset_chronic", "yes")
    after = course_question(session, session.result())
    assert after is None or after.finding.system != "onset"  # answered: never asked again
    session.record("spread_from_feet", "yes")
    session.record("symmetry_patchy", "unsure")  # "not sure" settles its dimension too
    assert course_question(session, session.result()) is None


def test_the_choice_is_offered_exactly_when_full_runs_would_tell_the_leads_apart(kb):
    """course_question tries each value on the rules' replayed run; a full explore() of every value must
    agree on whether the leading two suggestions change, dimension by dimension (onset, spread, symmetry),
    over many answer sets, and the dimension asked must be one that tells them apart (a dimension a finding
    present already says, data/time_course.yaml's said_by, is left out)."""
    import random

    from explorer.language.time_course import course_findings
    from explorer.reasoning.explore import explore_inference
    from explorer.reasoning.questionnaire import Questionnaire, course_question

    asked = [dimension for dimension, _ in kb.time_course.ask]
    assert asked == ["onset", "spread", "symmetry"]
    values = {d: [s.id for s in course_findings(kb) if s.system == d] for d in asked}
    pool = sorted(s.id for s in kb.symptoms.values() if s.kind != "course")
    rng, offered = random.Random(20261203), collections.Counter()
    for _ in range(120):
        session = Questionnaire(kb)
        for finding in rng.sample(pool, rng.randint(1, 4)):
            session.record(finding, "yes", entered=True)
        result = session.result()
        apart = set()
        for dimension in asked:
            said = {by for value, by in kb.time_course.said_by if value in values[dimension]}
            if said & set(session.present()):
                continue  # a finding present says it in its own name ("weakness on one side"): never asked
            leads = set()
            for value in values[dimension]:
                labels = session._labels([*session.present(), value])
                ranked = explore_inference(labels, [], kb).result.suggestions[:2]
                leads.add(tuple((s.condition.id, s.strength) for s in ranked))
            if len(result.suggestions) >= 2 and len(leads) > 1:
                apart.add(dimension)
        question = course_question(session, result)
        assert (question is not None) == bool(apart), session.present()
        if question:
            assert question.finding.system in apart, (session.present(), apart)
            offered[question.finding.system] += 1
    # the sample reaches the question, not only pictures it leaves alone
    assert offered["onset"] >= 10 and offered["spread"] + offered["symmetry"] >= 1, offered


def test_ask_raises_the_emergency_flag_from_a_story_typed_at_the_start():
    done = CliRunner().invoke(cli, ["ask"], input="my legs got weaker over three days and now I can't walk\n\nquit\n")
    warning = done.stdout.split("!! URGENT - EMERGENCY NOW")[1].split("findings>")[0]
    assert "Weakness that spreads" in warning and "Severity: cannot walk" in " ".join(warning.split())


def test_the_web_api_reads_the_course_and_raises_the_flag(kb):
    from starlette.testclient import TestClient

    from explorer.web.app import create_app

    response = TestClient(create_app(kb)).post("/api/explore", json={"present": [DIABETIC_ACUTE]})
    data = response.json()
    assert data["urgency"]["level"] == "emergency"
    assert data["suggestions"][0]["condition"]["id"] == "guillain_barre_syndrome"
    assert "onset_acute" in {c["value"]["id"] for c in data["time_course"]}


def test_compare_shows_the_time_course_rows_apart_from_the_findings():
    done = CliRunner().invoke(cli, ["compare", "gbs", "diabetic_neuropathy"])
    rows = done.stdout.split("Time course and pattern:")[1].split("Rules suggesting")[0]
    assert "onset: acute (days) [hallmark]" in " ".join(rows.split())
    assert "/ chronic (months to years) [hallmark]" in " ".join(rows.split())
    assert "Onset:" not in done.stdout.split("Time course and pattern:")[0]  # not among the findings
    data = json.loads(CliRunner().invoke(cli, ["compare", "gbs", "ms", "--format", "json"]).stdout)
    course = next(r for r in data["time_course"] if r["dimension"] == "course")
    assert [f["id"] for f in course["b"]][0] == "course_relapsing" and course["b"][0]["role"] == "hallmark"
    for fmt in ("markdown", "html"):
        assert "Time course and pattern" in CliRunner().invoke(cli, ["compare", "gbs", "ms", "--format", fmt]).stdout


@pytest.mark.slow
def test_the_installed_command_as_a_user_would(tmp_path):
    from tests.test_installed import installed

    done = installed("match", DIABETIC_ACUTE, cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # "become" and "first" are left over, as it says
    assert done.stdout.startswith("!! URGENT - EMERGENCY NOW") and "Weakness that spreads" in done.stdout
    assert done.stdout.index("1. Guillain-Barré syndrome") < done.stdout.index("Diabetic neuropathy")
    calm = installed("match", DIABETIC_CHRONIC, "--what-if", "onset=acute", cwd=tmp_path)
    assert calm.returncode == 0, calm.stderr
    stopped = " ".join(calm.stdout.split("Rules that stop firing:")[1].split())
    assert stopped.startswith("time.diabetic-chronic-distal")  # the story's onset gave way to the one set
    bad = installed("match", "numbness", "--what-if", "onset=soon", cwd=tmp_path)
    assert bad.returncode == 2 and "is not a value of onset" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    "text,severity",
    [
        ("since Sunday my legs are weak and I need help to walk to the bathroom", "severity_cannot_walk"),
        ("weak legs over three days, I am on crutches now", "severity_cannot_walk"),
        ("my legs went weak over two days and now I can hardly walk", "severity_cannot_walk"),
        ("in four days I went from fine to needing a zimmer frame, my legs are so weak", "severity_cannot_walk"),
        ("since yesterday my legs keep giving way", "severity_cannot_stand"),
        ("my knees buckled twice this morning", "severity_cannot_stand"),
    ],
)
def test_walking_only_with_help_an_aid_or_legs_that_give_way_is_read_as_severity_and_warns(kb, text, severity):
    # every kind of wording for lost walking: help, an aid, "hardly", legs that give way
    result = explore([text], kb=kb)
    assert severity in {r.symptom.id for r in result.recognized}
    assert "spreading_weakness" in {flag.id for flag in result.red_flags}


def test_an_aid_for_years_is_read_but_raises_nothing_by_itself(kb):
    result = explore(["My legs have been weak for years and I use a walking stick."], kb=kb)
    assert "severity_cannot_walk" in {r.symptom.id for r in result.recognized}
    assert result.red_flags == ()


def test_recent_weakness_that_climbs_is_weakness_that_spreads(kb):
    result = explore(["acute onset", "ascending spread", "leg weakness"], kb=kb)
    assert "red-flag.recent-weakness-ascending" in {t.rule for t in result.trace}
    assert "spreading_weakness" in {flag.id for flag in result.red_flags}
    # the same climb over years, or numbness alone climbing, is not this warning
    slow = ["chronic onset", "ascending spread", "leg weakness"]
    for findings in (slow, ["acute onset", "ascending spread", "numbness"]):
        assert "red-flag.recent-weakness-ascending" not in {t.rule for t in explore(findings, kb=kb).trace}


def test_weakness_reaching_the_arms_is_read_as_climbing(kb):
    assert "spread_ascending" in course("my legs got weak last week and it has now spread to my arms", kb)
    text = "Since Thursday my legs have gone weak, and today my arms are weak too."
    assert "spread_ascending" in course(text, kb)
    assert "spreading_weakness" in {flag.id for flag in explore([text], kb=kb).red_flags}


def test_a_diagnosis_named_beside_a_time_course_is_read_as_its_background(kb):
    got = course("I was diagnosed with lupus years ago. For a month now my left foot and right hand are numb.", kb)
    assert "background_lupus" in got
    # not read alone, nor when negated or said of someone else: then it stays a pointer to the card
    for text in (
        "I have lupus and numb feet",
        "I don't have lupus, my feet went numb last week",
        "my sister has lupus; my feet went numb last week",
    ):
        reading = parse(text, kb)
        assert "background_lupus" not in {m.symptom.id for m in reading.mentions}, text
        assert any(x.condition is not None for x in reading.leftovers), text


def test_without_any_time_or_pattern_a_named_diagnosis_changes_nothing(kb):
    before = explore(["I have rheumatoid arthritis", "numbness", "weakness in the feet"], kb=kb)
    assert "background_rheumatoid_arthritis" not in {r.symptom.id for r in before.recognized}
    assert "rheumatoid_arthritis" not in {s.condition.id for s in before.suggestions}


@pytest.mark.parametrize(
    "text,rule,condition",
    [
        (
            "I have had RA for ten years. Over the past month my left foot went weak and then my right hand went numb.",
            "time.vasculitic-patchy-ra-diagnosed",
            "rheumatoid_arthritis",
        ),
        (
            "I have lupus. In the last few weeks my right foot has gone numb and my left hand is weak.",
            "time.vasculitic-patchy-lupus-diagnosed",
            "systemic_lupus_erythematosus",
        ),
        (
            "I have multiple sclerosis. Over the last two days my left leg has gone numb and tingly.",
            "time.ms-diagnosed-new-episode",
            "multiple_sclerosis",
        ),
    ],
)
def test_a_diagnosis_given_before_puts_its_complication_first(kb, text, rule, condition):
    result = explore([text], kb=kb)
    assert rule in {t.rule for t in result.trace}
    assert result.suggestions[0].condition.id == condition


def test_a_diagnosis_given_before_does_not_outweigh_a_slow_picture_that_fits_another_cause(kb):
    text = "I have rheumatoid arthritis and diabetes. Both feet have slowly gone numb for years, starting in my toes."
    assert explore([text], kb=kb).suggestions[0].condition.id == "diabetic_neuropathy"


def test_nerve_symptoms_after_a_tick_bite_point_to_an_infection(kb):
    text = "A month after I was bitten by a tick, shooting pains started down my leg and my foot tingles."
    assert "course_after_tick_bite" in course(text, kb)
    result = explore([text], kb=kb)
    assert "time.lyme-after-tick-bite" in {t.rule for t in result.trace}
    assert result.suggestions[0].condition.id == "infection_related_neuropathy"


def test_numbness_of_face_and_hands_as_early_as_the_feet_is_not_length_dependent(kb):
    text = "My mouth and eyes are dry. For a year my face and hands have been numb, my feet too."
    assert "spread_not_length_dependent" in course(text, kb)
    result = explore([text], kb=kb)
    assert "time.sjogren-not-length-dependent" in {t.rule for t in result.trace}
    assert result.suggestions[0].condition.id == "sjogren_syndrome"
    # from the toes up is the length-dependent picture: not this value
    assert "spread_not_length_dependent" not in course("numbness that started in my toes and is creeping up", kb)


def test_a_background_value_naming_an_unknown_condition_is_reported_at_its_line(kb_copy):
    from tests.kbedit import assert_breakage_reported

    assert_breakage_reported(
        kb_copy,
        "data/time_course.yaml",
        "condition: systemic_lupus_erythematosus\n",
        "condition: systemic_lupus\n",
        "condition: systemic_lupus",
        "unknown condition 'systemic_lupus' (did you mean 'systemic_lupus_erythematosus'?)",
    )


@pytest.mark.parametrize(
    "text,value,not_value",
    [
        (
            "the pins and needles come in bouts of a few weeks and I am back to normal in between",
            "course_relapsing",
            "",
        ),
        ("numb patches turned up one at a time on my shin and my forearm", "symmetry_patchy", ""),
        ("my feet and hands are numb, but not both sides the same", "symmetry_patchy", "symmetry_both_sides"),
        ("my legs have been tingling since last weekend", "onset_acute", ""),
        ("the numbness rose from my feet to the waist in a week", "spread_ascending", ""),
        ("my legs are weak and I can no longer stand", "severity_cannot_stand", ""),
        ("my feet began to tingle after a heavy cold", "course_after_infection", ""),
        ("following a diarrhoeal illness my legs went weak", "course_after_infection", ""),
        ("my hands are weak and I cant open jars", "severity_cannot_use_hands", ""),
        ("my toes went numb and it gets worse after every dose", "course_follows_exposure", ""),
        ("the soles of my feet have tingled since last winter", "onset_chronic", ""),
        ("numb in a stocking distribution", "spread_from_feet", ""),
        ("my legs are weak and I can only walk a few steps", "severity_cannot_walk", ""),
        ("my legs are weak and my husband has to help me up", "severity_cannot_stand", ""),
        ("my legs are weak and I keep falling over", "severity_cannot_stand", ""),
    ],
)
def test_more_wordings_of_each_dimension(kb, text, value, not_value):
    got = course(text, kb)
    assert value in got and not_value not in got


def test_a_recent_climb_that_stops_standing_points_to_gbs_even_with_no_finding_named(kb):
    result = explore(["acute onset", "ascending spread", "Severity: cannot stand"], kb=kb)
    assert "time.gbs-recent-ascending-disabling" in {t.rule for t in result.trace}
    assert result.suggestions[0].condition.id == "guillain_barre_syndrome"
    assert "spreading_weakness" in {flag.id for flag in result.red_flags}


def test_nerves_hit_one_by_one_over_days_each_with_ra_diagnosed_and_diabetes_put_ra_first(kb):
    # each nerve hit over a day or two is the pace of vasculitis too, not only of Guillain-Barre syndrome
    text = (
        "I have RA and type 2 diabetes. In January my left foot dropped, in April my right hand went numb, "
        "each over a couple of days."
    )
    assert explore([text], kb=kb).suggestions[0].condition.id == "rheumatoid_arthritis"


def test_nerves_hit_one_after_another_lately_warn_within_a_day_and_not_when_it_is_old(kb):
    recent = explore(["subacute onset", "patchy", "numbness"], kb=kb)
    assert [(f.id, f.level) for f in recent.red_flags] == [("nerves_one_after_another", "same_day")]
    assert explore(["chronic onset", "patchy", "numbness"], kb=kb).red_flags == ()


def test_a_sentence_saying_parts_are_fine_gives_no_spread_or_symmetry(kb):
    got = course("For years my feet have gone numb from the toes up. My hands and face are fine.", kb)
    assert "spread_from_feet" in got and "spread_not_length_dependent" not in got
    assert "symmetry_both_sides" not in course("My toes are numb. Both hands are fine.", kb)
    # a sentence that names a finding present keeps its words
    assert "symmetry_both_sides" in course("Both feet are numb but my hands are fine.", kb)


def test_a_batch_column_gives_the_background(tmp_path):
    table = tmp_path / "cases.csv"
    table.write_text('id,present,onset,symmetry,background\nr1,"numbness, weak legs",subacute,patchy,lupus\n')
    record = json.loads(CliRunner().invoke(cli, ["batch", str(table), "--format", "jsonl"]).stdout)
    assert "background_lupus" in {c["value"]["id"] for c in record["result"]["time_course"]}
    assert record["result"]["suggestions"][0]["condition"]["id"] == "systemic_lupus_erythematosus"
